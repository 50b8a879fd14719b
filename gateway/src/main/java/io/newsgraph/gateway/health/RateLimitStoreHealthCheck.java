package io.newsgraph.gateway.health;

import io.newsgraph.gateway.security.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Where the rate limits are counted: {@code mode=shared} (Redis, limits hold across replicas), {@code degraded}
 * (Redis configured but failing: each replica counts alone, with {@code failure} saying why) or {@code local} (no
 * store configured). Always UP: the gateway still limits and serves, so it must stay in the load balancer; the
 * signal for operators is this data and the gauge {@code newsgraph_gateway_rate_limit_store_shared}.
 */
@Readiness
@ApplicationScoped
public class RateLimitStoreHealthCheck implements HealthCheck {
    private final RateLimiter limiter;

    RateLimitStoreHealthCheck(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public HealthCheckResponse call() {
        RateLimiter.StoreState store = limiter.store();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("rate-limit-store")
                .up()
                .withData("store", store.kind())
                .withData("mode", store.kind().equals("local") ? "local" : store.shared() ? "shared" : "degraded");
        if (store.endpoint() != null) {
            response.withData("endpoint", store.endpoint());
        }
        if (store.failure() != null) {
            response.withData("failure", store.failure());
        }
        return response.build();
    }
}
