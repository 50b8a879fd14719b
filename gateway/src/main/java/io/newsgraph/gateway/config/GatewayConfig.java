package io.newsgraph.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything the gateway needs to know about its surroundings. Every value can be set from the environment
 * (e.g. {@code NEWSGRAPH_GATEWAY_UPSTREAMS_ARTICLES_URL}), so the same image runs locally and in Kubernetes.
 */
@ConfigMapping(prefix = "newsgraph.gateway")
public interface GatewayConfig {

    Upstreams upstreams();

    /**
     * API keys as {@code name:sha256hex:scope+scope} entries separated by commas, e.g.
     * {@code reader:9f86d0...:read,ops:2c26b4...:read+write+admin}. Only hashes: the keys themselves never
     * reach configuration. Env: {@code NEWSGRAPH_GATEWAY_API_KEYS} (from a Kubernetes Secret).
     */
    Optional<String> apiKeys();

    /**
     * Plain key accepted with every scope when no {@link #apiKeys()} are configured and the dev, test or
     * local profile is active; ignored in every other profile.
     */
    Optional<String> localKey();

    /** Whether /q/openapi and Swagger UI are reachable without a key. */
    @WithDefault("true")
    boolean publicDocs();

    RateLimits rateLimits();

    interface Upstreams {
        Upstream articles();

        Upstream entities();

        /** alert-service (subscriptions); its timeout also bounds the silence of an event stream (heartbeats break it). */
        Upstream alerts();
    }

    interface Upstream {
        /** Base URL, e.g. http://article-service:8081. */
        URI url();

        /**
         * Longest wait for the upstream's response headers, then 504; and the longest silence of the upstream while its
         * answer streams, then the answer is cut.
         */
        @WithDefault("5s")
        Duration timeout();

        /** Longest wait for a TCP connection; then 503 (or a retry for idempotent requests). */
        @WithDefault("1s")
        Duration connectTimeout();

        /** Pooled HTTP/1.1 connections to this upstream (per gateway instance, shared out among its event loops). */
        @WithDefault("64")
        int maxConnections();

        /**
         * Largest request body forwarded to this upstream, at most {@code quarkus.http.limits.max-body-size}: set it to
         * the service's own limit, so that the gateway answers 413 problem+json itself (also for chunked bodies,
         * counted while streaming) instead of streaming a body the service will refuse. Default: the gateway's limit.
         */
        Optional<MemorySize> maxBodySize();

        /** Bulkhead: requests in flight to this upstream at most; beyond, 503 at once. */
        @WithDefault("256")
        int maxConcurrent();

        /**
         * Extra attempts when the connection failed before any response: for GET/HEAD without body, and for any
         * request of which nothing had been written yet.
         */
        @WithDefault("1")
        int retries();

        CircuitBreaker circuitBreaker();
    }

    interface CircuitBreaker {
        /** Outcomes in the rolling window the failure ratio is computed over. */
        @WithDefault("20")
        int window();

        /** Open when at least this share of the window failed (connection errors and timeouts). */
        @WithDefault("0.5")
        double failureRatio();

        /** How long the circuit stays open before one trial request is let through. */
        @WithDefault("10s")
        Duration delay();
    }

    interface RateLimits {
        RateLimit read();

        RateLimit write();

        RateLimit admin();

        /** The store shared by all replicas; without a URL each replica counts on its own. */
        Redis redis();
    }

    /**
     * Redis holding every replica's counters (GCRA in one Lua script per request). When it cannot be reached the
     * gateway fails open to its per-replica token buckets and says so in readiness data and a metric.
     */
    interface Redis {
        /** {@code redis://host:6379} ({@code rediss://} for TLS, optional {@code /db}); absent: per-replica limits. */
        Optional<String> url();

        /** From a Secret (env {@code NEWSGRAPH_GATEWAY_RATE_LIMITS_REDIS_PASSWORD}), never in the URL in git. */
        Optional<String> password();

        /** Longest wait for Redis' answer; then this request is counted by the local limiter. */
        @WithDefault("100ms")
        Duration timeout();

        /** After a failure, how long the local limiter decides alone before Redis is asked again. */
        @WithDefault("2s")
        Duration retryDelay();

        /** Pooled connections to Redis (per replica); the commands are pipelined over them. */
        @WithDefault("8")
        int maxConnections();
    }

    /** Token bucket: {@code requests} tokens, refilled evenly over {@code window}. */
    interface RateLimit {
        int requests();

        @WithDefault("60s")
        Duration window();
    }
}
