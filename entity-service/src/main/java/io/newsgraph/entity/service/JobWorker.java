package io.newsgraph.entity.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsgraph.entity.client.ArticleClient;
import io.newsgraph.entity.client.ArticleVersion;
import io.newsgraph.entity.config.ExtractionConfig;
import io.newsgraph.entity.repository.JobRepository;
import io.newsgraph.entity.repository.JobRepository.Job;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs extraction jobs on a few worker threads. Each job is claimed (FOR UPDATE SKIP LOCKED) and processed inside
 * one transaction, so threads and replicas share the work and a worker killed mid-job leaves the job PENDING for
 * the next one. A failed job is retried with exponential backoff and parked after the configured number of
 * attempts. Idle workers wait for the feed puller's wake-up (new jobs) or, at the latest, the poll interval.
 */
@ApplicationScoped
public class JobWorker {
    private static final Logger LOG = Logger.getLogger(JobWorker.class);

    @Inject
    JobRepository jobs;

    @Inject
    ArticleClient articles;

    @Inject
    ArticleAnalyser analyser;

    @Inject
    ExtractionEngine engine;

    @Inject
    ExtractionConfig config;

    @Inject
    MeterRegistry metrics;

    @Inject
    JobTracing tracing;

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private ExecutorService workers;

    /** Starts the worker threads: each claims and runs jobs until none is due, then waits for a wake-up or the poll interval. */
    void start(@Observes StartupEvent event) {
        running = true;
        int threads = config.worker().threads();
        workers = Executors.newFixedThreadPool(
                threads,
                Thread.ofPlatform().name("extraction-worker-", 1).daemon().factory());
        for (int i = 0; i < threads; i++) {
            workers.submit(JobTracing.untraced().wrap(this::work)); // polling is not traced, only the jobs
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp.release(config.worker().threads());
        workers.shutdown();
    }

    /** Called when new jobs were enqueued: idle workers start at once instead of at their next poll. */
    public void jobsAdded() {
        wakeUp.release(config.worker().threads());
    }

    private void work() {
        Duration idle = config.worker().pollInterval();
        while (running) {
            boolean worked = false;
            try {
                worked = engine.ready() && runNext();
            } catch (RuntimeException e) {
                LOG.warnf("extraction worker: %s", e.toString()); // database unavailable: wait and retry
            }
            if (!worked) {
                try {
                    wakeUp.tryAcquire(idle.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Processes the next due job; false when there is none. */
    boolean runNext() {
        Job[] claimed = new Job[1];
        try {
            String outcome = QuarkusTransaction.requiringNew().call(() -> {
                Optional<Job> job = jobs.claimNext();
                if (job.isEmpty()) {
                    return null;
                }
                claimed[0] = job.get();
                return traced(job.get());
            });
            if (outcome == null) {
                return false;
            }
            count(outcome); // after the commit
            return true;
        } catch (RuntimeException e) {
            if (claimed[0] == null) {
                throw e;
            }
            boolean permanent =
                    e instanceof WebApplicationException w && w.getResponse().getStatus() == 404;
            LOG.warnf(
                    "extraction of article %s v%d failed (attempt %d): %s",
                    claimed[0].articleId(), claimed[0].version(), claimed[0].attempts() + 1, e.toString());
            count("failed");
            QuarkusTransaction.requiringNew()
                    .run(() -> jobs.recordFailure(
                            claimed[0],
                            e.toString(),
                            config.worker().maxAttempts(),
                            config.worker().backoff(),
                            permanent));
            return true;
        }
    }

    /** newsgraph_extraction_jobs_total{outcome=done|superseded|failed}: job throughput and failures (each failed attempt). */
    private void count(String outcome) {
        metrics.counter("newsgraph.extraction.jobs", "outcome", outcome).increment();
    }

    /** Runs the job in its own span, linked to the write behind it (see {@link JobTracing}). */
    private String traced(Job job) {
        Span span = tracing.start(job);
        try (Scope scope = span.makeCurrent()) {
            String outcome = process(job);
            span.setAttribute("newsgraph.job.outcome", outcome);
            return outcome;
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.toString());
            throw e;
        } finally {
            span.end();
        }
    }

    /** Runs the job; its outcome for the metrics. */
    private String process(Job job) {
        if (jobs.hasLaterVersion(job)) {
            jobs.finish(job, "SUPERSEDED"); // a newer version or a delete of the same article decides its analysis
            return "superseded";
        }
        if (job.kind().equals("DELETED")) {
            analyser.delete(job.articleId(), job.version());
        } else {
            ArticleVersion article = articles.version(job.articleId(), job.version());
            if (!analyser.analyseAndStore(article)) {
                jobs.finish(job, "SUPERSEDED"); // a newer version's analysis was stored meanwhile
                return "superseded";
            }
        }
        jobs.finish(job, "DONE");
        return "done";
    }
}
