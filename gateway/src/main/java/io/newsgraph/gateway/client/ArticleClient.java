package io.newsgraph.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Guarded calls to article-service for composition. Values are defaults; each can be overridden with
 * e.g. {@code quarkus.fault-tolerance."io.newsgraph.gateway.client.ArticleClient/article".timeout.value}.
 */
@ApplicationScoped
public class ArticleClient {
    static final String SERVICE = "article-service";

    @RestClient
    ArticleApi api;

    @Timeout(2000)
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000)
    @Fallback(fallbackMethod = "articleUnavailable")
    public Uni<UpstreamReply> article(String id, String requestId) {
        return api.article(id, requestId)
                .map(response -> Failures.checked(SERVICE, response))
                .onFailure(Failures::clientError)
                .recoverWithItem(Failures::reply)
                .onFailure()
                .transform(failure -> Failures.serverError(SERVICE, failure));
    }

    Uni<UpstreamReply> articleUnavailable(String id, String requestId, Throwable failure) {
        return Uni.createFrom().item(UpstreamReply.unavailable(Failures.reason(SERVICE, failure)));
    }
}
