package io.newsgraph.gateway.proxy;

import io.newsgraph.gateway.config.GatewayConfig;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Bulkhead and circuit breaker of one upstream on the proxy path. Non-blocking and allocation-light on
 * purpose: it runs on the event loop for every proxied request (the annotation-driven SmallRye guards
 * protect the composition clients instead).
 * Circuit: CLOSED until at least {@code failureRatio} of the last {@code window} outcomes failed; then OPEN
 * for {@code delay}; then HALF_OPEN, letting one trial through, whose outcome closes or reopens it.
 */
public final class UpstreamGuard {
    public enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    public enum Outcome {
        SUCCESS,
        FAILURE,
        NEUTRAL
    }

    private final int maxConcurrent;
    private final double failureRatio;
    private final long delayNanos;
    private final LongSupplier clock;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final boolean[] outcomes;
    private int next;
    private int recorded;
    private int failures;
    private State state = State.CLOSED;
    private long openedAt;
    private boolean trialInFlight;

    UpstreamGuard(GatewayConfig.Upstream config, LongSupplier clock) {
        this.maxConcurrent = config.maxConcurrent();
        this.failureRatio = config.circuitBreaker().failureRatio();
        this.delayNanos = config.circuitBreaker().delay().toNanos();
        this.outcomes = new boolean[Math.max(1, config.circuitBreaker().window())];
        this.clock = clock;
    }

    /** A permit, or null when the circuit is open or the bulkhead full: see {@link #retryAfterSeconds()}. */
    public Permit tryAcquire() {
        boolean trial;
        synchronized (this) {
            if (state == State.OPEN && clock.getAsLong() - openedAt >= delayNanos) {
                state = State.HALF_OPEN;
            }
            if (state == State.OPEN || (state == State.HALF_OPEN && trialInFlight)) {
                return null;
            }
            trial = state == State.HALF_OPEN;
            if (trial) {
                trialInFlight = true;
            }
        }
        if (inFlight.incrementAndGet() > maxConcurrent) {
            inFlight.decrementAndGet();
            if (trial) {
                synchronized (this) {
                    trialInFlight = false;
                }
            }
            return null;
        }
        return new Permit(trial);
    }

    public synchronized State state() {
        if (state == State.OPEN && clock.getAsLong() - openedAt >= delayNanos) {
            return State.HALF_OPEN;
        }
        return state;
    }

    /** When a refused caller may try again: the rest of the open delay, at least one second. */
    public synchronized long retryAfterSeconds() {
        if (state != State.OPEN) {
            return 1;
        }
        long remaining = delayNanos - (clock.getAsLong() - openedAt);
        return Math.max(1, (long) Math.ceil(remaining / 1e9));
    }

    public int inFlight() {
        return inFlight.get();
    }

    private synchronized void record(Outcome outcome, boolean trial) {
        if (trial) {
            trialInFlight = false;
            if (outcome == Outcome.SUCCESS) {
                state = State.CLOSED;
                recorded = 0;
                failures = 0;
                next = 0;
            } else if (outcome == Outcome.FAILURE) {
                open();
            }
            return;
        }
        if (outcome == Outcome.NEUTRAL || state != State.CLOSED) {
            return;
        }
        boolean failed = outcome == Outcome.FAILURE;
        if (recorded == outcomes.length) {
            failures -= outcomes[next] ? 1 : 0;
        } else {
            recorded++;
        }
        outcomes[next] = failed;
        failures += failed ? 1 : 0;
        next = (next + 1) % outcomes.length;
        if (recorded == outcomes.length && failures >= failureRatio * recorded) {
            open();
        }
    }

    private void open() {
        state = State.OPEN;
        openedAt = clock.getAsLong();
        recorded = 0;
        failures = 0;
        next = 0;
    }

    /** One admitted request; {@link #complete} exactly once (later calls are ignored). */
    public final class Permit {
        private final boolean trial;
        private final AtomicBoolean done = new AtomicBoolean();

        private Permit(boolean trial) {
            this.trial = trial;
        }

        public void complete(Outcome outcome) {
            if (done.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
                record(outcome, trial);
            }
        }
    }
}
