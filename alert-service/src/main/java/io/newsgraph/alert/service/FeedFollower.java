package io.newsgraph.alert.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsgraph.alert.client.ArticleClient;
import io.newsgraph.alert.client.ArticleFeedPage;
import io.newsgraph.alert.config.AlertConfig;
import io.newsgraph.alert.repository.DeliveryRepository;
import io.newsgraph.alert.repository.FeedCursorRepository;
import io.newsgraph.alert.repository.MatchRepository;
import io.newsgraph.alert.repository.Subscription;
import io.newsgraph.alert.repository.SubscriptionIndex;
import io.newsgraph.alert.repository.SubscriptionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Follows article-service's change feed and matches every analysed article version against the saved searches.
 * ANALYSED is the event that counts: it comes after entity-service stored the version's entities, so entity, speaker and
 * place filters work (a new or updated version is analysed, then announced as ANALYSED). Per page: the documents are
 * fetched (one request) and percolated (one request) outside any transaction; then, only if the cursor row is still where the page was read from
 * (one replica wins), the matches and their webhook deliveries are inserted and the cursor advanced in one transaction.
 * A crash replays at most a page, and a match is unique per subscription and article version: nothing is lost or doubled.
 */
@ApplicationScoped
public class FeedFollower {
    static final String MATCHED_KIND = "ANALYSED";
    private static final Logger LOG = Logger.getLogger(FeedFollower.class);

    @Inject
    ArticleClient articles;

    @Inject
    FeedCursorRepository cursors;

    @Inject
    SubscriptionRepository subscriptions;

    @Inject
    MatchRepository matches;

    @Inject
    DeliveryRepository deliveries;

    @Inject
    SubscriptionIndex index;

    @Inject
    MatchEvents events;

    @Inject
    AlertConfig config;

    @Inject
    WebhookDeliverer deliverer;

    @Inject
    EventStreams streams;

    @Inject
    MeterRegistry metrics;

    private volatile boolean running;
    private Thread follower;
    private Timer percolation;
    private Counter percolated;
    private DistributionSummary lag;

    void start(@Observes StartupEvent event) {
        percolation = Timer.builder("newsgraph.alerts.percolation")
                .description(
                        "One percolate request: a feed page's analysed article versions against every saved search")
                .publishPercentileHistogram()
                .register(metrics);
        percolated = Counter.builder("newsgraph.alerts.percolated")
                .description("Article versions matched against the saved searches")
                .register(metrics);
        lag = DistributionSummary.builder("newsgraph.alerts.match.lag")
                .baseUnit("seconds")
                .description("From the article's feed event to its recorded match")
                .publishPercentileHistogram()
                .register(metrics);
        running = true;
        follower = Thread.ofPlatform().name("feed-follower").daemon().start(this::followUntilStopped);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        follower.interrupt();
    }

    private void followUntilStopped() {
        while (running) {
            try {
                while (running && followPage()) {
                    // the feed has more right now
                }
            } catch (RuntimeException e) {
                LOG.warnf("feed follower: %s (retrying)", e.toString());
            }
            try {
                Thread.sleep(config.feed().pollInterval().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One page; true when the feed has more right now. */
    boolean followPage() {
        String cursor = QuarkusTransaction.requiringNew().call(cursors::cursor);
        ArticleFeedPage page = articles.feed(cursor, config.feed().pageSize());
        if (page.events().isEmpty()) {
            return false;
        }
        List<Found> found = match(page.events().stream()
                .filter(e -> MATCHED_KIND.equals(e.kind()))
                .toList());
        List<Long> recorded = new ArrayList<>();
        boolean stored = QuarkusTransaction.requiringNew().call(() -> {
            if (!cursors.lockAt(cursor)) {
                return false;
            }
            Instant now = Instant.now();
            for (Found f : found) {
                for (Subscription s : subscriptions.active(f.subscriptions())) {
                    String payload = events.event(s, f.document(), now).toString();
                    matches.insert(
                                    s.id(),
                                    f.event().articleId(),
                                    f.event().version(),
                                    f.event().seq(),
                                    f.event().occurredAt(),
                                    payload)
                            .ifPresent(matchId -> {
                                recorded.add(matchId);
                                if (s.webhookUrl() != null) {
                                    deliveries.enqueue(UUID.randomUUID(), matchId, s.id());
                                }
                                lag.record(Math.max(
                                        0,
                                        Duration.between(f.event().occurredAt(), now)
                                                        .toMillis()
                                                / 1000.0));
                            });
                }
            }
            ArticleFeedPage.Event last = page.events().get(page.events().size() - 1);
            cursors.advance(page.cursor(), last.seq());
            return true;
        });
        if (stored && !recorded.isEmpty()) {
            metrics.counter("newsgraph.alerts.matches").increment(recorded.size());
            deliverer.wakeUp(); // after the commit: the deliveries are visible to the workers' transactions
            streams.matchesRecorded();
        }
        return stored && page.hasMore();
    }

    /**
     * The subscriptions each event's article version matches, for the versions that are still current: the page's
     * documents are read in one request and percolated in one request.
     */
    private List<Found> match(List<ArticleFeedPage.Event> analysed) {
        if (analysed.isEmpty() || !index.exists()) {
            return List.of(); // nothing to match, or no subscription was ever stored
        }
        Map<UUID, JsonNode> documents = articles.searchDocuments(analysed.stream()
                .map(ArticleFeedPage.Event::articleId)
                .distinct()
                .toList());
        List<ArticleFeedPage.Event> current = new ArrayList<>();
        List<JsonNode> currentDocuments = new ArrayList<>();
        for (ArticleFeedPage.Event e : analysed) {
            JsonNode document = documents.get(e.articleId());
            // Deleted since, or a newer version whose own ANALYSED event follows.
            if (document != null && document.path("version").asInt() == e.version()) {
                current.add(e);
                currentDocuments.add(document);
            }
        }
        if (current.isEmpty()) {
            return List.of(); // all deleted or superseded: no percolate request to time
        }
        List<List<UUID>> ids = percolation.record(() -> index.percolate(currentDocuments));
        percolated.increment(currentDocuments.size());
        List<Found> found = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            if (!ids.get(i).isEmpty()) {
                found.add(new Found(current.get(i), currentDocuments.get(i), ids.get(i)));
            }
        }
        return found;
    }

    private record Found(ArticleFeedPage.Event event, JsonNode document, List<UUID> subscriptions) {}
}
