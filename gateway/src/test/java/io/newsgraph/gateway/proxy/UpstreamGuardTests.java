package io.newsgraph.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newsgraph.gateway.config.GatewayConfig;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UpstreamGuardTests {
    private final AtomicLong now = new AtomicLong();
    private final UpstreamGuard guard = new UpstreamGuard(config(2, 4, 0.5, Duration.ofSeconds(10)), now::get);

    @Test
    void bulkheadRefusesBeyondTheLimitAndFreesOnCompletion() {
        UpstreamGuard.Permit a = guard.tryAcquire();
        UpstreamGuard.Permit b = guard.tryAcquire();
        assertNull(guard.tryAcquire());
        a.complete(UpstreamGuard.Outcome.SUCCESS);
        a.complete(UpstreamGuard.Outcome.SUCCESS); // idempotent
        assertNotNull(guard.tryAcquire());
        assertNull(guard.tryAcquire());
        assertNotNull(b);
    }

    @Test
    void opensAtTheFailureRatioAndRecoversThroughOneTrial() {
        outcome(UpstreamGuard.Outcome.SUCCESS);
        outcome(UpstreamGuard.Outcome.FAILURE);
        outcome(UpstreamGuard.Outcome.SUCCESS);
        assertEquals(UpstreamGuard.State.CLOSED, guard.state());
        outcome(UpstreamGuard.Outcome.FAILURE); // 2 of 4 failed
        assertEquals(UpstreamGuard.State.OPEN, guard.state());
        assertNull(guard.tryAcquire());
        assertEquals(10, guard.retryAfterSeconds());

        now.addAndGet(Duration.ofSeconds(10).toNanos());
        UpstreamGuard.Permit trial = guard.tryAcquire();
        assertNotNull(trial);
        assertNull(guard.tryAcquire(), "one trial at a time");
        trial.complete(UpstreamGuard.Outcome.FAILURE);
        assertEquals(UpstreamGuard.State.OPEN, guard.state());

        now.addAndGet(Duration.ofSeconds(10).toNanos());
        guard.tryAcquire().complete(UpstreamGuard.Outcome.SUCCESS);
        assertEquals(UpstreamGuard.State.CLOSED, guard.state());
    }

    @Test
    void neutralOutcomesDoNotCount() {
        for (int i = 0; i < 10; i++) {
            outcome(UpstreamGuard.Outcome.NEUTRAL);
        }
        assertEquals(UpstreamGuard.State.CLOSED, guard.state());
    }

    private void outcome(UpstreamGuard.Outcome outcome) {
        guard.tryAcquire().complete(outcome);
    }

    static GatewayConfig.Upstream config(int maxConcurrent, int window, double ratio, Duration delay) {
        return new TestUpstreamConfig(
                URI.create("http://127.0.0.1:1"), Duration.ofSeconds(1), 1, maxConcurrent, 0, window, ratio, delay);
    }
}
