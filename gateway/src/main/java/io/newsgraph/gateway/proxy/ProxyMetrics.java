package io.newsgraph.gateway.proxy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsgraph.gateway.security.AccessFilter;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an operator watches at the edge (docs/operations.md): every public answer counted by the service that owns its
 * route and its status, {@code newsgraph_gateway_responses_total{route, status}} (429 = rate-limit rejections; 502-504
 * from the gateway or 5xx passed through = upstream errors per route), and each upstream's circuit breaker,
 * {@code newsgraph_gateway_circuit_open{upstream}} (1 while open). Runs just before the access filter, so that its
 * 401/403/429 answers are counted too.
 */
@ApplicationScoped
public class ProxyMetrics {
    static final int ORDER = AccessFilter.ORDER - 1;

    private final RouteTable routes;
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    ProxyMetrics(RouteTable routes, Upstreams upstreams, MeterRegistry registry) {
        this.routes = routes;
        this.registry = registry;
        for (Upstream upstream : upstreams.all()) {
            Gauge.builder(
                            "newsgraph.gateway.circuit.open",
                            upstream,
                            u -> u.guard().state() == UpstreamGuard.State.OPEN ? 1 : 0)
                    .description("1 while the upstream's circuit breaker is open (calls refused with 503)")
                    .tag("upstream", upstream.service())
                    .register(registry);
        }
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(this::count);
    }

    private void count(RoutingContext context) {
        context.addEndHandler(done -> {
            Upstream owner = routes.route(context.request().path());
            String route = owner == null ? "none" : owner.service();
            String status = String.valueOf(context.response().getStatusCode());
            counters.computeIfAbsent(
                            route + ' ' + status,
                            key -> Counter.builder("newsgraph.gateway.responses")
                                    .description(
                                            "Answers to /api requests by the service that owns the route and by status")
                                    .tag("route", route)
                                    .tag("status", status)
                                    .register(registry))
                    .increment();
        });
        context.next();
    }
}
