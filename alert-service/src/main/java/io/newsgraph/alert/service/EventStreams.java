package io.newsgraph.alert.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsgraph.alert.config.AlertConfig;
import io.newsgraph.common.problem.ProblemException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The open Server-Sent Event streams of this replica: a cap per API key, and a signal that new matches were recorded
 * (streams then read PostgreSQL, the one source of what matched; a stream on another replica finds them at its next
 * heartbeat at the latest).
 */
@ApplicationScoped
public class EventStreams {
    private final ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition recorded = lock.newCondition();

    @Inject
    AlertConfig config;

    @Inject
    MeterRegistry metrics;

    void start(@Observes StartupEvent event) {
        Gauge.builder(
                        "newsgraph.alerts.streams.open",
                        open,
                        o -> o.values().stream().mapToInt(AtomicInteger::get).sum())
                .description("Open Server-Sent Event streams")
                .register(metrics);
    }

    /** Counts a new stream of {@code owner}; 429 when the key has its maximum open already. Release with {@link #close}. */
    public void open(String owner) {
        AtomicInteger count = open.computeIfAbsent(owner, k -> new AtomicInteger());
        if (count.incrementAndGet() > config.streams().maxPerKey()) {
            count.decrementAndGet();
            throw new ProblemException(
                    429,
                    "too-many-streams",
                    "Too many open streams",
                    "This API key has " + config.streams().maxPerKey()
                            + " event streams open already; close one first");
        }
    }

    public void close(String owner) {
        open.computeIfPresent(owner, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    /** New matches are committed: wake every waiting stream. */
    public void matchesRecorded() {
        lock.lock();
        try {
            recorded.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until matches are recorded or {@code millis} pass. */
    public void await(long millis) throws InterruptedException {
        lock.lock();
        try {
            recorded.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } finally {
            lock.unlock();
        }
    }
}
