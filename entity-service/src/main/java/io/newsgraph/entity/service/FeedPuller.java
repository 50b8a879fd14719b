package io.newsgraph.entity.service;

import io.newsgraph.entity.client.ArticleClient;
import io.newsgraph.entity.client.ArticleFeedPage;
import io.newsgraph.entity.config.ExtractionConfig;
import io.newsgraph.entity.repository.JobRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Pulls article-service's change feed into the job table. The feed is read outside any database transaction
 * (no connection or lock is held during the HTTP call); the page is then stored only if the cursor row can
 * be locked and still holds the cursor the page was read from, so when replicas race exactly one stores it.
 * Jobs and the advanced cursor commit together: nothing is lost or skipped, a crash only replays a page.
 */
@ApplicationScoped
public class FeedPuller {
    private static final Logger LOG = Logger.getLogger(FeedPuller.class);
    /**
     * Feed events that change what an article says. Others are skipped, above all ANALYSED (article-service stored the
     * entity summary this service pushed): analysing again on it would push again and loop forever.
     */
    static final Set<String> CONTENT_KINDS = Set.of("CREATED", "UPDATED", "DELETED");

    @Inject
    ArticleClient articles;

    @Inject
    JobRepository jobs;

    @Inject
    ExtractionConfig config;

    @Inject
    JobWorker workers;

    private volatile boolean running;
    private Thread puller;

    // A thread of its own rather than @Scheduled: the scheduler's triggers fire at most once a second, and the
    // poll interval is what bounds the lag between ingest and analysis.
    void start(@Observes StartupEvent event) {
        running = true;
        // Polling is not traced, only the jobs (see JobTracing.untraced).
        puller = Thread.ofPlatform()
                .name("feed-puller")
                .daemon()
                .start(JobTracing.untraced().wrap(this::pullUntilStopped));
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        puller.interrupt();
    }

    private void pullUntilStopped() {
        while (running) {
            try {
                while (running && pullPage()) {
                    // the feed has more right now: keep going
                }
            } catch (RuntimeException e) {
                LOG.warnf("feed puller: %s", e.toString()); // database unavailable: retry after the interval
            }
            try {
                Thread.sleep(config.feed().pollInterval().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One page; true when the feed has more right now. */
    boolean pullPage() {
        String cursor = QuarkusTransaction.requiringNew().call(jobs::cursor);
        ArticleFeedPage page = articles.feed(cursor, config.feed().pageSize());
        if (page.events().isEmpty()) {
            return false;
        }
        boolean more = QuarkusTransaction.requiringNew().call(() -> {
            if (!jobs.lockCursorAt(cursor)) {
                return false;
            }
            jobs.enqueue(page.events().stream()
                    .filter(e -> CONTENT_KINDS.contains(e.kind()))
                    .toList());
            jobs.advanceCursor(
                    page.cursor(), page.events().get(page.events().size() - 1).seq());
            return page.hasMore();
        });
        workers.jobsAdded(); // after the commit, so the new jobs are visible to the workers' transactions
        return more;
    }
}
