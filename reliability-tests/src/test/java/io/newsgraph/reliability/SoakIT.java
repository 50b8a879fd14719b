package io.newsgraph.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.common.testing.ServiceProcess;
import io.newsgraph.reliability.support.Latencies;
import io.newsgraph.reliability.support.Results;
import io.newsgraph.reliability.support.Stack;
import io.newsgraph.reliability.support.Stories;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Mixed traffic through the gateway (ingest 5 %, reads 80 %, search 15 %) from an open-loop generator (requests
 * are scheduled at a fixed rate; latency counts from the scheduled time, so a stalled server cannot hide its
 * queue). A short ramp finds the highest rate with p99 < 100 ms and no errors (a step that misses gets one more
 * try); then the soak runs at that rate (default 10 min; once more one ramp step lower when it misses p99 < 100 ms
 * there) and reports errors, p99 per minute and heap-after-GC/RSS of every service at start and end.
 * run.sh only (tag "slow").
 */
@Order(9)
@Tag("slow")
class SoakIT {
    static final int[] RAMP = {25, 50, 100, 150, 200, 250, 300, 400};
    static final Duration STEP = Duration.ofSeconds(Integer.getInteger("reliability.ramp.step.seconds", 20));
    static final Duration SOAK = Duration.ofMinutes(Integer.getInteger("reliability.soak.minutes", 10));
    static final AtomicInteger STORY = new AtomicInteger();

    record Step(
            int rate,
            Latencies latencies,
            Map<String, Integer> errors,
            int dropped,
            Map<String, Latencies> byOperation) {
        String perOperation() {
            StringBuilder b = new StringBuilder();
            new TreeMap<>(byOperation)
                    .forEach((op, l) -> b.append(op)
                            .append(String.format(
                                    Locale.ROOT, " %.0f/%.0f; ", l.percentileMs(50), l.percentileMs(99))));
            return b.toString();
        }

        boolean ok() {
            return latencies.percentileMs(99) < 100 && errors.isEmpty() && dropped == 0;
        }
    }

    @Test
    void soak() throws Exception {
        Stack stack = Stack.shared();
        if (stack.liveArticles() < 100) {
            for (int i = 0; i < 100; i++) {
                stack.ingest(Stories.json("soakseed" + Stack.RUN, i));
            }
        }
        stack.awaitAnalysed(Duration.ofMinutes(3));
        List<String> ids = new ArrayList<>();
        stack.getJson("/api/v1/articles?limit=100")
                .get("items")
                .forEach(a -> ids.add(a.get("id").asText()));
        List<String> ids2 = new CopyOnWriteArrayList<>(ids);

        Step warmUp = run(stack, ids2, 25, Duration.ofSeconds(30), null); // JIT, pools, caches: not measured
        Results.record(
                "soak-ramp",
                "warm-up 25 req/s for 30 s (not judged)",
                String.format(
                        Locale.ROOT,
                        "p50 %.1f ms, p99 %.1f ms, errors %s",
                        warmUp.latencies().percentileMs(50),
                        warmUp.latencies().percentileMs(99),
                        warmUp.errors()),
                "");
        int best = 0;
        ramp:
        for (int rate : RAMP) {
            // A step that misses runs once more: in 20 s one pause of half a second (a checkpoint, a GC) is over 1 % of
            // the requests and so decides p99; the soak below judges the rate over 10 minutes anyway.
            for (int attempt = 1; ; attempt++) {
                Step step = run(stack, ids2, rate, STEP, null);
                Results.record(
                        "soak-ramp",
                        rate + " req/s for " + STEP.toSeconds() + " s" + (attempt > 1 ? " (again)" : ""),
                        String.format(
                                        Locale.ROOT,
                                        "p50 %.1f ms, p99 %.1f ms, errors %s, dropped %d",
                                        step.latencies().percentileMs(50),
                                        step.latencies().percentileMs(99),
                                        step.errors(),
                                        step.dropped())
                                + "; p50/p99 ms by operation: " + step.perOperation(),
                        "p99 < 100 ms, 0 errors");
                if (step.ok()) {
                    break;
                }
                if (attempt == 2) {
                    break ramp;
                }
            }
            best = rate;
        }
        assertTrue(best > 0, "no rate met p99 < 100 ms");
        // A 20 s step does not show what 10 minutes do (the corpus grows by the ingests, caches and the JIT settle):
        // when the soak misses p99 < 100 ms at the ramp's rate, it is rejected and run once more one step lower.
        int rate = best;
        Step soak;
        Map<String, double[]> start;
        Map<String, double[]> end;
        List<String> minutes;
        while (true) {
            stack.awaitAnalysed(Duration.ofMinutes(3));
            start = memory(stack);
            minutes = new CopyOnWriteArrayList<>();
            soak = run(stack, ids2, rate, SOAK, minutes);
            end = memory(stack);
            int lower = lowerRampStep(rate);
            if (soak.ok() || rate != best || lower == 0) {
                break;
            }
            Results.record("soak-rejected", "rate, duration", rate + " req/s, " + SOAK.toMinutes() + " min", "");
            Results.record(
                    "soak-rejected",
                    "p50 / p99 / max; errors; dropped",
                    String.format(
                            Locale.ROOT,
                            "%.1f / %.1f / %.1f ms; %s; %d",
                            soak.latencies().percentileMs(50),
                            soak.latencies().percentileMs(99),
                            soak.latencies().maxMs(),
                            soak.errors(),
                            soak.dropped()),
                    "p99 < 100 ms, 0 errors");
            Results.record("soak-rejected", "p99 per minute", String.join(", ", minutes), "");
            Results.record("soak-rejected", "p50/p99 ms by operation", soak.perOperation(), "");
            rate = lower;
        }
        stack.awaitAnalysed(Duration.ofMinutes(5));

        Results.record(
                "soak",
                "rate (highest ramp step with p99 < 100 ms; one step lower if the soak at it missed), duration",
                rate + " req/s, " + SOAK.toMinutes() + " min",
                "max sustainable");
        Results.record(
                "soak",
                "requests; errors; dropped (generator could not keep up)",
                soak.latencies().count() + "; " + soak.errors() + "; " + soak.dropped(),
                "0 errors");
        Results.record(
                "soak",
                "p50 / p99 / max over the soak",
                String.format(
                        Locale.ROOT,
                        "%.1f / %.1f / %.1f ms",
                        soak.latencies().percentileMs(50),
                        soak.latencies().percentileMs(99),
                        soak.latencies().maxMs()),
                "p99 < 100 ms");
        Results.record("soak", "p99 per minute", String.join(", ", minutes), "no upward trend");
        Results.record("soak", "p50/p99 ms by operation", soak.perOperation(), "");
        for (String name : start.keySet()) {
            Results.record(
                    "soak",
                    name + " heap after GC / RSS: start -> end",
                    String.format(
                            Locale.ROOT,
                            "%.0f -> %.0f MiB / %.0f -> %.0f MiB",
                            start.get(name)[0],
                            end.get(name)[0],
                            start.get(name)[1],
                            end.get(name)[1]),
                    "no growth trend");
        }
        assertEquals(Map.of(), soak.errors());
    }

    private static int lowerRampStep(int rate) {
        int lower = 0;
        for (int r : RAMP) {
            if (r < rate) {
                lower = r;
            }
        }
        return lower;
    }

    private static Map<String, double[]> memory(Stack stack) {
        Map<String, double[]> m = new TreeMap<>();
        for (Map.Entry<String, ServiceProcess> s : Map.of(
                        "gateway", stack.gateway, "article-service", stack.articles, "entity-service", stack.entities)
                .entrySet()) {
            m.put(s.getKey(), new double[] {Stack.heapAfterGcMiB(s.getValue()), Stack.rssMiB(s.getValue())});
        }
        return m;
    }

    /** Open loop: {@code rate} requests/s for {@code duration}, each on a virtual thread, at most 256 in flight. */
    private static Step run(Stack stack, List<String> ids, int rate, Duration duration, List<String> perMinute)
            throws Exception {
        Latencies latencies = new Latencies();
        Latencies[] minute = {new Latencies()};
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        Map<String, Latencies> byOperation = new ConcurrentHashMap<>();
        AtomicInteger dropped = new AtomicInteger();
        Semaphore inFlight = new Semaphore(256);
        long total = (long) rate * duration.toSeconds();
        long periodNanos = 1_000_000_000L / rate;
        long t0 = System.nanoTime() + 50_000_000L;
        AtomicLong issued = new AtomicLong();
        AtomicLong lastMinute = new AtomicLong(t0);
        ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        SplittableRandom random = new SplittableRandom(42 + rate);
        ticker.scheduleAtFixedRate(
                () -> {
                    long now = System.nanoTime();
                    while (issued.get() < total && t0 + issued.get() * periodNanos <= now) {
                        long intended = t0 + issued.getAndIncrement() * periodNanos;
                        if (!inFlight.tryAcquire()) {
                            dropped.incrementAndGet();
                            continue;
                        }
                        double dice = random.nextDouble();
                        String id = dice >= 0.70 && dice < 0.80 || dice >= 0.90
                                ? ids.get(random.nextInt(
                                        Math.min(ids.size(), 100))) // analysed before the run: analysis reads are 200
                                : ids.get(random.nextInt(ids.size()));
                        workers.submit(() -> {
                            try {
                                String[] op = new String[1];
                                int status = call(stack, ids, dice, id, op);
                                long micros = (System.nanoTime() - intended) / 1000;
                                latencies.add(micros);
                                byOperation
                                        .computeIfAbsent(op[0], k -> new Latencies())
                                        .add(micros);
                                minute[0].add(micros);
                                if (status / 100 != 2) {
                                    errors.merge(String.valueOf(status), 1, Integer::sum);
                                }
                            } catch (RuntimeException e) {
                                errors.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                            } finally {
                                inFlight.release();
                            }
                        });
                    }
                    if (perMinute != null && now - lastMinute.get() >= 60_000_000_000L) {
                        lastMinute.set(now);
                        Latencies done = minute[0];
                        minute[0] = new Latencies();
                        perMinute.add(String.format(Locale.ROOT, "%.0f", done.percentileMs(99)));
                    }
                },
                0,
                5,
                TimeUnit.MILLISECONDS);
        Awaitility.await("load issued")
                .atMost(duration.plusSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> issued.get() >= total);
        ticker.shutdownNow();
        workers.shutdown();
        assertTrue(workers.awaitTermination(60, TimeUnit.SECONDS), "requests finish");
        if (perMinute != null && minute[0].count() > 0) {
            perMinute.add(String.format(Locale.ROOT, "%.0f", minute[0].percentileMs(99)));
        }
        return new Step(rate, latencies, new TreeMap<>(errors), dropped.get(), byOperation);
    }

    private static int call(Stack stack, List<String> ids, double dice, String id, String[] op) {
        HttpResponse<String> r;
        op[0] = dice < 0.05
                ? "ingest"
                : dice < 0.20
                        ? "search"
                        : dice < 0.55
                                ? "get"
                                : dice < 0.70
                                        ? "list"
                                        : dice < 0.80 ? "get+analysis" : dice < 0.90 ? "entities" : "analysis";
        if (dice < 0.05) {
            r = stack.send(stack.gatewayRequest("/api/v1/articles", Stack.ADMIN_KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            Stories.json("soak" + Stack.RUN, STORY.incrementAndGet()))));
            if (r.statusCode() == 201 && ids.size() < 2000) {
                ids.add(Stack.readTree(r.body()).get("id").asText());
            }
        } else if (dice < 0.20) {
            String[] q = {"minister", "deliveries winter", "\"field hospitals\"", "Oslo -Paris", "plan or pumps"};
            r = stack.send(stack.gatewayRequest(
                            "/api/v1/search?limit=10&q="
                                    + java.net.URLEncoder.encode(
                                            q[(int) (dice * 1000) % q.length], java.nio.charset.StandardCharsets.UTF_8),
                            Stack.ADMIN_KEY)
                    .GET());
        } else if (dice < 0.55) {
            r = stack.send(stack.gatewayRequest("/api/v1/articles/" + id, Stack.ADMIN_KEY)
                    .GET());
        } else if (dice < 0.70) {
            r = stack.send(stack.gatewayRequest("/api/v1/articles?limit=20", Stack.ADMIN_KEY)
                    .GET());
        } else if (dice < 0.80) {
            r = stack.send(stack.gatewayRequest("/api/v1/articles/" + id + "?include=analysis", Stack.ADMIN_KEY)
                    .GET());
        } else if (dice < 0.90) {
            r = stack.send(stack.gatewayRequest("/api/v1/entities?limit=20", Stack.ADMIN_KEY)
                    .GET());
        } else {
            r = stack.send(stack.gatewayRequest("/api/v1/articles/" + id + "/analysis", Stack.ADMIN_KEY)
                    .GET());
        }
        return r.statusCode();
    }
}
