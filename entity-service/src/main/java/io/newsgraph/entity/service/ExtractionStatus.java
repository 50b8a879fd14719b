package io.newsgraph.entity.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsgraph.entity.repository.JobRepository;
import io.newsgraph.entity.repository.JobRepository.Backlog;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** The extraction backlog, refreshed every few seconds and exported as metrics (lag, pending, parked). */
@ApplicationScoped
public class ExtractionStatus {

    @Inject
    JobRepository jobs;

    private volatile Backlog backlog = new Backlog(0, 0, 0, 0, 0);

    void registerMetrics(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("newsgraph.extraction.lag", this, s -> s.backlog.oldestPendingSeconds())
                .description("Age of the oldest pending extraction job")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("newsgraph.extraction.pending", this, s -> s.backlog.pending())
                .description("Extraction jobs waiting to run")
                .register(registry);
        Gauge.builder("newsgraph.extraction.parked", this, s -> s.backlog.parked())
                .description("Extraction jobs parked after repeated failures")
                .register(registry);
        Gauge.builder("newsgraph.extraction.feed.position", this, s -> s.backlog.feedSeq())
                .description("Last article feed position pulled")
                .register(registry);
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try (Scope untraced = JobTracing.untraced().makeCurrent()) { // the gauges' refresh, every 5 s: not traced
            backlog = QuarkusTransaction.requiringNew().call(jobs::backlog);
        }
    }

    /** Current figures, read now (the API should not show up to 5 s old numbers). */
    public Backlog now() {
        backlog = QuarkusTransaction.requiringNew().call(jobs::backlog);
        return backlog;
    }
}
