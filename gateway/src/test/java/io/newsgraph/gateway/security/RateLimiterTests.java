package io.newsgraph.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.gateway.config.GatewayConfig;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTests {
    private final AtomicLong now = new AtomicLong(1_000);
    private final RateLimiter limiter = new RateLimiter(
            new GatewayConfig.RateLimits() {
                public GatewayConfig.RateLimit read() {
                    return limit(2, 10);
                }

                public GatewayConfig.RateLimit write() {
                    return limit(1, 60);
                }

                public GatewayConfig.RateLimit admin() {
                    return limit(100, 60);
                }

                public GatewayConfig.Redis redis() {
                    throw new UnsupportedOperationException("no shared store here");
                }
            },
            now::get,
            Optional.empty());
    private final ApiKey reader = new ApiKey("reader", EnumSet.of(Scope.READ, Scope.WRITE));

    @Test
    void bucketEmptiesThenRefillsEvenly() {
        RateLimiter.Decision first = take(reader, Scope.READ);
        assertTrue(first.allowed());
        assertEquals("\"read\";q=2;w=10", first.policyHeader());
        assertEquals("\"read\";r=1;t=5", first.limitHeader());
        assertTrue(take(reader, Scope.READ).allowed());
        RateLimiter.Decision refused = take(reader, Scope.READ);
        assertFalse(refused.allowed());
        assertEquals(5, refused.retryAfterSeconds());

        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertTrue(take(reader, Scope.READ).allowed());
        assertFalse(take(reader, Scope.READ).allowed());
    }

    @Test
    void scopesHaveSeparateBucketsAndAdminsTheirOwnRate() {
        assertTrue(take(reader, Scope.WRITE).allowed());
        assertFalse(take(reader, Scope.WRITE).allowed());
        assertTrue(take(reader, Scope.READ).allowed());
        ApiKey admin = new ApiKey("ops", EnumSet.of(Scope.ADMIN));
        assertEquals("\"admin\";q=100;w=60", take(admin, Scope.WRITE).policyHeader());
    }

    /** Without a shared store the decision is there at once. */
    private RateLimiter.Decision take(ApiKey key, Scope scope) {
        io.vertx.core.Future<RateLimiter.Decision> decision = limiter.take(key, scope);
        assertTrue(decision.succeeded());
        return decision.result();
    }

    static GatewayConfig.RateLimit limit(int requests, int seconds) {
        return limit(requests, Duration.ofSeconds(seconds));
    }

    static GatewayConfig.RateLimit limit(int requests, Duration window) {
        return new GatewayConfig.RateLimit() {
            public int requests() {
                return requests;
            }

            public Duration window() {
                return window;
            }
        };
    }
}
