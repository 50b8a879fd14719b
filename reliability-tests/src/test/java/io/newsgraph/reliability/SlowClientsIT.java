package io.newsgraph.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.reliability.support.Latencies;
import io.newsgraph.reliability.support.Results;
import io.newsgraph.reliability.support.Scale;
import io.newsgraph.reliability.support.Stack;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Slowloris: many idle and slow-header connections against the gateway (CI: 200 for 8 s; run.sh: 500 for 20 s).
 * A normal client keeps being served meanwhile, with its latency compared to the same client before.
 */
@Order(4)
class SlowClientsIT {
    static final int SOCKETS = Scale.pick(200, 500);
    static final Duration HOLD = Duration.ofSeconds(Scale.pick(8, 20));

    @Test
    void gatewayKeepsServingNormalClientsUnderSlowloris() throws Exception {
        Stack stack = Stack.shared();
        Latencies before = measure(stack, 100, Duration.ofSeconds(20));
        double threadsBefore = Stack.liveThreads(stack.gateway);
        List<Socket> sockets = new ArrayList<>();
        AtomicInteger dropped = new AtomicInteger();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        Latencies during;
        try {
            for (int i = 0; i < SOCKETS; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", stack.gateway.port()), 2000);
                if (i % 2 == 0) { // half send a request line and then trickle headers; half stay silent
                    s.getOutputStream()
                            .write(("GET /api/v1/articles HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                }
                sockets.add(s);
            }
            AtomicInteger tick = new AtomicInteger();
            trickle.scheduleAtFixedRate(
                    () -> {
                        int t = tick.incrementAndGet();
                        for (int i = 0; i < sockets.size(); i += 2) {
                            try {
                                sockets.get(i)
                                        .getOutputStream()
                                        .write(("X-Slow-" + t + ": " + t + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            } catch (IOException e) {
                                dropped.incrementAndGet();
                            }
                        }
                    },
                    1,
                    1,
                    TimeUnit.SECONDS);
            during = measure(stack, 100_000, HOLD);
        } finally {
            trickle.shutdownNow();
            for (Socket s : sockets) {
                s.close();
            }
        }
        double threadsDuring = Stack.liveThreads(stack.gateway);
        Latencies after = measure(stack, 50, Duration.ofSeconds(20));
        Results.record(
                "slowloris",
                SOCKETS + " idle/slow sockets for " + HOLD.toSeconds() + " s: normal client p50/p99 before",
                String.format(
                        java.util.Locale.ROOT, "%.1f / %.1f ms", before.percentileMs(50), before.percentileMs(99)),
                "");
        Results.record(
                "slowloris",
                "normal client p50/p99 during (requests served)",
                String.format(
                        java.util.Locale.ROOT,
                        "%.1f / %.1f ms (%d, all 200)",
                        during.percentileMs(50),
                        during.percentileMs(99),
                        during.count()),
                "served, p99 < 2x before or < 50 ms");
        Results.record(
                "slowloris",
                "slow sockets cut by the gateway; gateway threads before/after",
                dropped.get() + "; " + threadsBefore + " / " + threadsDuring,
                "");
        assertTrue(during.count() > 50, "normal client served during the attack: " + during.count());
        assertTrue(
                during.percentileMs(99) < Math.max(50, 2 * before.percentileMs(99)),
                "p99 during " + during.percentileMs(99) + " ms");
        assertEquals(50, after.count());
    }

    /** Sequential GETs through the gateway for at most {@code duration} or {@code count} requests; every one must be 200. */
    private static Latencies measure(Stack stack, int count, Duration duration) {
        Latencies latencies = new Latencies();
        long end = System.nanoTime() + duration.toNanos();
        for (int i = 0; i < count && System.nanoTime() < end; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = stack.send(stack.gatewayRequest("/api/v1/articles?limit=5", Stack.ADMIN_KEY)
                    .GET());
            assertEquals(200, r.statusCode(), r.body());
            latencies.add((System.nanoTime() - t0) / 1000);
        }
        return latencies;
    }
}
