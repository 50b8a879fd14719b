package io.newsgraph.gateway.health;

import io.newsgraph.gateway.proxy.Upstream;
import io.newsgraph.gateway.proxy.Upstreams;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows each upstream's circuit state and load. Always UP: an upstream outage must not take the gateway out
 * of the load balancer, because it still serves the other service and answers with clear 503s.
 */
@Readiness
@ApplicationScoped
public class UpstreamsHealthCheck implements HealthCheck {
    private final Upstreams upstreams;

    UpstreamsHealthCheck(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("upstreams").up();
        for (Upstream upstream : upstreams.all()) {
            response.withData(
                            upstream.service() + ".circuit",
                            upstream.guard().state().name().toLowerCase())
                    .withData(upstream.service() + ".inFlight", upstream.guard().inFlight());
        }
        return response.build();
    }
}
