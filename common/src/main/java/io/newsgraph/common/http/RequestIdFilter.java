package io.newsgraph.common.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

/**
 * Gives every request an id: the caller's `X-Request-Id` when safe, otherwise a new one. Runs as the first
 * Vert.x route so that every response carries it, including 404s and /q endpoints.
 */
@ApplicationScoped
public class RequestIdFilter {
    static final int ORDER = Integer.MIN_VALUE + 100;

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::assignRequestId);
    }

    void assignRequestId(RoutingContext context) {
        String id = RequestIds.acceptOrCreate(context.request().getHeader(RequestIds.HEADER));
        context.put(RequestIds.CONTEXT_KEY, id);
        // Downstream code (REST clients, the gateway proxy) reads it from the request headers.
        context.request().headers().set(RequestIds.HEADER, id);
        context.response().putHeader(RequestIds.HEADER, id);
        MDC.put("requestId", id);
        context.addEndHandler(done -> MDC.remove("requestId"));
        context.next();
    }
}
