package io.newsgraph.alert.service;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsgraph.alert.config.AlertConfig;
import io.newsgraph.alert.repository.DeliveryRepository;
import io.newsgraph.alert.repository.DeliveryRepository.Delivery;
import io.newsgraph.alert.repository.MatchRepository;
import io.newsgraph.alert.repository.MatchRepository.Match;
import io.newsgraph.alert.repository.Subscription;
import io.newsgraph.alert.repository.SubscriptionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Delivers webhooks at least once. A dispatcher claims due deliveries from PostgreSQL in batches (SKIP LOCKED, so
 * replicas share the work) and leases them for the attempt: a deliverer killed mid-attempt leaves the delivery due
 * again after the lease. Each attempt runs on its own virtual thread, up to {@code newsgraph.webhooks.concurrency} at
 * once, and a recorder stores the outcomes of all attempts finished meanwhile in one transaction: one claim and one
 * record per batch instead of several transactions per webhook (docs/decisions.md, "Deliveries"). A replica runs at
 * most one attempt per subscription at a time, so an endpoint that hangs or fails holds one slot at most while the
 * others serve the rest; failures back off exponentially with jitter and are parked once the retry window (a day and
 * more) is over. Each attempt is recorded with its status for GET /subscriptions/{id}/deliveries.
 */
@ApplicationScoped
public class WebhookDeliverer {
    static final String MESSAGE_PREFIX = "msg_";
    private static final Logger LOG = Logger.getLogger(WebhookDeliverer.class);
    private static final int MAX_ERROR_LENGTH = 500;

    @Inject
    AlertConfig config;

    @Inject
    DeliveryRepository deliveries;

    @Inject
    MatchRepository matches;

    @Inject
    SubscriptionRepository subscriptions;

    @Inject
    WebhookTargets targets;

    @Inject
    MeterRegistry metrics;

    private final Semaphore wakeUps = new Semaphore(0);
    /** Free attempt slots; taken by a claim, given back when the attempt's outcome is recorded. */
    private final Semaphore slots = new Semaphore(0);

    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    /** Subscriptions with an attempt in flight in this replica. */
    private final Set<UUID> busy = ConcurrentHashMap.newKeySet();

    private volatile boolean running;
    private volatile DeliveryRepository.Backlog backlog = new DeliveryRepository.Backlog(0, 0);
    private HttpClient http;
    private DistributionSummary lag;

    /**
     * An attempt's result, waiting to be recorded: {@code result} is delivered, retry (at {@code next}) or parked;
     * {@code match} is null when nothing was attempted (deleted meanwhile, or shutting down).
     */
    private record Outcome(
            Delivery delivery, Match match, Integer status, String error, long millis, String result, Instant next) {
        static Outcome skipped(Delivery delivery) {
            return new Outcome(delivery, null, null, null, 0, "skipped", null);
        }
    }

    void start(@Observes StartupEvent event) {
        http = HttpClient.newBuilder()
                .connectTimeout(config.webhooks().timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        lag = DistributionSummary.builder("newsgraph.alerts.delivery.lag")
                .baseUnit("seconds")
                .description("From the article's feed event to its webhook's successful delivery")
                .publishPercentileHistogram()
                .register(metrics);
        Gauge.builder("newsgraph.alerts.deliveries.pending", this, d -> d.backlog.pending())
                .description("Webhook deliveries waiting (due or backing off)")
                .register(metrics);
        Gauge.builder("newsgraph.alerts.deliveries.oldest", this, d -> d.backlog.oldestSeconds())
                .baseUnit("seconds")
                .description("Age of the oldest pending webhook delivery")
                .register(metrics);
        running = true;
        slots.release(config.webhooks().concurrency());
        Thread.ofVirtual().name("webhook-dispatcher").start(this::dispatch);
        Thread.ofVirtual().name("webhook-recorder").start(this::recordOutcomes);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUps.release();
        slots.release(config.webhooks().concurrency()); // a dispatcher waiting for a slot sees the stop
        // Attempts still in flight are not recorded: their leases expire and they are attempted again (at least once).
    }

    /** New deliveries were committed: the dispatcher looks right away. */
    public void wakeUp() {
        wakeUps.release();
    }

    @Scheduled(every = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measureBacklog() {
        try {
            backlog = QuarkusTransaction.requiringNew().call(deliveries::backlog);
        } catch (RuntimeException e) {
            LOG.debugf("delivery backlog unknown: %s", e.toString());
        }
    }

    private void dispatch() {
        while (running) {
            int started = 0;
            try {
                started = dispatchDue();
            } catch (RuntimeException e) {
                LOG.warnf("webhook dispatcher: %s", e.toString()); // database unavailable: try again after the interval
            } catch (InterruptedException e) {
                return;
            }
            if (started == 0) {
                try {
                    wakeUps.tryAcquire(config.webhooks().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits(); // one look serves every wake-up so far
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Waits for a free slot, claims as many due deliveries as there are free slots and starts their attempts. */
    int dispatchDue() throws InterruptedException {
        slots.acquire();
        int free = 1 + slots.drainPermits();
        List<Claimed> claimed = List.of();
        try {
            if (running) {
                claimed = QuarkusTransaction.requiringNew().call(() -> claim(free));
            }
        } finally {
            slots.release(free - claimed.size()); // what a short batch (or a failed claim) left unused
        }
        for (Claimed c : claimed) {
            busy.add(c.delivery().subscriptionId()); // after the commit: the dispatcher is the only thread that claims
            Thread.ofVirtual().name("webhook-attempt").start(() -> outcomes.add(attempt(c)));
        }
        return claimed.size();
    }

    /** A claimed delivery with what its attempt needs; subscription and match are null when deleted meanwhile. */
    private record Claimed(Delivery delivery, Subscription subscription, Match match) {}

    private List<Claimed> claim(int limit) {
        List<Delivery> batch = deliveries.claim(
                Set.copyOf(busy), limit, config.webhooks().timeout().plusSeconds(30));
        if (batch.isEmpty()) {
            return List.of();
        }
        Map<UUID, Subscription> bySubscription =
                subscriptions.byIds(batch.stream().map(Delivery::subscriptionId).toList());
        Map<Long, Match> byMatch =
                matches.byIds(batch.stream().map(Delivery::matchId).toList());
        return batch.stream()
                .map(d -> new Claimed(d, bySubscription.get(d.subscriptionId()), byMatch.get(d.matchId())))
                .toList();
    }

    private Outcome attempt(Claimed claimed) {
        Delivery delivery = claimed.delivery();
        Subscription subscription = claimed.subscription();
        Match match = claimed.match();
        if (subscription == null || match == null || subscription.webhookUrl() == null) {
            return Outcome.skipped(delivery); // deleted meanwhile (its deliveries go with it)
        }
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        String refusal = targets.refusal(subscription.webhookUrl());
        if (refusal != null) {
            error = "webhook URL " + refusal;
        } else {
            try {
                HttpResponse<Void> response =
                        http.send(request(delivery, subscription, match), HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
            } catch (IOException e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.skipped(delivery); // shutting down: the lease expires and another attempt follows
            }
        }
        boolean success = status != null && status >= 200 && status < 300;
        // 410 Gone: the receiver says this endpoint is no more (Standard Webhooks); retrying cannot help.
        boolean hopeless = status != null && status == 410;
        Instant next = Instant.now().plus(backoff(delivery.attempts()));
        boolean windowOver =
                next.isAfter(delivery.retryFrom().plus(config.webhooks().retryFor()));
        return new Outcome(
                delivery,
                match,
                status,
                error == null ? null : truncate(error),
                (System.nanoTime() - started) / 1_000_000,
                success ? "delivered" : hopeless || windowOver ? "parked" : "retry",
                next);
    }

    /** Stores, in one transaction, the outcomes of every attempt finished since the last look, and frees their slots. */
    private void recordOutcomes() {
        while (running) {
            List<Outcome> finished = new ArrayList<>();
            try {
                Outcome first = outcomes.poll(config.webhooks().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                finished.add(first);
                outcomes.drainTo(finished);
                List<Outcome> attempted =
                        finished.stream().filter(o -> o.match() != null).toList();
                if (!attempted.isEmpty()) {
                    QuarkusTransaction.requiringNew().run(() -> attempted.forEach(this::store));
                    attempted.forEach(this::count);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // Not recorded: the leases expire and the deliveries are attempted again (at least once).
                LOG.warnf("webhook recorder: %d outcomes not stored: %s", finished.size(), e.toString());
            } finally {
                finished.forEach(o -> busy.remove(o.delivery().subscriptionId()));
                slots.release(finished.size());
                if (!finished.isEmpty()) {
                    wakeUps.release(); // their subscriptions' next deliveries may be due already
                }
            }
        }
    }

    private void store(Outcome o) {
        deliveries.attempted(o.delivery().id(), o.delivery().attempts(), o.status(), o.error(), o.millis());
        switch (o.result()) {
            case "delivered" -> deliveries.delivered(o.delivery().id(), o.status());
            case "parked" -> deliveries.park(o.delivery().id(), o.status(), o.error());
            default -> deliveries.retryAt(o.delivery().id(), o.status(), o.error(), o.next());
        }
    }

    private void count(Outcome o) {
        metrics.counter("newsgraph.alerts.deliveries", "outcome", o.result()).increment();
        if (o.result().equals("delivered")) {
            lag.record(Math.max(
                    0, Duration.between(o.match().eventTime(), Instant.now()).toMillis() / 1000.0));
        } else {
            LOG.debugf(
                    "webhook %s attempt %d: %s",
                    messageId(o.delivery().id()), o.delivery().attempts(), o.status() != null ? o.status() : o.error());
        }
    }

    private HttpRequest request(Delivery delivery, Subscription subscription, Match match) {
        String id = messageId(delivery.id());
        long timestamp = Instant.now().getEpochSecond();
        String signature = WebhookSignature.sign(subscription.secret(), id, timestamp, match.payload());
        if (subscription.previousSecret() != null
                && subscription.previousSecretUntil() != null
                && Instant.now().isBefore(subscription.previousSecretUntil())) {
            signature += " " + WebhookSignature.sign(subscription.previousSecret(), id, timestamp, match.payload());
        }
        return HttpRequest.newBuilder(URI.create(subscription.webhookUrl()))
                .timeout(config.webhooks().timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "newsgraph-webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(match.payload()))
                .build();
    }

    /** Exponential from the initial backoff, capped, with ±25 % jitter so that retries of many deliveries spread out. */
    Duration backoff(int attempts) {
        long initial = config.webhooks().initialBackoff().toMillis();
        long capped = Math.min(config.webhooks().maxBackoff().toMillis(), initial << Math.min(attempts - 1, 30));
        double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
        return Duration.ofMillis((long) (capped * jitter));
    }

    /** The webhook-id of a delivery: the same for every attempt, so that receivers can deduplicate. */
    public static String messageId(UUID deliveryId) {
        return MESSAGE_PREFIX + deliveryId.toString().replace("-", "");
    }

    /** The delivery id of a webhook-id; empty when it is not one. */
    public static Optional<UUID> deliveryId(String messageId) {
        if (messageId == null || !messageId.matches(MESSAGE_PREFIX + "[0-9a-f]{32}")) {
            return Optional.empty();
        }
        String hex = messageId.substring(MESSAGE_PREFIX.length());
        return Optional.of(
                UUID.fromString(hex.replaceFirst("(\\w{8})(\\w{4})(\\w{4})(\\w{4})(\\w{12})", "$1-$2-$3-$4-$5")));
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
