package io.newsgraph.entity.service;

import io.newsgraph.entity.client.ArticleClient;
import io.newsgraph.entity.client.ArticleFeedPage;
import io.newsgraph.entity.config.ExtractionConfig;
import io.newsgraph.entity.repository.JobRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Pulls article-service's change feed into the job table. Whichever replica locks the cursor row pulls
 * (the others skip): jobs and the advanced cursor commit together, so nothing is lost or skipped.
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
            if (!QuarkusTransaction.requiringNew().call(this::pullPage)) {
                return;
            }
        }
    }

    /** One page; true when the feed has more right now. */
    boolean pullPage() {
        Optional<String[]> cursor = jobs.lockCursor();
        if (cursor.isEmpty()) {
            return false;
        }
        ArticleFeedPage page = articles.feed(cursor.get()[0], config.feed().pageSize());
        if (page.events().isEmpty()) {
            return false;
        }
        jobs.enqueue(page.events());
        jobs.advanceCursor(page.cursor(), page.events().get(page.events().size() - 1).seq());
        return page.hasMore();
    }
}
