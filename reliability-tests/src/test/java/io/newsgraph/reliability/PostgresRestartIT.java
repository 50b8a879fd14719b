package io.newsgraph.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.reliability.support.Results;
import io.newsgraph.reliability.support.Scale;
import io.newsgraph.reliability.support.Stack;
import io.newsgraph.reliability.support.Stories;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * PostgreSQL restarted (fast shutdown, down for a few seconds, same port) under a steady read/write load through
 * the gateway: readiness goes DOWN and UP again, the services reconnect without a restart, no write that got a
 * 2xx is lost; errors seen by clients and time to recover are reported (target < 10 s).
 */
@Order(7)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresRestartIT {
    static final Map<String, Integer> ERRORS = new ConcurrentHashMap<>();
    static final int CLIENTS = 4;
    static final Duration DOWN_FOR = Duration.ofSeconds(Scale.pick(4, 10));

    record Outcome(long atNanos, String op, int status) {}

    @Order(1)
    @Test
    void servicesReconnectAndNoAcknowledgedWriteIsLost() throws Exception {
        Stack stack = Stack.shared();
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        AtomicLong lastRequest = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit(() -> {
                while (running.get() && System.nanoTime() < deadline) {
                    int i = sequence.incrementAndGet();
                    boolean write = i % 3 == 0;
                    HttpResponse<String> r;
                    try {
                        r = write
                                ? stack.send(stack.gatewayRequest("/api/v1/articles", Stack.ADMIN_KEY)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(Stories.json("pg" + Stack.RUN, i))))
                                : stack.send(stack.gatewayRequest(
                                                i % 2 == 0
                                                        ? "/api/v1/articles?limit=5"
                                                        : "/api/v1/search?q=minister&limit=5",
                                                Stack.ADMIN_KEY)
                                        .GET());
                    } catch (RuntimeException e) {
                        outcomes.add(new Outcome(System.nanoTime(), write ? "write" : "read", -1));
                        continue;
                    }
                    lastRequest.set(System.nanoTime());
                    outcomes.add(new Outcome(System.nanoTime(), write ? "write" : "read", r.statusCode()));
                    if (write && r.statusCode() / 100 == 2) {
                        acknowledged.add(Stack.readTree(r.body()).get("id").asText());
                    }
                    // ~10 requests/s per client: a steady load, not a stress test.
                    Awaitility.await()
                            .pollDelay(Duration.ofMillis(100))
                            .atMost(Duration.ofSeconds(1))
                            .until(() -> true);
                }
                return null;
            }));
        }
        Awaitility.await()
                .pollDelay(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(4))
                .until(() -> true);
        long stopped = System.nanoTime();
        stack.pg.stop();
        Awaitility.await("article-service not ready")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !stack.articles.ready());
        double downDetectedS = (System.nanoTime() - stopped) / 1e9;
        Awaitility.await("entity-service not ready")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !stack.entities.ready());
        Awaitility.await().pollDelay(DOWN_FOR).atMost(DOWN_FOR.plusSeconds(1)).until(() -> true);

        long started = System.nanoTime();
        stack.pg.start();
        double pgStartS = (System.nanoTime() - started) / 1e9;
        Awaitility.await("article-service ready")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(stack.articles::ready);
        double articlesReadyS = (System.nanoTime() - started) / 1e9;
        Awaitility.await("entity-service ready")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(stack.entities::ready);
        double entitiesReadyS = (System.nanoTime() - started) / 1e9;
        Awaitility.await("a write succeeds again")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> outcomes.stream()
                        .anyMatch(o -> o.atNanos() > started && o.op().equals("write") && o.status() / 100 == 2));
        long firstWrite = outcomes.stream()
                .filter(o -> o.atNanos() > started && o.op().equals("write") && o.status() / 100 == 2)
                .mapToLong(Outcome::atNanos)
                .min()
                .orElseThrow();
        double writesBackS = (firstWrite - started) / 1e9;
        long recovered = Math.max(firstWrite, started + (long) (articlesReadyS * 1e9));
        Awaitility.await()
                .pollDelay(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(6))
                .until(() -> true);
        running.set(false);
        for (Future<?> f : clients) {
            f.get(1, TimeUnit.MINUTES);
        }
        pool.shutdownNow();

        Map<String, Integer> errors = new TreeMap<>();
        int total = 0;
        long lastError = stopped;
        for (Outcome o : outcomes) {
            total++;
            if (o.status() / 100 != 2) {
                errors.merge(o.op() + " " + o.status(), 1, Integer::sum);
                lastError = Math.max(lastError, o.atNanos());
            }
        }
        final long lastErrorAt = lastError;
        long errorsAfterRecovery = outcomes.stream()
                .filter(o -> o.status() / 100 != 2 && o.atNanos() > recovered + 2_000_000_000L)
                .count();
        // Every acknowledged write is there, readable through the gateway.
        List<String> lost = new ArrayList<>();
        for (String id : acknowledged) {
            if (stack.send(stack.gatewayRequest("/api/v1/articles/" + id, Stack.ADMIN_KEY)
                                    .GET())
                            .statusCode()
                    != 200) {
                lost.add(id);
            }
        }
        stack.awaitAnalysed(Duration.ofMinutes(2));

        Results.record(
                "postgres-restart", "requests (acknowledged writes)", total + " (" + acknowledged.size() + ")", "");
        Results.record(
                "postgres-restart",
                "client errors (op status: count)",
                errors.toString(),
                "only while PostgreSQL is down");
        Results.record(
                "postgres-restart",
                "readiness DOWN detected after stop",
                String.format(java.util.Locale.ROOT, "%.1f s", downDetectedS),
                "DOWN");
        Results.record(
                "postgres-restart",
                "PostgreSQL down for; pg start took",
                DOWN_FOR.toSeconds() + " s; " + String.format(java.util.Locale.ROOT, "%.1f s", pgStartS),
                "");
        Results.record(
                "postgres-restart",
                "after PostgreSQL start: article-service ready, entity-service ready, first 2xx write",
                String.format(
                        java.util.Locale.ROOT, "%.1f s, %.1f s, %.1f s", articlesReadyS, entitiesReadyS, writesBackS),
                "< 10 s");
        Results.record(
                "postgres-restart",
                "last client error after PostgreSQL start",
                lastErrorAt <= started
                        ? "none after start"
                        : String.format(java.util.Locale.ROOT, "%.1f s", (lastErrorAt - started) / 1e9),
                "< 10 s");
        Results.record(
                "postgres-restart",
                "errors > 2 s after recovery; acknowledged writes lost",
                errorsAfterRecovery + "; " + lost.size(),
                "0; 0");
        ERRORS.putAll(errors);
        assertEquals(List.of(), lost, "acknowledged writes lost");
        assertTrue(
                articlesReadyS < 10 && writesBackS < 10,
                "recovered within 10 s: ready " + articlesReadyS + " s, writes " + writesBackS + " s");
        assertEquals(0, errorsAfterRecovery, "errors after recovery: " + errors);
    }

    /**
     * F9 (fixed): while PostgreSQL is down, a service answers 503 database-unavailable with Retry-After, not 500
     * internal-error ("a bug"): clients can tell an outage from a defect and know to retry.
     */
    @Order(2)
    @Test
    void f9DatabaseOutageIs503Not500() {
        assertEquals(
                Map.of(),
                ERRORS.entrySet().stream()
                        .filter(e -> e.getKey().endsWith(" 500"))
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
