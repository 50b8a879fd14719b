package io.newsgraph.entity.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsgraph.entity.config.ExtractionConfig;
import io.newsgraph.entity.repository.AnalysisRepository;
import io.newsgraph.entity.repository.AnalysisRepository.ArticleQuotes;
import io.newsgraph.entity.repository.QuotesOutboxRepository;
import io.newsgraph.entity.repository.QuotesOutboxRepository.Backlog;
import io.newsgraph.entity.repository.QuotesOutboxRepository.Change;
import io.newsgraph.entity.search.QuotesIndex;
import io.newsgraph.entity.search.QuotesIndex.Projection;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Feeds the quotes index from quotes_index_outbox, at least once and in order: one replica at a time (an advisory
 * lock) takes the oldest changes, projects the current analysis of their articles ({@link QuotesIndex#project}) and
 * deletes those rows in the same transaction, so a crash or an OpenSearch failure leaves them for the next try.
 * OpenSearch down: batches fail and are retried with exponential backoff; analysis goes on, the outbox grows
 * (newsgraph_search_index_lag_seconds) and the index catches up once the cluster is back.
 */
@ApplicationScoped
public class QuoteIndexer {
    private static final Logger LOG = Logger.getLogger(QuoteIndexer.class);

    @Inject
    QuotesOutboxRepository outbox;

    @Inject
    AnalysisRepository analyses;

    @Inject
    QuotesIndex index;

    @Inject
    ExtractionConfig config;

    @Inject
    MeterRegistry metrics;

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private volatile boolean indexReady;
    private volatile Backlog backlog = new Backlog(0, 0);
    private Thread indexer;

    void start(@Observes StartupEvent event) {
        Gauge.builder("newsgraph.search.index.lag", this, s -> s.backlog.lagSeconds())
                .tag("index", "quotes")
                .description("Age of the oldest change not yet in the search index")
                .baseUnit("seconds")
                .register(metrics);
        Gauge.builder("newsgraph.search.index.pending", this, s -> s.backlog.pending())
                .tag("index", "quotes")
                .description("Changes waiting for the search index")
                .register(metrics);
        running = true;
        indexer = Thread.ofPlatform()
                .name("quote-indexer")
                .daemon()
                .start(JobTracing.untraced().wrap(this::indexUntilStopped));
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        indexer.interrupt();
    }

    /** Called after an analysis committed: the indexer starts at once instead of at its next poll. */
    public void changed() {
        wakeUp.release();
    }

    private void indexUntilStopped() {
        int failures = 0;
        while (running) {
            boolean more;
            try {
                more = indexBatch();
                if (failures > 0) {
                    LOG.infof("quotes index reachable again after %d failed attempts", failures);
                }
                failures = 0;
            } catch (RuntimeException e) {
                if (!running) {
                    return; // interrupted by the shutdown
                }
                failures++;
                indexReady = false; // check the alias again: the cluster may have come back empty
                metrics.counter("newsgraph.search.index.failures", "index", "quotes")
                        .increment();
                long delay = Math.min(
                        config.quotesIndex().maxBackoff().toMillis(),
                        config.quotesIndex().backoff().toMillis() * (1L << Math.min(failures - 1, 20)));
                if (failures == 1 || failures % 10 == 0) { // an outage logs once, then every tenth retry
                    LOG.warnf(
                            "quotes index not updated (attempt %d, next in %d ms): %s", failures, delay, e.toString());
                }
                if (!pause(delay)) {
                    return;
                }
                continue;
            }
            if (!more && !pauseUntilWoken()) {
                return;
            }
        }
    }

    /** One batch of changes into the index; true when the outbox may hold more right now. */
    boolean indexBatch() {
        if (!indexReady) {
            try {
                index.ensure();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            indexReady = true;
        }
        int batchSize = config.quotesIndex().batchSize();
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!outbox.lockIndexer()) {
                return false; // another replica indexes
            }
            List<Change> changes = outbox.oldest(batchSize);
            if (changes.isEmpty()) {
                return false;
            }
            Map<UUID, Integer> latest = new HashMap<>();
            changes.forEach(c -> latest.merge(c.articleId(), c.version(), Math::max));
            Map<UUID, ArticleQuotes> current = analyses.quotesOf(latest.keySet());
            Map<UUID, Integer> deleted = new HashMap<>(latest);
            deleted.keySet().removeAll(current.keySet());
            Projection done = index.project(List.copyOf(current.values()), deleted);
            outbox.remove(changes.stream().map(Change::seq).toList());
            LOG.debugf(
                    "quotes index: %d changes of %d articles (%d deleted): %d written, %d stale, %d removed",
                    changes.size(), latest.size(), deleted.size(), done.indexed(), done.stale(), done.removed());
            metrics.counter("newsgraph.search.index.writes", "index", "quotes", "outcome", "indexed")
                    .increment(done.indexed());
            metrics.counter("newsgraph.search.index.writes", "index", "quotes", "outcome", "stale")
                    .increment(done.stale());
            metrics.counter("newsgraph.search.index.writes", "index", "quotes", "outcome", "removed")
                    .increment(done.removed());
            return changes.size() == batchSize;
        });
    }

    /** Refreshes the lag gauges (every few seconds: a count over the outbox is not free while it is long). */
    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshBacklog() {
        try (Scope untraced = JobTracing.untraced().makeCurrent()) {
            backlog = QuarkusTransaction.requiringNew().call(outbox::backlog);
        }
    }

    /** The index's backlog now. */
    public Backlog backlog() {
        backlog = QuarkusTransaction.requiringNew().call(outbox::backlog);
        return backlog;
    }

    private boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private boolean pauseUntilWoken() {
        try {
            wakeUp.tryAcquire(config.quotesIndex().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            wakeUp.drainPermits();
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
