package io.newsgraph.entity.service;

import io.newsgraph.common.problem.FieldError;
import io.newsgraph.common.problem.ProblemException;
import io.newsgraph.entity.repository.AnalysisRepository;
import io.newsgraph.entity.repository.EntityRepository;
import io.newsgraph.entity.repository.EntityRepository.EntityRow;
import io.newsgraph.entity.repository.QuotesOutboxRepository;
import io.newsgraph.entity.repository.SummaryOutboxRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** User corrections to the entity graph: aliases and merges. Both apply to stored data and to later extractions. */
@ApplicationScoped
public class EntityGraph {

    @Inject
    EntityRepository entities;

    @Inject
    AnalysisRepository analyses;

    @Inject
    UserAliasTable userAliases;

    @Inject
    QuotesOutboxRepository quotesOutbox;

    @Inject
    SummaryOutboxRepository summaryOutbox;

    /** A live entity, or 404; a merged one answers with where it went ({@link Moved}). */
    public EntityRow live(UUID id) {
        EntityRow row = entities.find(id).orElseThrow(() -> ProblemException.notFound("Entity", id));
        if (row.mergedInto() != null) {
            throw new Moved(entities.forward(id));
        }
        return row;
    }

    /**
     * Makes {@code alias} a name of the entity: later extractions map it there, and an existing entity of
     * that name and type is merged in, so stored mentions follow too.
     */
    public EntityRow addAlias(UUID id, String alias) {
        EntityRow row = QuarkusTransaction.requiringNew().call(() -> {
            EntityRow target = lockLive(id);
            Optional<UUID> owner = entities.userAliasOwner(target.type(), alias).map(entities::forward);
            if (owner.isPresent() && !owner.get().equals(id)) {
                throw new ProblemException(
                        409,
                        "alias-taken",
                        "Alias names another entity",
                        "\"" + alias + "\" is already an alias of entity " + owner.get(),
                        List.of(new FieldError("alias", "is taken")));
            }
            entities.findByName(target.type(), alias)
                    .filter(other -> !other.equals(id))
                    .ifPresent(other -> {
                        lockLive(other);
                        reproject(other);
                        entities.merge(other, id);
                    });
            entities.addUserAlias(id, target.type(), alias);
            return target;
        });
        userAliases.reload();
        return row;
    }

    /** Merges {@code sourceId} into {@code targetId}: mentions, quotes, claims and aliases move; the source forwards. */
    public EntityRow merge(UUID targetId, UUID sourceId) {
        if (targetId.equals(sourceId)) {
            throw ProblemException.badRequest(
                    "An entity cannot be merged into itself", new FieldError("source", "must differ from the target"));
        }
        EntityRow row = QuarkusTransaction.requiringNew().call(() -> {
            // Lock in id order so that two opposite merges cannot deadlock.
            boolean targetFirst = targetId.compareTo(sourceId) < 0;
            EntityRow first = lockLive(targetFirst ? targetId : sourceId);
            EntityRow second = lockLive(targetFirst ? sourceId : targetId);
            EntityRow target = targetFirst ? first : second;
            EntityRow source = targetFirst ? second : first;
            if (source.type() != target.type()) {
                throw new ProblemException(
                        409,
                        "type-mismatch",
                        "Entities have different types",
                        "Cannot merge a " + source.type() + " into a " + target.type(),
                        List.of(new FieldError("source", "has another type")));
            }
            reproject(sourceId);
            entities.merge(sourceId, targetId);
            return target;
        });
        userAliases.reload();
        return row;
    }

    /** The articles of an entity about to be merged get their quotes re-indexed and their summaries pushed again. */
    private void reproject(UUID source) {
        quotesOutbox.changedForSpeaker(source);
        summaryOutbox.dueForEntity(source);
    }

    private EntityRow lockLive(UUID id) {
        EntityRow row = entities.lock(id);
        if (row == null) {
            throw ProblemException.notFound("Entity", id);
        }
        if (row.mergedInto() != null) {
            throw new ProblemException(
                    409,
                    "entity-merged",
                    "Entity was merged",
                    "Entity " + id + " was merged into " + entities.forward(id) + "; use that one");
        }
        return row;
    }

    /** Signals that an entity was merged: the REST layer answers 301 to the entity it now lives in. */
    public static final class Moved extends RuntimeException {
        private final UUID target;

        Moved(UUID target) {
            super(null, null, false, false);
            this.target = target;
        }

        public UUID target() {
            return target;
        }
    }
}
