package io.newsgraph.entity.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsgraph.entity.client.ArticleClient;
import io.newsgraph.entity.client.ArticleClient.SummaryAnswer;
import io.newsgraph.entity.client.EntitySummary;
import io.newsgraph.entity.config.ExtractionConfig;
import io.newsgraph.entity.repository.AnalysisRepository;
import io.newsgraph.entity.repository.AnalysisRepository.StoredAnalysis;
import io.newsgraph.entity.repository.AnalysisRepository.StoredEntity;
import io.newsgraph.entity.repository.AnalysisRepository.StoredQuote;
import io.newsgraph.entity.repository.SummaryOutboxRepository;
import io.newsgraph.entity.repository.SummaryOutboxRepository.Backlog;
import io.newsgraph.entity.repository.SummaryOutboxRepository.Push;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Pushes each stored analysis' entity summary to article-service from entity_summary_outbox. A push is claimed with a
 * lease, sent outside any transaction (the analysis that writes the next row never waits for article-service), and
 * then deleted (204, 404, 409), retried with exponential backoff (5xx, timeout, unreachable) or parked (400: a bug).
 * What is sent is the analysis stored at that moment, so a push that waited sends the newest one.
 */
@ApplicationScoped
public class SummaryPusher {
    private static final Logger LOG = Logger.getLogger(SummaryPusher.class);
    /** How long a claimed push stays invisible to other pushers: longer than the client's timeout and retry. */
    private static final Duration LEASE = Duration.ofSeconds(30);

    @Inject
    SummaryOutboxRepository outbox;

    @Inject
    AnalysisRepository analyses;

    @Inject
    ArticleClient articles;

    @Inject
    ExtractionConfig config;

    @Inject
    MeterRegistry metrics;

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private volatile Backlog backlog = new Backlog(0, 0, 0);
    private Thread pusher;

    void start(@Observes StartupEvent event) {
        Gauge.builder("newsgraph.summary.push.lag", this, s -> s.backlog.oldestPendingSeconds())
                .description("Age of the oldest entity summary not yet stored by article-service")
                .baseUnit("seconds")
                .register(metrics);
        Gauge.builder("newsgraph.summary.push.pending", this, s -> s.backlog.pending())
                .description("Entity summaries waiting to be pushed")
                .register(metrics);
        Gauge.builder("newsgraph.summary.push.parked", this, s -> s.backlog.parked())
                .description("Entity summaries article-service refused as invalid (400)")
                .register(metrics);
        running = true;
        pusher = Thread.ofPlatform()
                .name("summary-pusher")
                .daemon()
                .start(JobTracing.untraced().wrap(this::pushUntilStopped));
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        pusher.interrupt();
    }

    /** Called after an analysis committed: the pusher starts at once instead of at its next poll. */
    public void changed() {
        wakeUp.release();
    }

    private void pushUntilStopped() {
        while (running) {
            boolean more = false;
            try {
                more = pushDue();
            } catch (RuntimeException e) {
                if (!running) {
                    return; // interrupted by the shutdown
                }
                LOG.warnf("summary pusher: %s", e.toString()); // database unavailable: retry after the interval
            }
            if (!more) {
                try {
                    wakeUp.tryAcquire(config.summaryPush().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Pushes the due summaries; true when a full batch was due (more may be). */
    boolean pushDue() {
        int batchSize = config.summaryPush().batchSize();
        List<Push> due = QuarkusTransaction.requiringNew().call(() -> outbox.claim(batchSize, LEASE));
        for (Push push : due) {
            Optional<StoredAnalysis> analysis =
                    QuarkusTransaction.requiringNew().call(() -> analyses.find(push.articleId()));
            if (analysis.isEmpty()) {
                QuarkusTransaction.requiringNew()
                        .run(() -> outbox.done(push)); // deleted meanwhile: nothing to summarise
                continue;
            }
            SummaryAnswer answer = articles.putEntities(push.articleId(), summaryOf(analysis.get()));
            metrics.counter("newsgraph.summary.pushes", "outcome", answer.name().toLowerCase(java.util.Locale.ROOT))
                    .increment();
            QuarkusTransaction.requiringNew().run(() -> {
                switch (answer) {
                    case STORED, GONE, STALE -> outbox.done(push);
                    case REJECTED -> {
                        LOG.errorf(
                                "article-service refused the entity summary of article %s v%d as invalid; parked",
                                push.articleId(), push.version());
                        outbox.failed(
                                push,
                                "refused by article-service (4xx)",
                                config.summaryPush().backoff(),
                                config.summaryPush().maxBackoff(),
                                true);
                    }
                    case UNAVAILABLE ->
                        outbox.failed(
                                push,
                                "article-service unavailable",
                                config.summaryPush().backoff(),
                                config.summaryPush().maxBackoff(),
                                false);
                }
            });
        }
        return due.size() == batchSize;
    }

    /**
     * The summary of a stored analysis: entities by salience, the speakers that are entities (by their salience), the
     * countries of the linked places (by the salience of the first place in each); each list cut to article-service's limit.
     */
    static EntitySummary summaryOf(StoredAnalysis analysis) {
        List<StoredEntity> bySalience = analysis.entities().stream()
                .sorted(Comparator.comparingDouble(StoredEntity::salience)
                        .reversed()
                        .thenComparing(StoredEntity::name))
                .toList();
        Map<UUID, Double> salience = new HashMap<>();
        bySalience.forEach(e -> salience.put(e.entityId(), e.salience()));
        List<EntitySummary.SummaryEntity> entities = bySalience.stream()
                .limit(EntitySummary.MAX_ENTITIES)
                .map(e -> new EntitySummary.SummaryEntity(
                        e.entityId(), e.name(), e.type().name(), e.salience()))
                .toList();
        Map<UUID, String> speakerNames = new LinkedHashMap<>();
        for (StoredQuote q : analysis.quotes()) {
            if (q.speakerId() != null) {
                speakerNames.putIfAbsent(q.speakerId(), q.speakerName());
            }
        }
        List<EntitySummary.Speaker> speakers = speakerNames.entrySet().stream()
                .sorted(Comparator.comparingDouble(
                                (Map.Entry<UUID, String> s) -> salience.getOrDefault(s.getKey(), 0.0))
                        .reversed())
                .limit(EntitySummary.MAX_SPEAKERS)
                .map(s -> new EntitySummary.Speaker(s.getKey(), s.getValue()))
                .toList();
        LinkedHashSet<String> countries = new LinkedHashSet<>();
        for (StoredEntity e : bySalience) {
            if (e.place() != null
                    && e.place().countryCode() != null
                    && countries.size() < EntitySummary.MAX_COUNTRIES) {
                countries.add(e.place().countryCode());
            }
        }
        return new EntitySummary(analysis.version(), entities, speakers, List.copyOf(countries));
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshBacklog() {
        try (Scope untraced = JobTracing.untraced().makeCurrent()) {
            backlog = QuarkusTransaction.requiringNew().call(outbox::backlog);
        }
    }
}
