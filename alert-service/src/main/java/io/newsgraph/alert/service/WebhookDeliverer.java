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
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Delivers webhooks at least once. Workers claim due deliveries from PostgreSQL (SKIP LOCKED, so replicas share the
 * work) and lease them for the attempt: a deliverer killed mid-attempt leaves the delivery due again after the lease.
 * A replica runs at most one attempt per subscription at a time, so an endpoint that hangs or fails holds one worker
 * at most while the others serve the rest; failures back off exponentially with jitter and are parked once the retry
 * window (a day and more) is over. Each attempt is recorded with its status for GET /subscriptions/{id}/deliveries.
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
    /** Subscriptions with an attempt in flight in this replica. */
    private final Set<UUID> busy = new HashSet<>();
    private final ReentrantLock claiming = new ReentrantLock();
    private volatile boolean running;
    private volatile DeliveryRepository.Backlog backlog = new DeliveryRepository.Backlog(0, 0);
    private HttpClient http;
    private DistributionSummary lag;

    void start(@Observes StartupEvent event) {
        http = HttpClient.newBuilder().connectTimeout(config.webhooks().timeout()).followRedirects(HttpClient.Redirect.NEVER)
                .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()).build();
        lag = DistributionSummary.builder("newsgraph.alerts.delivery.lag").baseUnit("seconds")
                .description("From the article's feed event to its webhook's successful delivery").publishPercentileHistogram().register(metrics);
        Gauge.builder("newsgraph.alerts.deliveries.pending", this, d -> d.backlog.pending())
                .description("Webhook deliveries waiting (due or backing off)").register(metrics);
        Gauge.builder("newsgraph.alerts.deliveries.oldest", this, d -> d.backlog.oldestSeconds()).baseUnit("seconds")
                .description("Age of the oldest pending webhook delivery").register(metrics);
        running = true;
        for (int i = 0; i < config.webhooks().workers(); i++) {
            Thread.ofVirtual().name("webhook-worker-" + i).start(this::work);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUps.release(config.webhooks().workers());
    }

    /** New deliveries were committed: idle workers look right away. */
    public void wakeUp() {
        wakeUps.release(config.webhooks().workers());
    }

    @Scheduled(every = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measureBacklog() {
        try {
            backlog = QuarkusTransaction.requiringNew().call(deliveries::backlog);
        } catch (RuntimeException e) {
            LOG.debugf("delivery backlog unknown: %s", e.toString());
        }
    }

    private void work() {
        while (running) {
            boolean delivered = false;
            try {
                delivered = deliverNext();
            } catch (RuntimeException e) {
                LOG.warnf("webhook worker: %s", e.toString()); // database unavailable: try again after the interval
            }
            if (!delivered) {
                try {
                    wakeUps.tryAcquire(config.webhooks().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Claims and attempts one due delivery; false when none was due. */
    boolean deliverNext() {
        Optional<Delivery> claimed;
        claiming.lock();
        try {
            claimed = QuarkusTransaction.requiringNew().call(() -> deliveries.claim(Set.copyOf(busy),
                    config.webhooks().timeout().plusSeconds(30)));
            claimed.ifPresent(d -> busy.add(d.subscriptionId()));
        } finally {
            claiming.unlock();
        }
        if (claimed.isEmpty()) {
            return false;
        }
        Delivery delivery = claimed.get();
        try {
            attempt(delivery);
        } finally {
            claiming.lock();
            try {
                busy.remove(delivery.subscriptionId());
            } finally {
                claiming.unlock();
            }
        }
        return true;
    }

    private void attempt(Delivery delivery) {
        Subscription subscription = QuarkusTransaction.requiringNew().call(() -> subscriptions.byId(delivery.subscriptionId())).orElse(null);
        Match match = QuarkusTransaction.requiringNew().call(() -> matches.byId(delivery.matchId())).orElse(null);
        if (subscription == null || match == null || subscription.webhookUrl() == null) {
            return; // deleted meanwhile (its deliveries go with it)
        }
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        String refusal = targets.refusal(subscription.webhookUrl());
        if (refusal != null) {
            error = "webhook URL " + refusal;
        } else {
            try {
                HttpResponse<Void> response = http.send(request(delivery, subscription, match), HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
            } catch (IOException e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // shutting down: the lease expires and another attempt follows
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        record(delivery, match, status, error == null ? null : truncate(error), millis);
    }

    private HttpRequest request(Delivery delivery, Subscription subscription, Match match) {
        String id = messageId(delivery.id());
        long timestamp = Instant.now().getEpochSecond();
        String signature = WebhookSignature.sign(subscription.secret(), id, timestamp, match.payload());
        if (subscription.previousSecret() != null && subscription.previousSecretUntil() != null
                && Instant.now().isBefore(subscription.previousSecretUntil())) {
            signature += " " + WebhookSignature.sign(subscription.previousSecret(), id, timestamp, match.payload());
        }
        return HttpRequest.newBuilder(URI.create(subscription.webhookUrl())).timeout(config.webhooks().timeout())
                .header("Content-Type", "application/json").header("User-Agent", "newsgraph-webhooks/1")
                .header("webhook-id", id).header("webhook-timestamp", String.valueOf(timestamp)).header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(match.payload())).build();
    }

    private void record(Delivery delivery, Match match, Integer status, String error, long millis) {
        boolean success = status != null && status >= 200 && status < 300;
        // 410 Gone: the receiver says this endpoint is no more (Standard Webhooks); retrying cannot help.
        boolean hopeless = status != null && status == 410;
        Instant next = Instant.now().plus(backoff(delivery.attempts()));
        boolean windowOver = next.isAfter(delivery.retryFrom().plus(config.webhooks().retryFor()));
        String outcome = success ? "delivered" : hopeless || windowOver ? "parked" : "retry";
        QuarkusTransaction.requiringNew().run(() -> {
            deliveries.attempted(delivery.id(), delivery.attempts(), status, error, millis);
            switch (outcome) {
                case "delivered" -> deliveries.delivered(delivery.id(), status);
                case "parked" -> deliveries.park(delivery.id(), status, error);
                default -> deliveries.retryAt(delivery.id(), status, error, next);
            }
        });
        metrics.counter("newsgraph.alerts.deliveries", "outcome", outcome).increment();
        if (success) {
            lag.record(Math.max(0, Duration.between(match.eventTime(), Instant.now()).toMillis() / 1000.0));
        } else {
            LOG.debugf("webhook %s attempt %d: %s", messageId(delivery.id()), delivery.attempts(), status != null ? status : error);
        }
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
        return Optional.of(UUID.fromString(hex.replaceFirst("(\\w{8})(\\w{4})(\\w{4})(\\w{4})(\\w{12})", "$1-$2-$3-$4-$5")));
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
