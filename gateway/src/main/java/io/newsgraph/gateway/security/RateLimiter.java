package io.newsgraph.gateway.security;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsgraph.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One bucket per key and scope of the request: a key's reads do not starve its writes. Keys with the admin scope
 * get the admin rate. With {@code newsgraph.gateway.rate-limits.redis.url} the buckets live in Redis and hold for
 * the whole deployment; without it, or while Redis fails, each replica counts on its own (fail open: a quota
 * store outage must never turn into errors for clients).
 */
@Singleton
public class RateLimiter {
    private final GatewayConfig.RateLimits limits;
    private final LocalBuckets local;
    private final Optional<SharedBuckets> shared;

    @Inject
    RateLimiter(GatewayConfig config, Vertx vertx, MeterRegistry registry) {
        this(
                config.rateLimits(),
                System::nanoTime,
                config.rateLimits()
                        .redis()
                        .url()
                        .map(url -> new SharedBuckets(vertx, config.rateLimits().redis(), System::nanoTime)));
        Gauge.builder("newsgraph.gateway.rate_limit.store.shared", this, limiter -> limiter.storeShared() ? 1 : 0)
                .description(
                        "1 while the rate limits are counted in the shared store, 0 while each replica counts alone")
                .register(registry);
    }

    RateLimiter(GatewayConfig.RateLimits limits, LongSupplier clock, Optional<SharedBuckets> shared) {
        this.limits = limits;
        this.local = new LocalBuckets(clock);
        this.shared = shared;
    }

    /** Counts one request of {@code key} needing {@code scope}; never fails. */
    public Future<Decision> take(ApiKey key, Scope scope) {
        Scope policy = key.scopes().contains(Scope.ADMIN) ? Scope.ADMIN : scope;
        GatewayConfig.RateLimit limit = switch (policy) {
            case READ -> limits.read();
            case WRITE, SUBSCRIPTIONS_WRITE -> limits.write();
            case ADMIN -> limits.admin();
        };
        String bucket = key.name() + ':' + policy.label();
        if (shared.isEmpty()) {
            return Future.succeededFuture(local.take(bucket, limit, policy.label()));
        }
        return shared.get()
                .take(bucket, limit, policy.label())
                .recover(failure -> Future.succeededFuture(local.take(bucket, limit, policy.label())));
    }

    /** Where the counting happens now, for readiness data. */
    public StoreState store() {
        return shared.map(s -> new StoreState("redis", s.endpoint(), s.failure() == null, s.failure()))
                .orElseGet(() -> new StoreState("local", null, false, null));
    }

    private boolean storeShared() {
        return shared.isPresent() && shared.get().failure() == null;
    }

    @PreDestroy
    void close() {
        shared.ifPresent(SharedBuckets::close);
    }

    /** {@code shared}: limits hold across replicas right now; {@code failure}: why the configured store is bypassed. */
    public record StoreState(String kind, String endpoint, boolean shared, String failure) {}

    /**
     * The outcome with what the IETF RateLimit headers need (draft-ietf-httpapi-ratelimit-headers-10):
     * {@code RateLimit-Policy: "read";q=600;w=60} and {@code RateLimit: "read";r=599;t=1}.
     */
    public record Decision(
            boolean allowed,
            String policy,
            int quota,
            long windowSeconds,
            int remaining,
            long resetSeconds,
            long retryAfterSeconds) {
        public String policyHeader() {
            return "\"" + policy + "\";q=" + quota + ";w=" + windowSeconds;
        }

        public String limitHeader() {
            return "\"" + policy + "\";r=" + remaining + ";t=" + resetSeconds;
        }
    }

    static long seconds(double nanos) {
        return (long) Math.ceil(nanos / 1e9);
    }
}
