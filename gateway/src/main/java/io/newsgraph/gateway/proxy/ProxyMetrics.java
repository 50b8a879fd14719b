package io.newsgraph.gateway.proxy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsgraph.gateway.security.AccessFilter;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What an operator watches at the edge (docs/operations.md): every public answer counted by the service that owns its
 * route and its status, {@code newsgraph_gateway_responses_total{route, status}} (429 = rate-limit rejections; 502-504
 * from the gateway or 5xx passed through = upstream errors per route), how long answers took per route,
 * {@code newsgraph_gateway_response_time_seconds{route}} (a histogram), and each upstream's circuit breaker,
 * {@code newsgraph_gateway_circuit_open{upstream}} (1 while open). Runs just before the access filter, so that its
 * 401/403/429 answers are counted too. Quarkus' own per-request HTTP metrics are off in the gateway: a proxied path
 * has no template, so they would keep one series per article or entity id ever requested.
 */
@Singleton
public class ProxyMetrics {
    static final int ORDER = AccessFilter.ORDER - 1;
    /** Bucket bounds of the latency histogram: from a cached read to the longest upstream timeout. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30)
    };

    private final RouteTable routes;
    private final MeterRegistry registry;
    private final Map<String, RouteMeters> byRoute = new ConcurrentHashMap<>();

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
        long start = System.nanoTime();
        context.addEndHandler(done -> {
            Upstream owner = routes.route(context.request().path());
            RouteMeters meters = byRoute.computeIfAbsent(owner == null ? "none" : owner.service(), RouteMeters::new);
            meters.time.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            meters.status(context.response().getStatusCode()).increment();
        });
        context.next();
    }

    /** One route's meters, created on its first answer; a counter per status as statuses occur. */
    private final class RouteMeters {
        private final String route;
        private final Timer time;
        private final Counter[] byStatus = new Counter[600];

        RouteMeters(String route) {
            this.route = route;
            this.time = Timer.builder("newsgraph.gateway.response.time")
                    .description("From request in to answer out at the gateway, by the service that owns the route")
                    .tag("route", route)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry);
        }

        Counter status(int status) {
            boolean cached = status >= 0 && status < byStatus.length;
            Counter counter = cached ? byStatus[status] : null;
            if (counter == null) {
                // Registering is idempotent: two threads that race here get the same counter.
                counter = Counter.builder("newsgraph.gateway.responses")
                        .description("Answers to /api requests by the service that owns the route and by status")
                        .tag("route", route)
                        .tag("status", String.valueOf(status))
                        .register(registry);
                if (cached) {
                    byStatus[status] = counter;
                }
            }
            return counter;
        }
    }
}
