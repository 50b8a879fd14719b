package io.newsgraph.article.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsgraph.article.repository.Article;
import io.newsgraph.article.repository.ArticleRepository;
import io.newsgraph.article.repository.ArticleVersion;
import io.newsgraph.article.repository.ArticleVersionRepository;
import io.newsgraph.article.repository.ChangeKind;
import io.newsgraph.article.repository.EntitySummary;
import io.newsgraph.article.repository.EntitySummary.SummaryEntity;
import io.newsgraph.article.repository.FeedRepository;
import io.newsgraph.article.repository.SearchProjectionRepository;
import io.newsgraph.article.repository.SearchProjectionRepository.StoredSummary;
import io.newsgraph.common.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Writes articles: create (with dedup), new versions, soft deletes - each with its change-feed event. */
@ApplicationScoped
public class ArticleService {

    @Inject
    ArticleRepository articles;

    @Inject
    ArticleVersionRepository versions;

    @Inject
    FeedRepository feed;

    @Inject
    SearchProjectionRepository projection;

    @Inject
    EntityNames entityNames;

    @Inject
    MeterRegistry metrics;

    /** Stores a new article, or returns the live one it duplicates (same external id or same content). */
    public StoredArticle ingest(ArticleDraft draft) {
        String hash = draft.contentHash();
        try {
            return counted(QuarkusTransaction.requiringNew().call(() -> {
                Optional<Article> duplicate = articles.findDuplicate(draft.externalId(), hash);
                if (duplicate.isPresent()) {
                    return new StoredArticle(duplicate.get(), false);
                }
                Instant now = now();
                Article article = new Article();
                article.id = UUID.randomUUID();
                article.version = 1;
                article.createdAt = now;
                apply(article, draft, hash, now);
                articles.persist(article);
                versions.persist(ArticleVersion.of(article, ChangeKind.CREATED, now));
                feed.append(ChangeKind.CREATED, article.id, article.version, now, TraceParents.current());
                return new StoredArticle(article, true);
            }));
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            // A concurrent request stored the same article first: answer with that one.
            return counted(QuarkusTransaction.requiringNew()
                    .call(() -> articles.findDuplicate(draft.externalId(), hash)
                            .map(a -> new StoredArticle(a, false))
                            .orElseThrow(() -> e)));
        }
    }

    /** newsgraph_articles_ingested_total{outcome=created|duplicate}: the ingest rate operators watch. */
    private StoredArticle counted(StoredArticle stored) {
        metrics.counter("newsgraph.articles.ingested", "outcome", stored.changed() ? "created" : "duplicate")
                .increment();
        return stored;
    }

    /** New version of a live article, if the client saw its current version (optimistic concurrency). */
    public StoredArticle update(UUID id, int expectedVersion, ArticleDraft draft) {
        String hash = draft.contentHash();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Article article = lockLive(id, expectedVersion);
                if (sameContent(article, draft, hash)) {
                    return new StoredArticle(article, false);
                }
                Optional<Article> other =
                        articles.findDuplicate(draft.externalId(), hash).filter(a -> !a.id.equals(id));
                if (other.isPresent()) {
                    throw duplicateOf(other.get());
                }
                Instant now = now();
                article.version++;
                apply(article, draft, hash, now);
                versions.persist(ArticleVersion.of(article, ChangeKind.UPDATED, now));
                feed.append(ChangeKind.UPDATED, article.id, article.version, now, TraceParents.current());
                return new StoredArticle(article, true);
            });
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                throw new ProblemException(
                        409,
                        "duplicate-content",
                        "Article would duplicate another",
                        "Another live article has the same external id or content");
            }
            throw e;
        }
    }

    /** Soft delete: hidden from reads, kept as a DELETED version, announced in the feed. */
    public void delete(UUID id, Integer expectedVersion) {
        QuarkusTransaction.requiringNew().run(() -> {
            Article article = lockLive(id, expectedVersion);
            Instant now = now();
            article.version++;
            article.deletedAt = now;
            article.updatedAt = now;
            entityNames.articleChanged(entitiesOf(projection.storedSummary(id)), List.of());
            versions.persist(ArticleVersion.of(article, ChangeKind.DELETED, now));
            feed.append(ChangeKind.DELETED, article.id, article.version, now, TraceParents.current());
        });
    }

    /**
     * Stores entity-service's summary of one version and announces it in the feed (kind ANALYSED), which brings it into
     * search. 404: unknown or deleted article; 409: the version does not exist or a newer version's summary is stored.
     */
    public void storeSummary(UUID id, EntitySummary summary) {
        QuarkusTransaction.requiringNew().run(() -> {
            Article article = lockLive(id, null);
            if (summary.version() > article.version) {
                throw new ProblemException(
                        409,
                        "unknown-version",
                        "Version does not exist",
                        "Article " + id + " has no version " + summary.version() + " (it is at version "
                                + article.version + ")");
            }
            Optional<StoredSummary> stored = projection.storedSummary(id);
            if (stored.isPresent() && stored.get().version() > summary.version()) {
                throw new ProblemException(
                        409,
                        "stale-summary",
                        "A newer summary is stored",
                        "The stored summary is of version " + stored.get().version() + "; version " + summary.version()
                                + " is older");
            }
            Instant now = now();
            entityNames.articleChanged(entitiesOf(stored), summary.entities());
            projection.saveSummary(id, summary, now);
            feed.append(ChangeKind.ANALYSED, id, summary.version(), now, TraceParents.current());
        });
    }

    private static List<SummaryEntity> entitiesOf(Optional<StoredSummary> stored) {
        return stored.map(StoredSummary::entities).orElse(List.of());
    }

    public Article get(UUID id) {
        return articles.findLive(id).orElseThrow(() -> ProblemException.notFound("Article", id));
    }

    public List<ArticleVersion> history(UUID id) {
        List<ArticleVersion> history = versions.history(id);
        if (history.isEmpty()) {
            throw ProblemException.notFound("Article", id);
        }
        return history;
    }

    public ArticleVersion version(UUID id, int version) {
        return versions.find(id, version)
                .orElseThrow(() -> ProblemException.notFound("Version " + version + " of article", id));
    }

    private Article lockLive(UUID id, Integer expectedVersion) {
        Article article = articles.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (article == null || article.isDeleted()) {
            throw ProblemException.notFound("Article", id);
        }
        if (expectedVersion != null && article.version != expectedVersion) {
            throw new ProblemException(
                    412,
                    "version-mismatch",
                    "Article has changed",
                    "If-Match names version " + expectedVersion + " but the article is at version " + article.version
                            + "; read it again and retry");
        }
        return article;
    }

    private static ProblemException duplicateOf(Article other) {
        return new ProblemException(
                409,
                "duplicate-content",
                "Article would duplicate another",
                "Article " + other.id + " already has this external id or content");
    }

    private static boolean sameContent(Article a, ArticleDraft d, String hash) {
        return a.contentHash.equals(hash)
                && java.util.Objects.equals(a.author, d.author())
                && java.util.Objects.equals(a.source, d.source())
                && java.util.Objects.equals(a.url, d.url())
                && java.util.Objects.equals(a.publishedAt, d.publishedAt())
                && java.util.Objects.equals(a.publishedAtSource, d.publishedAtSource())
                && java.util.Objects.equals(a.externalId, d.externalId())
                && java.util.Objects.equals(a.datelineText, d.wire().datelineText())
                && java.util.Objects.equals(a.bylineDate, d.wire().bylineDate());
    }

    private static void apply(Article article, ArticleDraft draft, String hash, Instant now) {
        article.externalId = draft.externalId();
        article.contentHash = hash;
        article.title = draft.title();
        article.author = draft.author();
        article.source = draft.source();
        article.dateline = draft.dateline();
        article.datelineText = draft.wire().datelineText();
        article.datelineMonthDay = draft.wire().datelineMonthDay() == null
                ? null
                : draft.wire().datelineMonthDay().toString();
        article.datelineDate = draft.wire().datelineDate();
        article.agency = draft.wire().agency();
        article.bylineDate = draft.wire().bylineDate();
        article.credits = draft.wire().credits();
        article.url = draft.url();
        article.language = draft.language();
        article.publishedAt = draft.publishedAt();
        article.publishedAtSource = draft.publishedAtSource();
        article.body = draft.body();
        article.captions = draft.captions();
        article.footers = draft.footers();
        article.originalText = draft.originalText();
        article.originalMediaType = draft.originalMediaType();
        article.updatedAt = now;
    }

    // Microseconds: what PostgreSQL stores, so values read back equal the ones written (ETags, cursors).
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
