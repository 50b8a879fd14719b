package io.newsgraph.gateway.security;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.common.testing.TestRedis;
import io.newsgraph.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Redis-backed buckets against a real Redis: two limiters stand for two replicas. */
class SharedRateLimiterTests {
    private static TestRedis redis;
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        redis = TestRedis.start("shared-rate-limiter");
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        redis.stop();
    }

    @Test
    void twoReplicasShareOneQuota() throws Exception {
        RateLimiter first = limiter(redis.url(), 10, Duration.ofHours(1));
        RateLimiter second = limiter(redis.url(), 10, Duration.ofHours(1));
        ApiKey key = uniqueKey();
        awaitShared(first);
        awaitShared(second);
        int allowed = 0;
        RateLimiter.Decision last = null;
        for (int i = 0; i < 30; i++) {
            last = take(i % 2 == 0 ? first : second, key);
            if (last.allowed()) {
                allowed++;
                assertEquals(10 - allowed, last.remaining(), "remaining after request " + i);
            }
        }
        assertEquals(10, allowed, "a quota of 10 across both replicas");
        assertFalse(last.allowed());
        assertEquals("\"read\";q=10;w=3600", last.policyHeader());
        // One request every 360 s refills the bucket: the next one fits in at most that long.
        assertTrue(
                last.retryAfterSeconds() > 0 && last.retryAfterSeconds() <= 360,
                "Retry-After " + last.retryAfterSeconds());
        assertEquals("redis", first.store().kind());
        assertTrue(first.store().shared());
    }

    @Test
    void theBucketRefillsEvenlyOnRedisClock() throws Exception {
        RateLimiter limiter = limiter(redis.url(), 2, Duration.ofSeconds(1));
        ApiKey key = uniqueKey();
        assertTrue(take(limiter, key).allowed());
        assertTrue(take(limiter, key).allowed());
        assertFalse(take(limiter, key).allowed());
        // One request per 500 ms comes back (a refused request takes nothing, so polling does not drain the bucket).
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> take(limiter, key).allowed());
        assertFalse(take(limiter, key).allowed());
    }

    @Test
    void aStoreOutageFailsOpenToLocalBucketsAndRecovers() throws Exception {
        TestRedis own = TestRedis.start("rate-limiter-outage");
        RateLimiter limiter = limiter(own.url(), 3, Duration.ofHours(1), own.password(), Duration.ofMillis(300));
        ApiKey key = uniqueKey();
        awaitShared(limiter);
        for (int i = 0; i < 3; i++) {
            assertTrue(take(limiter, key).allowed());
        }
        assertFalse(take(limiter, key).allowed());

        own.stop();
        // Every request still gets a decision, now from this replica's own bucket (full: it had not counted yet).
        RateLimiter.Decision local = take(limiter, key);
        assertTrue(local.allowed());
        assertEquals("\"read\";q=3;w=3600", local.policyHeader());
        assertFalse(limiter.store().shared());
        assertNotNull(limiter.store().failure());
        assertTrue(take(limiter, key).allowed());
        assertTrue(take(limiter, key).allowed());
        assertFalse(take(limiter, key).allowed(), "the local bucket limits too");

        own.start(); // empty again: the test server keeps nothing on disk
        // Past the retry delay the store is asked again: the shared bucket decides (the local one is empty, so only
        // Redis can allow).
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> take(limiter, key).allowed());
        assertTrue(limiter.store().shared());
        assertNull(limiter.store().failure());
        own.stop();
    }

    /** Found by bench/gateway/rate-limits.sh: Redis refused the script's SET with PX 0 and every request failed open. */
    @Test
    void aQuotaFinerThanTheClockStillCountsInRedis() throws Exception {
        RateLimiter limiter = limiter(redis.url(), 2_000_000_000, Duration.ofSeconds(60));
        ApiKey key = uniqueKey();
        awaitShared(limiter);
        for (int i = 0; i < 5; i++) {
            assertTrue(take(limiter, key).allowed());
        }
        assertTrue(limiter.store().shared(), "failure: " + limiter.store().failure());
    }

    @Test
    void aWrongPasswordIsAFailureNotAnError() throws Exception {
        RateLimiter limiter = limiter(redis.url(), 1, Duration.ofHours(1), "not-the-password", Duration.ofSeconds(30));
        ApiKey key = uniqueKey();
        assertTrue(take(limiter, key).allowed());
        assertFalse(take(limiter, key).allowed());
        assertFalse(limiter.store().shared());
    }

    private static RateLimiter.Decision take(RateLimiter limiter, ApiKey key) throws Exception {
        // From a Vert.x context, as in the gateway's filter.
        return vertx.getOrCreateContext()
                .<RateLimiter.Decision>executeBlocking(() -> null, false)
                .compose(v -> limiter.take(key, Scope.READ))
                .toCompletionStage()
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
    }

    /** Until the start-up handshake is done: a slow first connection would otherwise be counted locally. */
    private static void awaitShared(RateLimiter limiter) throws Exception {
        take(limiter, uniqueKey());
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        take(limiter, uniqueKey()) != null && limiter.store().shared());
    }

    private static ApiKey uniqueKey() {
        return new ApiKey("k" + UUID.randomUUID(), EnumSet.of(Scope.READ));
    }

    private static RateLimiter limiter(String url, int requests, Duration window) {
        return limiter(url, requests, window, redis.password(), Duration.ofSeconds(2));
    }

    private static RateLimiter limiter(
            String url, int requests, Duration window, String password, Duration retryDelay) {
        GatewayConfig.Redis store = new GatewayConfig.Redis() {
            public Optional<String> url() {
                return Optional.of(url);
            }

            public Optional<String> password() {
                return Optional.of(password);
            }

            public Duration timeout() {
                return Duration.ofMillis(500);
            }

            public Duration retryDelay() {
                return retryDelay;
            }

            public int maxConnections() {
                return 4;
            }
        };
        GatewayConfig.RateLimits limits = new GatewayConfig.RateLimits() {
            public GatewayConfig.RateLimit read() {
                return RateLimiterTests.limit(requests, window);
            }

            public GatewayConfig.RateLimit write() {
                return RateLimiterTests.limit(requests, window);
            }

            public GatewayConfig.RateLimit admin() {
                return RateLimiterTests.limit(requests, window);
            }

            public GatewayConfig.Redis redis() {
                return store;
            }
        };
        return new RateLimiter(
                limits, System::nanoTime, Optional.of(new SharedBuckets(vertx, store, System::nanoTime)));
    }
}
