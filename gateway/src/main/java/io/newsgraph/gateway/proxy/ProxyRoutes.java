package io.newsgraph.gateway.proxy;

import io.newsgraph.common.http.BodyLimitFilter;
import io.newsgraph.common.problem.ProblemResponses;
import io.newsgraph.gateway.rest.ComposedResource;
import io.newsgraph.gateway.security.AccessFilter;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every public /api path goes straight to its owning service at the Vert.x level, without JAX-RS and without
 * parsing bodies. The few composed operations fall through to {@link ComposedResource}.
 */
@Singleton
public class ProxyRoutes {
    /** After access control and Quarkus' own filters, before the JAX-RS route. */
    static final int ORDER = AccessFilter.ORDER + 200;

    private final RouteTable routes;
    private final long maxBodyBytes;
    private final TextMapPropagator propagator;

    ProxyRoutes(
            RouteTable routes,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody,
            OpenTelemetry openTelemetry) {
        this.routes = routes;
        this.maxBodyBytes = maxBody.asLongValue();
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(this::proxy);
    }

    void proxy(RoutingContext context) {
        String path = context.normalizedPath();
        if (ComposedResource.handles(context.request(), path)) {
            context.next();
            return;
        }
        Upstream upstream = routes.route(path);
        if (upstream == null) {
            ProblemResponses.send(context, 404, "not-found", "Resource not found", "No API operation at " + path);
            return;
        }
        long limit = Math.min(
                maxBodyBytes,
                upstream.config().maxBodySize().map(MemorySize::asLongValue).orElse(maxBodyBytes));
        if (BodyLimitFilter.declaredLength(context.request()) > limit) {
            ProxyExchange.tooLarge(context, limit); // the service would refuse it: don't stream it there
            return;
        }
        // Hold the body until the upstream connection is there (Quarkus resumed the request for this route).
        context.request().pause();
        new ProxyExchange(context, upstream, limit, propagator).start();
    }
}
