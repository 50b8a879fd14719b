package io.newsgraph.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.reliability.support.Results;
import io.newsgraph.reliability.support.Stack;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the gateway's OpenAPI document that is not public answers 401 without (or with an unknown)
 * key and 403 with a key lacking the scope - enumerated from the document, so new routes are covered
 * automatically. Rate limits hold under concurrency.
 */
@Order(3)
class AuthIT {
    static Stack stack;

    @BeforeAll
    static void start() {
        stack = Stack.shared();
    }

    private HttpRequest.Builder request(Stack.Operation op) {
        String path = op.path()
                .replace("{version}", "1")
                .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        HttpRequest.Builder b = stack.gatewayRequest(path, null);
        HttpRequest.BodyPublisher body =
                op.isWrite() ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody();
        if (op.isWrite()) {
            b.header("Content-Type", "application/json");
        }
        return b.method(op.method(), body);
    }

    @Test
    void everyNonPublicOperationNeedsAKeyWithTheRightScope() {
        List<Stack.Operation> operations = stack.operations();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Stack.Operation op : operations) {
            if (op.isPublic()) {
                continue;
            }
            checked++;
            expect(failures, op, "no key", request(op), 401);
            expect(failures, op, "unknown key", request(op).header("X-API-Key", "not-a-key-" + UUID.randomUUID()), 401);
            expect(failures, op, "unknown bearer", request(op).header("Authorization", "Bearer not-a-key"), 401);
            expect(failures, op, "empty key", request(op).header("X-API-Key", " "), 401);
            String wrongScope = op.isWrite() ? Stack.READ_KEY : Stack.WRITE_KEY;
            expect(failures, op, "wrong scope", request(op).header("X-API-Key", wrongScope), 403);
            expect(
                    failures,
                    op,
                    "wrong scope (bearer)",
                    request(op).header("Authorization", "Bearer " + wrongScope),
                    403);
        }
        Results.record(
                "auth",
                "operations checked (401 x4, 403 x2 each)",
                checked + " of " + operations.size(),
                "all non-public");
        Results.record("auth", "wrong answers", failures.size(), "0");
        assertTrue(checked >= 20, "operations: " + operations);
        assertEquals(List.of(), failures);
    }

    private void expect(
            List<String> failures, Stack.Operation op, String what, HttpRequest.Builder request, int status) {
        HttpResponse<String> r = stack.send(request);
        boolean problem = r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                && Stack.readTree(r.body()).path("status").asInt() == status;
        boolean challenge = status != 401
                || r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer");
        if (r.statusCode() != status || !problem || !challenge) {
            failures.add(op + " " + what + ": " + r.statusCode() + " " + r.body());
        }
    }

    @Test
    void docsAndHealthStayOpen() {
        assertEquals(
                200,
                stack.send(stack.gatewayRequest("/q/health/ready", null).GET()).statusCode());
        assertEquals(
                200, stack.send(stack.gatewayRequest("/q/openapi", null).GET()).statusCode());
        assertFalse(stack.operations().stream().anyMatch(Stack.Operation::isPublic), "no /api operation is public");
    }

    /** N concurrent clients on one key cannot get more than the bucket (plus what refills meanwhile). */
    @Test
    void rateLimitHoldsUnderConcurrency() throws Exception {
        int clients = 16;
        int each = 12;
        AtomicInteger allowed = new AtomicInteger();
        AtomicInteger limited = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        AtomicInteger badProblems = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Object>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit((Callable<Object>) () -> {
                go.await();
                for (int i = 0; i < each; i++) {
                    HttpResponse<String> r =
                            stack.send(stack.gatewayRequest("/api/v1/extraction/status", Stack.LIMITED_KEY)
                                    .GET());
                    if (r.statusCode() == 200) {
                        allowed.incrementAndGet();
                    } else if (r.statusCode() == 429) {
                        limited.incrementAndGet();
                        if (r.headers().firstValue("Retry-After").isEmpty()
                                || !r.headers()
                                        .firstValue("Content-Type")
                                        .orElse("")
                                        .startsWith("application/problem+json")) {
                            badProblems.incrementAndGet();
                        }
                    } else {
                        other.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        long t0 = System.nanoTime();
        go.countDown();
        for (Future<Object> f : futures) {
            f.get(2, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdownNow();
        // The bucket holds READ_QUOTA and refills READ_QUOTA per 60 s.
        int ceiling = Stack.READ_QUOTA + (int) Math.ceil(seconds * Stack.READ_QUOTA / 60.0) + 1;
        Results.record(
                "rate-limit",
                clients + " clients x " + each + " requests on one key (quota " + Stack.READ_QUOTA + "/60 s)",
                "allowed " + allowed + ", 429 " + limited + ", other " + other + " in "
                        + String.format(java.util.Locale.ROOT, "%.1f", seconds) + " s",
                "allowed <= " + ceiling);
        assertTrue(allowed.get() <= ceiling, "allowed " + allowed + " > " + ceiling);
        assertTrue(allowed.get() >= Stack.READ_QUOTA, "a full bucket allows its quota: " + allowed);
        assertEquals(0, other.get());
        assertEquals(0, badProblems.get(), "429 without Retry-After or problem+json");
    }
}
