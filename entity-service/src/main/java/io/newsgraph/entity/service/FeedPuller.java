package io.newsgraph.entity.service;

import io.newsgraph.entity.client.ArticleClient;
import io.newsgraph.entity.client.ArticleFeedPage;
import io.newsgraph.entity.config.ExtractionConfig;
import io.newsgraph.entity.repository.JobRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Pulls article-service's change feed into the job table. The feed is read outside any database transaction
 * (no connection or lock is held during the HTTP call); the page is then stored only if the cursor row can
 * be locked and still holds the cursor the page was read from, so when replicas race exactly one stores it.
 * Jobs and the advanced cursor commit together: nothing is lost or skipped, a crash only replays a page.
 */
@ApplicationScoped
public class FeedPuller {

    @Inject
    ArticleClient articles;
    @Inject
    JobRepository jobs;
    @Inject
    ExtractionConfig config;

    @Scheduled(every = "${newsgraph.feed.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        for (int page = 0; page < config.feed().maxPagesPerPoll(); page++) {
            if (!pullPage()) {
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
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!jobs.lockCursorAt(cursor)) {
                return false;
            }
            jobs.enqueue(page.events());
            jobs.advanceCursor(page.cursor(), page.events().get(page.events().size() - 1).seq());
            return page.hasMore();
        });
    }
}
