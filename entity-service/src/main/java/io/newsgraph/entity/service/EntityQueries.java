package io.newsgraph.entity.service;

import io.newsgraph.entity.extract.EntityType;
import io.newsgraph.entity.repository.AnalysisRepository;
import io.newsgraph.entity.repository.AnalysisRepository.Cooccurrence;
import io.newsgraph.entity.repository.AnalysisRepository.EntityArticle;
import io.newsgraph.entity.repository.AnalysisRepository.StoredAnalysis;
import io.newsgraph.entity.repository.AnalysisRepository.StoredClaim;
import io.newsgraph.entity.repository.AnalysisRepository.StoredQuote;
import io.newsgraph.entity.repository.EntityRepository;
import io.newsgraph.entity.repository.EntityRepository.EntityRow;
import io.newsgraph.entity.repository.EntityRepository.EntitySummary;
import io.newsgraph.entity.repository.EntityRepository.RoleCount;
import io.newsgraph.entity.repository.EntityRepository.Stats;
import io.newsgraph.entity.repository.JobRepository;
import io.newsgraph.entity.repository.JobRepository.ParkedJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The read use cases of the REST resources: entities and their detail, the articles, quotes, claims and co-occurring
 * entities of one, stored analyses and parked jobs. An entity id given by a client is followed to the live entity
 * first (a merged one forwards), so every list is about the entity the client will be shown.
 */
@ApplicationScoped
public class EntityQueries {
    @Inject
    EntityRepository entities;

    @Inject
    AnalysisRepository analyses;

    @Inject
    JobRepository jobs;

    @Inject
    EntityGraph graph;

    /** An entity with what its detail view shows. */
    public record EntityDetail(EntityRow entity, Stats stats, Map<String, String> aliases, List<RoleCount> roles) {}

    public List<EntitySummary> search(String prefix, EntityType type, String country, int offset, int limit) {
        return entities.search(prefix, type, country, offset, limit);
    }

    /** The live entity (404 for unknown, 301 problem for a merged one: {@link EntityGraph#live}) with its detail. */
    public EntityDetail detail(UUID id) {
        return detail(graph.live(id));
    }

    public EntityDetail detail(EntityRow row) {
        return new EntityDetail(
                row, entities.stats(row.id()), entities.aliases(row.id()), entities.roles(row.id(), 20));
    }

    /** The live id of an entity named by a client; null stays null (no filter). */
    public UUID live(UUID id) {
        return id == null ? null : graph.live(id).id();
    }

    public List<EntityArticle> articles(UUID entityId, int offset, int limit) {
        return analyses.articlesOf(entityId, offset, limit);
    }

    public List<Cooccurrence> cooccurrences(UUID entityId, EntityType type, int offset, int limit) {
        return analyses.cooccurrences(entityId, type, offset, limit);
    }

    /** Quotes of a live speaker, or all when {@code speaker} is null; newest articles first. */
    public List<StoredQuote> quotes(UUID speaker, int offset, int limit) {
        return analyses.quotes(speaker, offset, limit);
    }

    /** Claims of a live claimant, or all when {@code claimant} is null; newest articles first. */
    public List<StoredClaim> claims(UUID claimant, int offset, int limit) {
        return analyses.claims(claimant, offset, limit);
    }

    public Optional<StoredAnalysis> analysis(UUID articleId) {
        return analyses.find(articleId);
    }

    /** In a transaction of its own: the status answer must not join (or wait on) a caller's. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<ParkedJob> parkedJobs(int limit) {
        return jobs.parked(limit);
    }
}
