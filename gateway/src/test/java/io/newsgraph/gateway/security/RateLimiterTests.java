package io.newsgraph.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.gateway.config.GatewayConfig;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTests {
    private final AtomicLong now = new AtomicLong(1_000);
    private final RateLimiter limiter = new RateLimiter(new GatewayConfig.RateLimits() {
        public GatewayConfig.RateLimit read() { return limit(2, 10); }
        public GatewayConfig.RateLimit write() { return limit(1, 60); }
        public GatewayConfig.RateLimit admin() { return limit(100, 60); }
    }, now::get);
    private final ApiKey reader = new ApiKey("reader", EnumSet.of(Scope.READ, Scope.WRITE));

    @Test
    void bucketEmptiesThenRefillsEvenly() {
        RateLimiter.Decision first = limiter.take(reader, Scope.READ);
        assertTrue(first.allowed());
        assertEquals("\"read\";q=2;w=10", first.policyHeader());
        assertEquals("\"read\";r=1;t=5", first.limitHeader());
        assertTrue(limiter.take(reader, Scope.READ).allowed());
        RateLimiter.Decision refused = limiter.take(reader, Scope.READ);
        assertFalse(refused.allowed());
        assertEquals(5, refused.retryAfterSeconds());

        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertTrue(limiter.take(reader, Scope.READ).allowed());
        assertFalse(limiter.take(reader, Scope.READ).allowed());
    }

    @Test
    void scopesHaveSeparateBucketsAndAdminsTheirOwnRate() {
        assertTrue(limiter.take(reader, Scope.WRITE).allowed());
        assertFalse(limiter.take(reader, Scope.WRITE).allowed());
        assertTrue(limiter.take(reader, Scope.READ).allowed());
        ApiKey admin = new ApiKey("ops", EnumSet.of(Scope.ADMIN));
        assertEquals("\"admin\";q=100;w=60", limiter.take(admin, Scope.WRITE).policyHeader());
    }

    private static GatewayConfig.RateLimit limit(int requests, int seconds) {
        return new GatewayConfig.RateLimit() {
            public int requests() { return requests; }
            public Duration window() { return Duration.ofSeconds(seconds); }
        };
    }
}
