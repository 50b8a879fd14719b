package io.newsgraph.alert.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.alert.client.ArticleClient;
import io.newsgraph.alert.repository.Subscription;
import io.newsgraph.alert.repository.SubscriptionIndex;
import io.newsgraph.alert.repository.SubscriptionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Brings the percolator index up to PostgreSQL: subscriptions whose document could not be written when they were
 * created or changed (OpenSearch down) are written here, each replica taking other rows (SKIP LOCKED).
 */
@ApplicationScoped
public class IndexSync {
    private static final Logger LOG = Logger.getLogger(IndexSync.class);
    private static final int BATCH = 100;

    @Inject
    SubscriptionRepository subscriptions;

    @Inject
    SubscriptionIndex index;

    @Inject
    ArticleClient articles;

    @Inject
    ObjectMapper mapper;

    @Scheduled(every = "${newsgraph.index-sync.interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void catchUp() {
        try {
            while (syncBatch()) {
                // more pending right now
            }
        } catch (RuntimeException e) {
            LOG.warnf("percolator index sync: %s (retrying)", e.toString());
        }
    }

    /**
     * One batch, written with one bulk request and one refresh: the rows stay locked for about a second, not a refresh
     * interval per subscription. True when there may be more.
     */
    boolean syncBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            var pending = subscriptions.lockIndexPending(BATCH);
            if (pending.isEmpty()) {
                return false;
            }
            if (!index.exists()) {
                index.ensure(
                        articles.compile(mapper.createObjectNode(), "query.").mapping());
            }
            index.putAll(index.alias(), pending.stream().map(index::document).toList());
            index.refresh(index.alias());
            for (Subscription s : pending) {
                subscriptions.indexed(s.id(), s.revision());
            }
            return pending.size() == BATCH;
        });
    }
}
