package io.newsgraph.gateway.security;

import io.newsgraph.gateway.config.GatewayConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets of this replica alone: the whole limiter when no shared store is configured, the fallback while
 * it is unreachable. Buckets exist only for configured keys, so the map stays small.
 */
final class LocalBuckets {
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    LocalBuckets(LongSupplier clock) {
        this.clock = clock;
    }

    RateLimiter.Decision take(String bucket, GatewayConfig.RateLimit limit, String policy) {
        TokenBucket tokens = buckets.computeIfAbsent(
                bucket, k -> new TokenBucket(limit.requests(), limit.window().toNanos(), clock.getAsLong()));
        return tokens.take(clock.getAsLong(), policy);
    }

    static final class TokenBucket {
        private final int capacity;
        private final long windowNanos;
        private double tokens;
        private long last;

        TokenBucket(int capacity, long windowNanos, long now) {
            this.capacity = capacity;
            this.windowNanos = windowNanos;
            this.tokens = capacity;
            this.last = now;
        }

        synchronized RateLimiter.Decision take(long now, String policy) {
            double nanosPerToken = (double) windowNanos / capacity;
            tokens = Math.min(capacity, tokens + (now - last) / nanosPerToken);
            last = now;
            boolean allowed = tokens >= 1;
            if (allowed) {
                tokens -= 1;
            }
            long untilFull = RateLimiter.seconds((capacity - tokens) * nanosPerToken);
            long untilNext = allowed ? 0 : Math.max(1, RateLimiter.seconds((1 - tokens) * nanosPerToken));
            return new RateLimiter.Decision(
                    allowed,
                    policy,
                    capacity,
                    Math.max(1, windowNanos / 1_000_000_000L),
                    (int) Math.floor(tokens),
                    allowed ? untilFull : untilNext,
                    untilNext);
        }
    }
}
