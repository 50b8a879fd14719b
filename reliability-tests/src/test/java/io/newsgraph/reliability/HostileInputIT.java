package io.newsgraph.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsgraph.reliability.support.HostileRequests;
import io.newsgraph.reliability.support.Latencies;
import io.newsgraph.reliability.support.RawHttp;
import io.newsgraph.reliability.support.Results;
import io.newsgraph.reliability.support.Stack;
import io.newsgraph.reliability.support.Stories;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * ≥ 10,000 generated malformed or hostile requests (fixed seed) across every operation of the gateway's OpenAPI
 * document, through the gateway: no 5xx, no hang, every 4xx a complete problem+json, the services stay healthy
 * and nothing stored changes.
 */
@Order(1)
class HostileInputIT {
    static final int REQUESTS = Integer.getInteger("reliability.hostile.requests", 10_000);
    static final long SEED = Long.getLong("reliability.hostile.seed", 20250323L);
    static final int WORKERS = 4;
    static Stack stack;

    @BeforeAll
    static void seed() {
        stack = Stack.shared();
        if (stack.liveArticles() < 12) {
            for (int i = 0; i < 12; i++) {
                stack.ingest(Stories.json("seed" + Stack.RUN, i));
            }
        }
        stack.awaitAnalysed(Duration.ofMinutes(2));
    }

    @Test
    void hostileRequestsGetNoServerErrorsOnlyProblemsAndChangeNothing() throws Exception {
        List<String> articleIds = new ArrayList<>();
        stack.getJson("/api/v1/articles?limit=20")
                .get("items")
                .forEach(a -> articleIds.add(a.get("id").asText()));
        List<String> entityIds = new ArrayList<>();
        stack.getJson("/api/v1/entities?limit=20")
                .get("items")
                .forEach(e -> entityIds.add(e.get("id").asText()));
        List<String> cursors = new ArrayList<>();
        for (String list : List.of(
                "/api/v1/articles?limit=2",
                "/api/v1/entities?limit=2",
                "/api/v1/articles/feed?limit=2",
                "/api/v1/search?q=minister&limit=1",
                "/api/v1/quotes?limit=1")) {
            JsonNode page = stack.getJson(list);
            for (String field : List.of("nextCursor", "cursor", "next")) {
                if (page.hasNonNull(field)) {
                    String value = page.get(field).asText();
                    int at = value.indexOf("cursor=") >= 0
                            ? value.indexOf("cursor=") + 7
                            : value.indexOf("after=") >= 0 ? value.indexOf("after=") + 6 : 0;
                    cursors.add(value.substring(at).replaceAll("&.*", ""));
                }
            }
        }
        List<Stack.Operation> operations = stack.operations();
        assertTrue(operations.size() >= 20, "operations in the OpenAPI document: " + operations);
        Map<String, Long> before = stack.counts();

        HostileRequests generator =
                new HostileRequests(SEED, operations, articleIds, entityIds, cursors, Stack.ADMIN_KEY);
        List<HostileRequests.Request> requests = new ArrayList<>(REQUESTS);
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(generator.next());
        }
        Map<String, LongAdder> byCategory = new ConcurrentHashMap<>();
        Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();
        Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
        List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, LongAdder> violationKinds = new ConcurrentHashMap<>();
        Map<String, LongAdder> knownKinds = new ConcurrentHashMap<>();
        Map<String, LongAdder> examples = new ConcurrentHashMap<>();
        List<String> knownExamples = java.util.Collections.synchronizedList(new ArrayList<>());
        Latencies latencies = new Latencies();
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                    HostileRequests.Request request = requests.get(i);
                    byCategory
                            .computeIfAbsent(request.category(), k -> new LongAdder())
                            .increment();
                    byOperation
                            .computeIfAbsent(request.operation(), k -> new LongAdder())
                            .increment();
                    long t0 = System.nanoTime();
                    String problem;
                    try {
                        RawHttp.Response response =
                                RawHttp.exchange(stack.gateway.port(), request.bytes(), request.head(), 15_000);
                        latencies.add((System.nanoTime() - t0) / 1000);
                        byStatus.computeIfAbsent(response.status(), k -> new LongAdder())
                                .increment();
                        problem = judge(request, response);
                    } catch (SocketTimeoutException e) {
                        problem = "hang: no response within 15 s";
                    } catch (IOException | RuntimeException e) {
                        // The server may legitimately cut a connection whose framing it cannot parse.
                        problem = request.category().equals("protocol") ? null : "connection failed: " + e;
                        byStatus.computeIfAbsent(-1, k -> new LongAdder()).increment();
                    }
                    if (problem != null) {
                        String kind = problem.replaceAll(":.*", "");
                        boolean known = kind.startsWith("known ");
                        (known ? knownKinds : violationKinds)
                                .computeIfAbsent(kind, k -> new LongAdder())
                                .increment();
                        LongAdder shown = examples.computeIfAbsent(kind, k -> new LongAdder());
                        if (shown.sum() < 4) {
                            shown.increment();
                            (known ? knownExamples : violations)
                                    .add(problem + " <- [" + request.category() + "] " + request.method() + " "
                                            + abbreviate(request.target()) + " (" + request.operation() + ")");
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(10, TimeUnit.MINUTES);
        }
        pool.shutdownNow();
        double seconds = (System.nanoTime() - started) / 1e9;

        boolean healthy = Stack.ready(stack.articles.url())
                && Stack.ready(stack.entities.url())
                && Stack.ready(stack.gateway.url());
        Map<String, Long> after = stack.counts();
        long fiveXx = byStatus.entrySet().stream()
                .filter(e -> e.getKey() >= 500)
                .mapToLong(e -> e.getValue().sum())
                .sum();
        String statuses = new TreeMap<>(byStatus).toString();
        Results.record(
                "hostile-input",
                "requests (operations covered)",
                REQUESTS + " (" + byOperation.size() + " of " + operations.size() + ")",
                ">= 10000, all");
        Results.record("hostile-input", "by category", new TreeMap<>(byCategory).toString(), "");
        Results.record("hostile-input", "statuses", statuses, "no 5xx");
        Results.record(
                "hostile-input",
                "5xx responses (all of them known finding F4 when 'violations' is empty)",
                fiveXx,
                "0");
        Results.record("hostile-input", "violations", new TreeMap<>(violationKinds).toString(), "{}");
        Results.record(
                "hostile-input",
                "rate, p99 latency",
                String.format(
                        java.util.Locale.ROOT,
                        "%.0f req/s, p99 %.1f ms, max %.1f ms",
                        REQUESTS / seconds,
                        latencies.percentileMs(99),
                        latencies.maxMs()),
                "");
        Results.record(
                "hostile-input", "stored rows changed", before.equals(after) ? "none" : diff(before, after), "none");
        Results.record("hostile-input", "services healthy after", healthy, "true");
        Results.record("hostile-input", "known findings (FindingsIT)", new TreeMap<>(knownKinds).toString(), "{}");
        violations.forEach(v -> System.out.println("[violation] " + v));
        knownExamples.forEach(v -> System.out.println("[known] " + v));

        assertEquals(
                Set.copyOf(operations.stream().map(Object::toString).toList()),
                byOperation.keySet(),
                "every operation exercised");
        assertTrue(violations.isEmpty(), violationKinds + "; first ones:\n" + String.join("\n", violations));
        // 5xx outside the known findings are violations (asserted above); the known ones are FindingsIT's.
        assertEquals(before, after, "hostile requests changed stored data");
        assertTrue(healthy, "a service is not ready after the hostile run");
    }

    /** Null when the response is acceptable for the request, else why not. */
    static String judge(HostileRequests.Request request, RawHttp.Response response) {
        int status = response.status();
        if (status == 500
                && request.target().contains("%00")
                && request.operation().startsWith("GET /api/v1/articles")) {
            return "known F4 500 for NUL in a list filter: " + abbreviate(response.text());
        }
        if (status >= 500) {
            return "5xx: " + status + " " + abbreviate(response.text());
        }
        if (status >= 400) {
            String defect = request.head()
                    ? (String.valueOf(response.header("content-type")).startsWith("application/problem+json")
                            ? null
                            : "4xx not problem+json: HEAD " + status)
                    : problemDefect(response);
            if (defect != null
                    && status == 400
                    && request.category().equals("protocol")
                    && response.header("content-type") == null
                    && response.body().length == 0) {
                // Broken framing (conflicting or negative Content-Length, Content-Length with chunked, a NUL in a
                // header
                // name) is refused by Netty's HTTP codec before anything of Quarkus runs: docs/errors.md.
                return null;
            }
            if (defect != null && status == 414 && request.target().length() > 16384 && response.body().length == 0) {
                // A request line beyond quarkus.http.limits.max-initial-line-length (16384) is refused bare by the
                // codec;
                // up to there RequestHeadFilter answers 414 problem+json (docs/errors.md).
                return null;
            }
            if (defect != null && response.text().startsWith("{\"details\":\"Error id")) {
                return "known F2 Quarkus error page instead of a problem: " + status + " "
                        + abbreviate(response.text());
            }
            return defect;
        }
        if (status >= 200 && status < 300) {
            boolean read = Set.of("GET", "HEAD", "OPTIONS").contains(request.method());
            boolean harmless = request.mayWrite()
                    || request.operation().equals("POST /api/v1/articles/batch")
                            && request.method().equals("POST");
            if (!read && !harmless) {
                return "hostile write accepted: " + status + " " + abbreviate(response.text());
            }
        }
        return null;
    }

    /** Null when the body is an RFC 9457 problem with type, title, status (= the HTTP status), detail and instance. */
    static String problemDefect(RawHttp.Response response) {
        String type = response.header("content-type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return "4xx not problem+json: " + response.status() + " content-type " + type + " "
                    + abbreviate(response.text());
        }
        JsonNode body;
        try {
            body = Stack.JSON.readTree(response.body());
        } catch (IOException e) {
            return "4xx problem not JSON: " + response.status() + " " + abbreviate(response.text());
        }
        for (String field : List.of("type", "title", "status", "detail", "instance")) {
            if (body == null || !body.hasNonNull(field)) {
                return "4xx problem without " + field + ": " + response.status() + " " + abbreviate(response.text());
            }
        }
        if (body.get("status").asInt() != response.status()) {
            return "4xx problem status differs: " + response.status() + " vs " + body.get("status");
        }
        return null;
    }

    static String abbreviate(String s) {
        String clean = s.replaceAll("[\\p{Cntrl}]", "?");
        return clean.length() > 160 ? clean.substring(0, 160) + "..." : clean;
    }

    static String diff(Map<String, Long> before, Map<String, Long> after) {
        StringBuilder d = new StringBuilder();
        before.forEach((k, v) -> {
            if (!v.equals(after.get(k))) {
                d.append(k)
                        .append(' ')
                        .append(v)
                        .append("->")
                        .append(after.get(k))
                        .append("; ");
            }
        });
        return d.toString();
    }
}
