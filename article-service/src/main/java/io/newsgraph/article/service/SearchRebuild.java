package io.newsgraph.article.service;

import io.newsgraph.article.repository.ArticleIndex;
import io.newsgraph.article.repository.FeedRepository;
import io.newsgraph.article.repository.FeedRepository.Change;
import io.newsgraph.article.repository.SearchProjectionRepository;
import io.newsgraph.common.problem.ProblemException;
import io.newsgraph.common.search.SearchEngine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Rebuilds the `articles` index with zero downtime: a new versioned index is filled from PostgreSQL, caught up from
 * the change feed, and swapped in behind the alias in one atomic step; searches read the old index until then.
 * Mapping changes ship this way (a new articles-index.json, then a rebuild).
 */
@ApplicationScoped
public class SearchRebuild {
    private static final Logger LOG = Logger.getLogger(SearchRebuild.class);
    private static final int PAGE = 1000;

    @Inject
    ArticleIndex index;

    @Inject
    ArticleIndexer indexer;

    @Inject
    SearchProjectionRepository projection;

    @Inject
    FeedRepository feed;

    @Inject
    SearchEngine engine;

    private final ReentrantLock running = new ReentrantLock();

    public Report rebuild() {
        if (!running.tryLock()) {
            throw new ProblemException(
                    409, "rebuild-running", "A rebuild is running", "Wait for the running rebuild to finish");
        }
        try {
            long started = System.nanoTime();
            index.ensure();
            String next = index.createNext();
            // Documents read from here on are at least as new as this feed position; later changes come from the feed.
            long snapshot = QuarkusTransaction.requiringNew().call(feed::lastSeq);
            long documents = 0;
            UUID after = null;
            while (true) {
                UUID from = after;
                List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> projection.liveIdsAfter(from, PAGE));
                if (ids.isEmpty()) {
                    break;
                }
                QuarkusTransaction.requiringNew()
                        .run(() -> index.write(next, projection.documents(ids).values(), List.of(), snapshot, false));
                documents += ids.size();
                after = ids.get(ids.size() - 1);
            }
            long position = catchUp(next, snapshot);
            // The last stretch and the swap hold the live indexer's cursor: nothing is indexed into the old index
            // that the new one misses, and the live indexer resumes behind the alias where the rebuild stopped.
            long from = position;
            QuarkusTransaction.requiringNew().run(() -> {
                projection.lockCursorWaiting(ArticleIndex.ALIAS);
                long last = catchUp(next, from);
                engine.call("POST", "/" + next + "/_refresh", Map.of(), null);
                index.swap(next);
                projection.moveCursor(ArticleIndex.ALIAS, last);
            });
            double seconds = (System.nanoTime() - started) / 1e9;
            LOG.infof("search rebuild: %d articles into %s in %.1f s", documents, next, seconds);
            return new Report(next, documents, seconds);
        } finally {
            running.unlock();
        }
    }

    /** Applies the feed after {@code position} to {@code target}; returns the last position applied. */
    private long catchUp(String target, long position) {
        while (true) {
            long from = position;
            List<Change> changes = QuarkusTransaction.joiningExisting().call(() -> feed.changesAfter(from, PAGE));
            if (changes.isEmpty()) {
                return position;
            }
            long last = changes.get(changes.size() - 1).seq();
            QuarkusTransaction.joiningExisting()
                    .run(() -> indexer.apply(
                            target, changes.stream().map(Change::articleId).toList(), last));
            position = last;
        }
    }

    /** {@code index}: the versioned index now behind the alias. */
    public record Report(String index, long documents, double seconds) {}
}
