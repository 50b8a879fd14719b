package io.newsgraph.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Guarded calls to entity-service for composition; each operation has its own circuit breaker, so a slow
 * analysis does not hide entities. Overrides as for {@link ArticleClient}.
 */
@ApplicationScoped
public class EntityClient {
    static final String SERVICE = "entity-service";

    @RestClient
    EntityApi api;

    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50, abortOn = TimeoutException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000)
    @Fallback(fallbackMethod = "analysisUnavailable")
    public Uni<UpstreamReply> analysis(String articleId, String requestId) {
        return api.analysis(articleId, requestId)
                .map(response -> Failures.checked(SERVICE, response))
                .onFailure(Failures::clientError)
                .recoverWithItem(Failures::reply)
                .onFailure()
                .transform(failure -> Failures.serverError(SERVICE, failure));
    }

    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50, abortOn = TimeoutException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000)
    @Fallback(fallbackMethod = "entityUnavailable")
    public Uni<UpstreamReply> entity(String id, String requestId) {
        return api.entity(id, requestId)
                .map(response -> Failures.checked(SERVICE, response))
                .onFailure(Failures::clientError)
                .recoverWithItem(Failures::reply)
                .onFailure()
                .transform(failure -> Failures.serverError(SERVICE, failure));
    }

    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50, abortOn = TimeoutException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000)
    @Fallback(fallbackMethod = "articlesOfUnavailable")
    public Uni<UpstreamReply> articlesOf(String id, int limit, String requestId) {
        return api.articlesOf(id, limit, requestId)
                .map(response -> Failures.checked(SERVICE, response))
                .onFailure(Failures::clientError)
                .recoverWithItem(Failures::reply)
                .onFailure()
                .transform(failure -> Failures.serverError(SERVICE, failure));
    }

    Uni<UpstreamReply> analysisUnavailable(String articleId, String requestId, Throwable failure) {
        return unavailable(failure);
    }

    Uni<UpstreamReply> entityUnavailable(String id, String requestId, Throwable failure) {
        return unavailable(failure);
    }

    Uni<UpstreamReply> articlesOfUnavailable(String id, int limit, String requestId, Throwable failure) {
        return unavailable(failure);
    }

    private static Uni<UpstreamReply> unavailable(Throwable failure) {
        return Uni.createFrom().item(UpstreamReply.unavailable(Failures.reason(SERVICE, failure)));
    }
}
