package io.newsgraph.gateway.proxy;

import io.newsgraph.gateway.config.GatewayConfig;
import io.quarkus.runtime.configuration.MemorySize;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Upstream settings for tests that build proxy parts without Quarkus' configuration. */
record TestUpstreamConfig(
        URI url,
        Duration timeout,
        int maxConnections,
        int maxConcurrent,
        int retries,
        int window,
        double ratio,
        Duration delay)
        implements GatewayConfig.Upstream {

    @Override
    public Duration connectTimeout() {
        return Duration.ofSeconds(1);
    }

    @Override
    public Optional<MemorySize> maxBodySize() {
        return Optional.empty();
    }

    @Override
    public GatewayConfig.CircuitBreaker circuitBreaker() {
        return new GatewayConfig.CircuitBreaker() {
            public int window() {
                return window;
            }

            public double failureRatio() {
                return ratio;
            }

            public Duration delay() {
                return delay;
            }
        };
    }
}
