package io.newsgraph.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.newsgraph.common.testing.ServiceProcess;
import io.newsgraph.common.testing.TestRedis;
import io.newsgraph.reliability.support.Results;
import io.newsgraph.reliability.support.Stack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Two gateway processes (the packaged app, as two replicas behind a load balancer) share one Redis: a key with
 * quota Q, driven concurrently through both with twice Q each, gets Q across the deployment - not Q per replica.
 * The tolerance is what the bucket refills while the test runs (ceil(elapsed * Q / window), one request per
 * window / Q; docs/gateway.md): the GCRA step is one atomic Lua script on Redis' clock, so concurrency and the two
 * processes add nothing. Redis' timeout is raised to 2 s so that a busy machine cannot make a replica fail open to
 * its local bucket (that path, and its readiness signal, are SharedRateLimiterTests' subject in the gateway).
 * The upstream is WireMock: this is about the gateway's counting, not about the services behind it.
 */
@Order(3)
class SharedQuotaIT {
    static final int QUOTA = 100;
    static final Duration WINDOW = Duration.ofMinutes(10);
    static final int CLIENTS_PER_GATEWAY = 8;
    static final String POLICY = "\"read\";q=" + QUOTA + ";w=" + WINDOW.toSeconds();
    private static final Pattern REMAINING = Pattern.compile("^\"read\";r=(\\d+);t=(\\d+)$");

    record Answer(
            int gateway,
            int status,
            String contentType,
            String policy,
            String rateLimit,
            String retryAfter,
            String body) {}

    @Test
    void aKeyGetsItsQuotaOnceAcrossTwoGatewaysSharingRedis() throws Exception {
        TestRedis redis = TestRedis.start("shared-quota");
        WireMockServer upstream = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(32)
                .jettyAcceptors(1));
        upstream.start();
        upstream.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"items\":[]}")));
        Map<String, String> env = Stack.gatewayEnv(upstream.baseUrl(), upstream.baseUrl());
        env.put("NEWSGRAPH_GATEWAY_RATE_LIMITS_READ_REQUESTS", String.valueOf(QUOTA));
        env.put("NEWSGRAPH_GATEWAY_RATE_LIMITS_READ_WINDOW", WINDOW.toSeconds() + "s");
        env.put("NEWSGRAPH_GATEWAY_RATE_LIMITS_REDIS_URL", redis.url());
        env.put("NEWSGRAPH_GATEWAY_RATE_LIMITS_REDIS_PASSWORD", redis.password());
        // Generous: a Redis answer slower than this fails open to local buckets (by design), which a loaded machine
        // must not trigger here.
        env.put("NEWSGRAPH_GATEWAY_RATE_LIMITS_REDIS_TIMEOUT", "10s");
        List<ServiceProcess> gateways = new ArrayList<>();
        try {
            gateways.add(ServiceProcess.startFromSnapshot("gateway", env));
            gateways.add(ServiceProcess.startFromSnapshot("gateway", env));
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            for (ServiceProcess gateway : gateways) {
                Awaitility.await("rate limits shared by " + gateway.url())
                        .atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> "shared".equals(storeMode(http, gateway)));
            }

            ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
            int perClient = 2 * QUOTA / CLIENTS_PER_GATEWAY;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2 * CLIENTS_PER_GATEWAY);
            List<Future<?>> clients = new ArrayList<>();
            for (int g = 0; g < gateways.size(); g++) {
                int index = g;
                String url = gateways.get(g).url() + "/api/v1/articles?limit=5";
                for (int c = 0; c < CLIENTS_PER_GATEWAY; c++) {
                    clients.add(pool.submit(() -> {
                        go.await();
                        for (int i = 0; i < perClient; i++) {
                            HttpResponse<String> r = http.send(
                                    HttpRequest.newBuilder(URI.create(url))
                                            .header("X-API-Key", Stack.LIMITED_KEY)
                                            .timeout(Duration.ofSeconds(15))
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            answers.add(new Answer(
                                    index,
                                    r.statusCode(),
                                    header(r, "Content-Type"),
                                    header(r, "RateLimit-Policy"),
                                    header(r, "RateLimit"),
                                    header(r, "Retry-After"),
                                    r.body()));
                        }
                        return null;
                    }));
                }
            }
            long t0 = System.nanoTime();
            go.countDown();
            for (Future<?> client : clients) {
                client.get(2, TimeUnit.MINUTES);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            pool.shutdownNow();

            int refill = (int) Math.ceil(seconds * QUOTA / WINDOW.toSeconds());
            List<Answer> allowed =
                    answers.stream().filter(a -> a.status() == 200).toList();
            List<Answer> limited =
                    answers.stream().filter(a -> a.status() == 429).toList();
            Set<Integer> remainingSeen = new HashSet<>();
            allowed.forEach(a -> remainingSeen.add(remaining(a)));
            Results.record(
                    "shared-quota",
                    "2 gateways x " + CLIENTS_PER_GATEWAY + " clients x " + perClient + " requests on one key (quota "
                            + QUOTA + "/" + WINDOW.toSeconds() + " s, one Redis)",
                    String.format(
                            Locale.ROOT,
                            "allowed %d (gateway 1: %d, gateway 2: %d), 429 %d in %.1f s",
                            allowed.size(),
                            count(allowed, 0),
                            count(allowed, 1),
                            limited.size(),
                            seconds),
                    QUOTA + " <= allowed <= " + (QUOTA + refill));

            assertEquals(2 * 2 * QUOTA, answers.size());
            assertEquals(
                    answers.size(),
                    allowed.size() + limited.size(),
                    "only 200 and 429: "
                            + answers.stream()
                                    .filter(a -> a.status() != 200 && a.status() != 429)
                                    .map(a -> a.status() + " " + a.body())
                                    .limit(5)
                                    .toList());
            assertTrue(allowed.size() >= QUOTA, "a full bucket allows its quota: " + allowed.size());
            assertTrue(
                    allowed.size() <= QUOTA + refill,
                    "allowed " + allowed.size() + " > quota " + QUOTA + " + refill " + refill
                            + ": the replicas did not share one bucket");
            // Each replica got twice the quota: counting alone, each would have allowed the whole quota.
            assertTrue(count(allowed, 0) > 0 && count(allowed, 1) > 0, "both gateways served the key");
            assertTrue(
                    count(limited, 0) > 0 && count(limited, 1) > 0, "both gateways refused the key once it was spent");
            // One bucket counts down once: every remaining count is seen once, except where a refill gave one back.
            assertTrue(
                    remainingSeen.size() >= allowed.size() - refill,
                    "remaining counts seen " + remainingSeen.size() + " for " + allowed.size()
                            + " allowed requests: two buckets counted");
            for (Answer a : answers) {
                assertEquals(POLICY, a.policy(), "RateLimit-Policy of a " + a.status());
                assertTrue(
                        REMAINING.matcher(a.rateLimit()).matches(),
                        "RateLimit of a " + a.status() + ": " + a.rateLimit());
            }
            for (Answer a : limited) {
                assertEquals(0, remaining(a), "a 429 leaves nothing: " + a.rateLimit());
                long retryAfter = Long.parseLong(a.retryAfter());
                assertTrue(
                        retryAfter >= 1 && retryAfter <= WINDOW.toSeconds() / QUOTA,
                        "Retry-After within one refill interval: " + retryAfter);
                assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType());
                JsonNode problem = Stack.readTree(a.body());
                assertEquals(429, problem.path("status").asInt(), a.body());
                assertEquals(
                        "https://newsgraph.io/problems/rate-limited",
                        problem.path("type").asText(),
                        a.body());
            }
            for (ServiceProcess gateway : gateways) {
                assertEquals("shared", storeMode(http, gateway), "the store answered throughout");
            }
        } finally {
            gateways.forEach(ServiceProcess::close);
            upstream.stop();
            redis.stop();
        }
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse("");
    }

    private static int remaining(Answer a) {
        Matcher m = REMAINING.matcher(a.rateLimit());
        assertTrue(m.matches(), "RateLimit: " + a.rateLimit());
        return Integer.parseInt(m.group(1));
    }

    private static long count(List<Answer> answers, int gateway) {
        return answers.stream().filter(a -> a.gateway() == gateway).count();
    }

    /** The rate-limit-store readiness check's mode: shared, degraded or local. */
    private static String storeMode(HttpClient http, ServiceProcess gateway) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(gateway.url() + "/q/health/ready"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode check : Stack.readTree(r.body()).path("checks")) {
            if ("rate-limit-store".equals(check.path("name").asText())) {
                return check.path("data").path("mode").asText();
            }
        }
        return "";
    }
}
