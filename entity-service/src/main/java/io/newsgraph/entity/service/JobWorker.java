package io.newsgraph.entity.service;

import io.newsgraph.entity.client.ArticleClient;
import io.newsgraph.entity.client.ArticleVersion;
import io.newsgraph.entity.config.ExtractionConfig;
import io.newsgraph.entity.repository.AnalysisRepository;
import io.newsgraph.entity.repository.JobRepository;
import io.newsgraph.entity.repository.JobRepository.Job;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Runs extraction jobs. Each job is claimed (FOR UPDATE SKIP LOCKED) and processed inside one transaction,
 * so replicas share the work and a worker killed mid-job leaves the job PENDING for the next one. A failed
 * job is retried with exponential backoff and parked after the configured number of attempts.
 */
@ApplicationScoped
public class JobWorker {
    private static final Logger LOG = Logger.getLogger(JobWorker.class);

    @Inject
    JobRepository jobs;
    @Inject
    AnalysisRepository analyses;
    @Inject
    ArticleClient articles;
    @Inject
    ArticleAnalyser analyser;
    @Inject
    ExtractionEngine engine;
    @Inject
    ExtractionConfig config;

    @Scheduled(every = "${newsgraph.worker.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!engine.ready()) {
            return;
        }
        for (int i = 0; i < config.worker().maxJobsPerPoll(); i++) {
            if (!runNext()) {
                return;
            }
        }
    }

    /** Processes the next due job; false when there is none. */
    boolean runNext() {
        Job[] claimed = new Job[1];
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Optional<Job> job = jobs.claimNext();
                if (job.isEmpty()) {
                    return false;
                }
                claimed[0] = job.get();
                process(job.get());
                return true;
            });
        } catch (RuntimeException e) {
            if (claimed[0] == null) {
                throw e;
            }
            boolean permanent = e instanceof WebApplicationException w && w.getResponse().getStatus() == 404;
            LOG.warnf("extraction of article %s v%d failed (attempt %d): %s", claimed[0].articleId(), claimed[0].version(),
                    claimed[0].attempts() + 1, e.toString());
            QuarkusTransaction.requiringNew().run(() -> jobs.recordFailure(claimed[0], e.toString(),
                    config.worker().maxAttempts(), config.worker().backoff(), permanent));
            return true;
        }
    }

    private void process(Job job) {
        if (jobs.hasLaterVersion(job)) {
            jobs.finish(job, "SUPERSEDED"); // a newer version or a delete of the same article decides its analysis
            return;
        }
        if (job.kind().equals("DELETED")) {
            analyses.delete(job.articleId());
        } else {
            ArticleVersion article = articles.version(job.articleId(), job.version());
            analyser.analyseAndStore(article);
        }
        jobs.finish(job, "DONE");
    }
}
