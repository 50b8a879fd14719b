package io.newsgraph.entity.service;

import io.newsgraph.entity.client.ArticleVersion;
import io.newsgraph.entity.extract.Analysis;
import io.newsgraph.entity.extract.ClaimResult;
import io.newsgraph.entity.extract.EntityResult;
import io.newsgraph.entity.extract.ExtractionInput;
import io.newsgraph.entity.extract.Place;
import io.newsgraph.entity.extract.QuoteResult;
import io.newsgraph.entity.repository.AnalysisRepository;
import io.newsgraph.entity.repository.AnalysisRepository.StoredAnalysis;
import io.newsgraph.entity.repository.AnalysisRepository.StoredClaim;
import io.newsgraph.entity.repository.AnalysisRepository.StoredDate;
import io.newsgraph.entity.repository.AnalysisRepository.StoredEntity;
import io.newsgraph.entity.repository.AnalysisRepository.StoredMention;
import io.newsgraph.entity.repository.AnalysisRepository.StoredQuote;
import io.newsgraph.entity.repository.EntityRepository;
import io.newsgraph.entity.repository.EntityRepository.ExtractedAlias;
import io.newsgraph.entity.repository.EntityRepository.Name;
import io.newsgraph.entity.repository.QuotesOutboxRepository;
import io.newsgraph.entity.repository.SummaryOutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Analyses one article version and stores the result linked into the entity graph (caller's transaction), together
 * with the outbox rows that carry it on to the quotes index and to article-service's entity summary.
 */
@ApplicationScoped
public class ArticleAnalyser {

    @Inject
    ExtractionEngine engine;

    @Inject
    EntityRepository entities;

    @Inject
    AnalysisRepository analyses;

    @Inject
    QuotesOutboxRepository quotesOutbox;

    @Inject
    SummaryOutboxRepository summaryOutbox;

    @Inject
    QuoteIndexer indexer;

    @Inject
    SummaryPusher pusher;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Stores the analysis unless a newer version's is stored already (then false: this one is stale). */
    public boolean analyseAndStore(ArticleVersion article) {
        if (analyses.storedVersion(article.articleId())
                .filter(stored -> stored > article.version())
                .isPresent()) {
            return false; // a slower job of an older version must not replace a newer analysis (nor its index entries)
        }
        Analysis analysis = engine.analyse(new ExtractionInput(
                article.title(),
                article.body(),
                article.statedPublishedAt(),
                article.datelineText(),
                article.captionTexts(),
                article.bylineDate()));
        Map<Name, UUID> resolved = entities.resolveAll(analysis.entities().stream()
                .map(e -> new Name(e.type(), e.canonicalName()))
                .toList());
        Map<String, UUID> idsByKey = new HashMap<>();
        // Several extracted entities can resolve to one stored entity (user aliases, merges): fold them.
        Map<UUID, StoredEntity> byId = new LinkedHashMap<>();
        Map<UUID, Place> places = new HashMap<>();
        List<ExtractedAlias> aliases = new ArrayList<>();
        for (EntityResult e : analysis.entities()) {
            UUID id = resolved.get(new Name(e.type(), e.canonicalName()));
            idsByKey.put(e.key(), id);
            if (e.place() != null) {
                places.putIfAbsent(id, e.place());
            }
            e.aliases().forEach(alias -> aliases.add(new ExtractedAlias(id, e.type(), alias)));
            List<StoredMention> mentions = e.mentions().stream()
                    .map(m -> new StoredMention(m.start(), m.end(), m.surface()))
                    .toList();
            byId.merge(
                    id,
                    new StoredEntity(id, e.canonicalName(), e.type(), e.salience(), e.roles(), mentions, e.place()),
                    ArticleAnalyser::fold);
        }
        entities.link(places);
        entities.addExtractedAliases(aliases);
        List<StoredQuote> quotes = new ArrayList<>();
        for (QuoteResult q : analysis.quotes()) {
            quotes.add(new StoredQuote(
                    article.articleId(),
                    q.start(),
                    q.end(),
                    q.text(),
                    idsByKey.get(q.speakerKey()),
                    null,
                    q.speakerSurface(),
                    q.speakerDescription(),
                    q.speakerRole(),
                    q.verb(),
                    q.kind().name(),
                    idsByKey.get(q.onBehalfOfKey()),
                    null,
                    q.confidence()));
        }
        List<StoredClaim> claims = new ArrayList<>();
        for (ClaimResult c : analysis.claims()) {
            claims.add(new StoredClaim(
                    article.articleId(),
                    c.start(),
                    c.end(),
                    c.surface(),
                    c.value(),
                    c.qualifier(),
                    c.unit(),
                    idsByKey.get(c.claimantKey()),
                    null,
                    c.inQuote()));
        }
        List<StoredDate> dates = analysis.dates().stream()
                .map(d -> new StoredDate(d.start(), d.end(), d.surface(), d.resolved(), d.granularity()))
                .toList();
        analyses.replace(new StoredAnalysis(
                article.articleId(),
                article.version(),
                article.title(),
                article.publishedAt(),
                null,
                List.copyOf(byId.values()),
                quotes,
                claims,
                dates,
                analysis.referenceDate() == null
                        ? null
                        : analysis.referenceDate().value(),
                analysis.referenceDate() == null
                        ? null
                        : analysis.referenceDate().source().name()));
        quotesOutbox.changed(article.articleId(), article.version());
        summaryOutbox.due(article.articleId(), article.version());
        wakeAfterCommit(true);
        return true;
    }

    /** Removes a deleted article's analysis; its quotes leave the index (article-service already knows of the delete). */
    public void delete(UUID articleId, int version) {
        analyses.delete(articleId);
        quotesOutbox.changed(articleId, version);
        wakeAfterCommit(false);
    }

    /** The indexer and the pusher start once the outbox rows are visible, not at their next poll. */
    private void wakeAfterCommit(boolean summary) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    indexer.changed();
                    if (summary) {
                        pusher.changed();
                    }
                }
            }
        });
    }

    private static StoredEntity fold(StoredEntity a, StoredEntity b) {
        List<StoredMention> mentions = new ArrayList<>(a.mentions());
        mentions.addAll(b.mentions());
        LinkedHashSet<String> roles = new LinkedHashSet<>(a.roles());
        roles.addAll(b.roles());
        return new StoredEntity(
                a.entityId(),
                a.name(),
                a.type(),
                Math.max(a.salience(), b.salience()),
                List.copyOf(roles),
                mentions,
                a.place() != null ? a.place() : b.place());
    }
}
