package io.newsgraph.common.http;

import io.newsgraph.common.problem.Problem;
import io.newsgraph.common.problem.ProblemResponses;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rejects request bodies above the configured size with a 413 problem+json before any body is read.
 * Quarkus' own `quarkus.http.limits.max-body-size` stays as the backstop for chunked bodies that lie about
 * their size; the services set it to the same value.
 */
@ApplicationScoped
public class BodyLimitFilter {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    io.quarkus.runtime.configuration.MemorySize maxBodySize;

    void register(@Observes Router router) {
        router.route().order(RequestHeadFilter.ORDER + 1).handler(this::rejectOversizedBodies);
    }

    void rejectOversizedBodies(RoutingContext context) {
        long declared = declaredLength(context.request());
        if (declared > maxBodySize.asLongValue()) {
            ProblemResponses.send(
                    context,
                    new Problem(
                            Problem.type("payload-too-large"),
                            "Request body too large",
                            413,
                            "The request body has " + declared + " bytes; the limit is " + maxBodySize.asLongValue()
                                    + " bytes",
                            context.request().path(),
                            RequestIds.of(context),
                            null));
            return;
        }
        context.next();
    }

    /** The request's Content-Length; -1 when there is none (chunked) or it does not read as a number. */
    public static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // the HTTP codec refuses unreadable lengths before any route
        }
    }
}
