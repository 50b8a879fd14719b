package io.newsgraph.article.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsgraph.article.config.IndexerConfig;
import io.newsgraph.article.repository.ArticleDocument;
import io.newsgraph.article.repository.ArticleIndex;
import io.newsgraph.article.repository.FeedRepository;
import io.newsgraph.article.repository.FeedRepository.Change;
import io.newsgraph.article.repository.SearchProjectionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Feeds the `articles` index from the change feed: at least once, in feed order, in batches. Each batch reads the
 * current state of the articles it names (so replaying or reordering changes nothing) and writes them with the
 * batch's last feed position as external version. The cursor row is locked for the batch: with several replicas
 * one indexes at a time. OpenSearch down: the cursor stays, the loop retries with backoff, ingest is untouched.
 */
@ApplicationScoped
public class ArticleIndexer {
    private static final Logger LOG = Logger.getLogger(ArticleIndexer.class);

    @Inject
    IndexerConfig config;

    @Inject
    FeedRepository feed;

    @Inject
    SearchProjectionRepository projection;

    @Inject
    ArticleIndex index;

    @Inject
    MeterRegistry metrics;

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile Backlog backlog = new Backlog(0, null);
    private volatile boolean running;
    private volatile boolean indexReady;
    private Thread loop;

    void start(@Observes StartupEvent event) {
        // The same gauges as entity-service's quotes index, tagged with the index (docs/operations.md).
        Gauge.builder("newsgraph.search.index.lag", this, s -> s.backlog.lagSeconds())
                .tag("index", "articles")
                .description("Age of the oldest change not yet in the search index")
                .baseUnit("seconds")
                .register(metrics);
        Gauge.builder("newsgraph.search.index.pending", this, s -> s.backlog.pending())
                .tag("index", "articles")
                .description("Changes waiting for the search index")
                .register(metrics);
        if (!config.enabled()) {
            return;
        }
        running = true;
        loop = Thread.ofPlatform().name("search-indexer").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp.release();
    }

    private void run() {
        Duration backoff = config.pollInterval();
        while (running) {
            boolean more = false;
            try {
                more = indexNext();
                backoff = config.pollInterval();
            } catch (RuntimeException e) {
                indexReady = false;
                LOG.warnf("search indexer: %s (retrying in %d ms)", e.toString(), backoff.toMillis());
                metrics.counter("newsgraph.search.index.failures", "index", "articles")
                        .increment();
                measureLag();
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0
                        ? config.maxBackoff()
                        : backoff.multipliedBy(2);
                continue;
            }
            if (!more) {
                try {
                    wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void measureBacklog(long indexedUpTo) {
        long pending = feed.lastSeq() - indexedUpTo;
        backlog = new Backlog(
                pending, pending > 0 ? feed.occurredAfter(indexedUpTo).orElse(null) : null);
    }

    /** Feed events not yet indexed, and when the oldest of them happened (null: none). */
    private record Backlog(long pending, Instant oldest) {
        double lagSeconds() {
            return oldest == null
                    ? 0
                    : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
        }
    }

    /** While the index cannot be written the backlog still grows: the lag gauge shows it (PostgreSQL permitting). */
    private void measureLag() {
        try {
            QuarkusTransaction.requiringNew().run(() -> measureBacklog(projection.cursor(ArticleIndex.ALIAS)));
        } catch (RuntimeException e) {
            LOG.debugf("search indexer: lag unknown (%s)", e.toString());
        }
    }

    /** Indexes the next batch; true when the feed may hold more right away. */
    boolean indexNext() {
        if (!indexReady) {
            if (index.ensure()) {
                // A new, empty index (first start, or the cluster lost it): replay the whole feed into it.
                QuarkusTransaction.requiringNew().run(() -> {
                    projection.lockCursorWaiting(ArticleIndex.ALIAS);
                    projection.moveCursor(ArticleIndex.ALIAS, 0);
                });
            }
            indexReady = true;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Long> cursor = projection.lockCursor(ArticleIndex.ALIAS);
            if (cursor.isEmpty()) {
                return false; // another replica is indexing
            }
            List<Change> changes = feed.changesAfter(cursor.get(), config.batchSize());
            if (!changes.isEmpty()) {
                long last = changes.get(changes.size() - 1).seq();
                apply(index.alias(), changes.stream().map(Change::articleId).toList(), last);
                projection.moveCursor(ArticleIndex.ALIAS, last);
                measureBacklog(last);
            } else {
                measureBacklog(cursor.get());
            }
            return changes.size() == config.batchSize();
        });
    }

    /**
     * Writes the current state of these articles into {@code target} with external version {@code version}: live ones
     * indexed, deleted ones removed, and the other members of every near-duplicate group they join or leave rewritten
     * (a group's representative lists its members).
     */
    void apply(String target, Collection<UUID> articleIds, long version) {
        Set<UUID> ids = new LinkedHashSet<>(articleIds);
        Map<UUID, String> before = index.indexedKeys(target, ids);
        Map<UUID, ArticleDocument> documents = projection.documents(ids);
        Set<String> keys = new HashSet<>(before.values());
        documents.values().forEach(d -> keys.add(d.duplicateKey()));
        Set<UUID> all = new LinkedHashSet<>(ids);
        projection.groups(keys).values().forEach(all::addAll);
        if (all.size() > ids.size()) {
            documents = projection.documents(all);
        }
        Set<UUID> deleted = new HashSet<>(ids);
        deleted.removeAll(documents.keySet());
        index.write(target, documents.values(), deleted, version, config.refresh());
    }

    /** Whether the indexer can reach its index (for the search health check). */
    public boolean ready() {
        return indexReady;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
