package io.newsgraph.alert.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsgraph.alert.client.ArticleClient;
import io.newsgraph.alert.client.ArticleFeedPage;
import io.newsgraph.alert.config.AlertConfig;
import io.newsgraph.alert.repository.ArticlesIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Matches a batch of ANALYSED feed events against the queries of ad-hoc streams on the articles index (one
 * {@code _msearch} per attempt, {@link ArticlesIndex}). The index follows the same feed as we do and may not hold an
 * analysed version yet (its indexer polls, then the node refreshes): an article counts only once the index holds it
 * from this event's feed position or a later one. Until then the batch is searched again. An article the index still
 * lacks after {@code streams.index-wait} is checked with article-service: deleted or replaced since, it is skipped (its
 * later event says so); otherwise the index is behind and matching keeps waiting, so that nothing is skipped that a
 * search would find.
 */
@ApplicationScoped
public class StreamMatcher {
    private static final Logger LOG = Logger.getLogger(StreamMatcher.class);
    private static final long MAX_PAUSE_MILLIS = 1000;
    /** After this many index waits the batch fails (and is tried again by the caller), so that a follower never waits forever. */
    private static final int GIVE_UP_AFTER = 3;

    @Inject
    ArticlesIndex index;

    @Inject
    ArticleClient articles;

    @Inject
    AlertConfig config;

    /**
     * For each of {@code events} (ANALYSED, feed order) whose version is still the article's current one: the document
     * and the indexes of the {@code queries} it matches; in feed order.
     */
    public List<Analysed> match(List<ArticleFeedPage.Event> events, List<JsonNode> queries)
            throws InterruptedException {
        Analysed[] resolved = new Analysed[events.size()];
        boolean[] done = new boolean[events.size()];
        long waitMillis = config.streams().indexWait().toMillis();
        long deadline = System.currentTimeMillis() + waitMillis;
        long giveUp = System.currentTimeMillis() + GIVE_UP_AFTER * waitMillis;
        long pause = 50;
        while (true) {
            Set<String> ids = new LinkedHashSet<>();
            for (int i = 0; i < events.size(); i++) {
                if (!done[i]) {
                    ids.add(events.get(i).articleId().toString());
                }
            }
            if (ids.isEmpty()) {
                break;
            }
            Map<String, ArticlesIndex.Hit> hits = index.matches(ids, queries);
            List<Integer> lagging = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                if (done[i]) {
                    continue;
                }
                ArticleFeedPage.Event e = events.get(i);
                ArticlesIndex.Hit hit = hits.get(e.articleId().toString());
                if (hit != null && hit.feedPosition() >= e.seq()) {
                    done[i] = true;
                    if (hit.source().path("version").asInt() == e.version()) {
                        resolved[i] = new Analysed(e, hit.source(), hit.matched());
                    } // else a newer version is indexed: its own ANALYSED event follows
                } else {
                    lagging.add(i);
                }
            }
            if (lagging.isEmpty()) {
                break;
            }
            if (System.currentTimeMillis() >= deadline) {
                Map<UUID, JsonNode> current = articles.searchDocuments(lagging.stream()
                        .map(i -> events.get(i).articleId())
                        .distinct()
                        .toList());
                for (int i : lagging) {
                    ArticleFeedPage.Event e = events.get(i);
                    JsonNode document = current.get(e.articleId());
                    if (document == null || document.path("version").asInt() != e.version()) {
                        done[i] = true; // deleted or replaced since: nothing to match
                    }
                }
                if (lagging.stream().allMatch(i -> done[i])) {
                    break;
                }
                LOG.warnf(
                        "ad-hoc streams: the articles index %s does not hold article %s from feed position %d after %d ms; waiting",
                        index.name(),
                        events.get(lagging.get(0)).articleId(),
                        events.get(lagging.get(0)).seq(),
                        waitMillis);
                deadline = System.currentTimeMillis() + waitMillis;
                if (deadline > giveUp) {
                    throw new IllegalStateException(
                            "the articles index " + index.name() + " is behind the feed (article "
                                    + events.get(lagging.get(0)).articleId() + ", feed position "
                                    + events.get(lagging.get(0)).seq() + ")");
                }
            }
            Thread.sleep(pause);
            pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
        }
        List<Analysed> out = new ArrayList<>();
        for (Analysed a : resolved) {
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    /** An analysed article version: its document as indexed and which queries (indexes) match it. */
    public record Analysed(ArticleFeedPage.Event event, JsonNode document, BitSet matched) {}
}
