package io.newsgraph.entity.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** Calls to article-service, each bounded in time, retried and guarded by a circuit breaker. */
@ApplicationScoped
public class ArticleClient {
    private static final Logger LOG = Logger.getLogger(ArticleClient.class);

    @Inject
    @RestClient
    ArticlesApi api;

    @Inject
    @RestClient
    InternalArticlesApi internal;

    /** The feed after {@code cursor}; while article-service is unavailable: no events (the cursor stays). */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "noEvents")
    public ArticleFeedPage feed(String cursor, int limit) {
        return api.feed(cursor, limit);
    }

    ArticleFeedPage noEvents(String cursor, int limit, Throwable cause) {
        LOG.warnf("article feed unavailable (%s); retrying on the next poll", cause.toString());
        return new ArticleFeedPage(List.of(), cursor, false);
    }

    /**
     * One article version. No fallback: there is no stand-in for an article's text; the job fails and is
     * retried with backoff. A 4xx other than timeouts means the version will never be readable.
     */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = WebApplicationException.class)
    @CircuitBreaker(
            requestVolumeThreshold = 20,
            failureRatio = 0.5,
            delay = 5,
            delayUnit = ChronoUnit.SECONDS,
            skipOn = WebApplicationException.class)
    public ArticleVersion version(UUID articleId, int version) {
        return api.version(articleId, version);
    }

    /**
     * Stores an article's entity summary in article-service. Its answers are outcomes, not failures: 404 and 409 mean
     * the push is moot, any other 4xx that it is wrong. Only 5xx, timeouts and an unreachable service count as failures
     * (retried once here, then {@link SummaryAnswer#UNAVAILABLE}: the caller's outbox retries later with backoff).
     */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailable")
    public SummaryAnswer putEntities(UUID articleId, EntitySummary summary) {
        try {
            internal.putEntities(articleId, summary);
            return SummaryAnswer.STORED;
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                throw e;
            }
            return switch (status) {
                case 404 -> SummaryAnswer.GONE;
                case 409 -> SummaryAnswer.STALE;
                default -> SummaryAnswer.REJECTED;
            };
        }
    }

    SummaryAnswer unavailable(UUID articleId, EntitySummary summary, Throwable cause) {
        LOG.debugf("entity summary of %s not pushed (%s)", articleId, cause.toString());
        return SummaryAnswer.UNAVAILABLE;
    }

    /** What article-service made of a pushed summary. */
    public enum SummaryAnswer {
        /** 204: stored. */
        STORED,
        /** 404: the article is unknown or deleted: nothing to store it on. */
        GONE,
        /** 409: a summary of a newer version is stored. */
        STALE,
        /** 400 (or another 4xx): the summary is invalid, a bug on one side; retrying cannot help. */
        REJECTED,
        /** 5xx, timeout, unreachable or circuit open: retry later. */
        UNAVAILABLE
    }
}
