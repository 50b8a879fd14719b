package io.newsgraph.gateway.security;

import io.newsgraph.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per key and scope of the request: a key's reads do not starve its writes. Keys with the
 * admin scope get the admin rate. Buckets exist only for configured keys, so the map stays small.
 */
@ApplicationScoped
public class RateLimiter {
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final GatewayConfig.RateLimits limits;
    private final LongSupplier clock;

    @Inject
    RateLimiter(GatewayConfig config) {
        this(config.rateLimits(), System::nanoTime);
    }

    RateLimiter(GatewayConfig.RateLimits limits, LongSupplier clock) {
        this.limits = limits;
        this.clock = clock;
    }

    public Decision take(ApiKey key, Scope scope) {
        Scope policy = key.scopes().contains(Scope.ADMIN) ? Scope.ADMIN : scope;
        GatewayConfig.RateLimit limit = switch (policy) {
            case READ -> limits.read();
            case WRITE -> limits.write();
            case ADMIN -> limits.admin();
        };
        TokenBucket bucket = buckets.computeIfAbsent(key.name() + '\u0000' + policy,
                k -> new TokenBucket(limit.requests(), limit.window().toNanos(), clock.getAsLong()));
        return bucket.take(clock.getAsLong(), policy.label());
    }

    /**
     * The outcome with what the IETF RateLimit headers need (draft-ietf-httpapi-ratelimit-headers-10):
     * {@code RateLimit-Policy: "read";q=600;w=60} and {@code RateLimit: "read";r=599;t=1}.
     */
    public record Decision(boolean allowed, String policy, int quota, long windowSeconds, int remaining,
                           long resetSeconds, long retryAfterSeconds) {
        public String policyHeader() {
            return "\"" + policy + "\";q=" + quota + ";w=" + windowSeconds;
        }

        public String limitHeader() {
            return "\"" + policy + "\";r=" + remaining + ";t=" + resetSeconds;
        }
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

        synchronized Decision take(long now, String policy) {
            double nanosPerToken = (double) windowNanos / capacity;
            tokens = Math.min(capacity, tokens + (now - last) / nanosPerToken);
            last = now;
            boolean allowed = tokens >= 1;
            if (allowed) {
                tokens -= 1;
            }
            long untilFull = seconds((capacity - tokens) * nanosPerToken);
            long untilNext = allowed ? 0 : Math.max(1, seconds((1 - tokens) * nanosPerToken));
            return new Decision(allowed, policy, capacity, Math.max(1, windowNanos / 1_000_000_000L), (int) Math.floor(tokens),
                    allowed ? untilFull : untilNext, untilNext);
        }

        private static long seconds(double nanos) {
            return (long) Math.ceil(nanos / 1e9);
        }
    }
}
