package io.newsgraph.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.newsgraph.common.testing.ServiceProcess;
import io.newsgraph.reliability.support.Latencies;
import io.newsgraph.reliability.support.Results;
import io.newsgraph.reliability.support.Scale;
import io.newsgraph.reliability.support.Stack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * One slow upstream (WireMock, every answer delayed 4 s, below the 5 s timeout) flooded with concurrent requests:
 * the gateway neither runs out of threads nor connections, and its latency for the other upstream's routes stays
 * within 2x normal. The loaded measurement starts once every flood request has reached the gateway (waiting on the
 * upstream or refused by the bulkhead): the burst of opening hundreds of connections is this test JVM's own CPU
 * load on the same machine, not a property of the gateway, and is reported separately as its settle time.
 */
@Order(5)
class SlowUpstreamIT {
    static final int FLOOD = Scale.pick(300, 600);

    @Test
    void aSlowUpstreamDoesNotSlowTheOtherRoutes() throws Exception {
        WireMockServer slow = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(8)
                .containerThreads(64)
                .jettyAcceptors(1));
        WireMockServer fast = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(16)
                .jettyAcceptors(1));
        slow.start();
        fast.start();
        slow.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"items\":[]}")
                        .withFixedDelay(4000)));
        fast.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"items\":[]}")));
        try (ServiceProcess gateway =
                ServiceProcess.startFromSnapshot("gateway", Stack.gatewayEnv(slow.baseUrl(), fast.baseUrl()))) {
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            measure(client, gateway, 200); // warm-up
            Latencies baseline = measure(client, gateway, 300);
            double threadsBefore = Stack.liveThreads(gateway);

            Map<Integer, Integer> floodStatuses = new ConcurrentHashMap<>();
            List<CompletableFuture<Void>> flood = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < FLOOD; i++) {
                flood.add(client.sendAsync(
                                HttpRequest.newBuilder(
                                                URI.create(gateway.url() + "/api/v1/articles?limit=" + (i % 50 + 1)))
                                        .header("X-API-Key", Stack.ADMIN_KEY)
                                        .timeout(Duration.ofSeconds(30))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .handle((r, e) -> {
                            floodStatuses.merge(r == null ? -1 : r.statusCode(), 1, Integer::sum);
                            return null;
                        }));
            }
            Awaitility.await("flood requests waiting at the gateway")
                    .atMost(Duration.ofSeconds(3))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> inFlight(client, gateway)
                                    + floodStatuses.values().stream()
                                            .mapToInt(Integer::intValue)
                                            .sum()
                            >= FLOOD);
            double settleMs = (System.nanoTime() - t0) / 1e6;
            int waiting = inFlight(client, gateway);
            Latencies loaded = measure(client, gateway, 300);
            boolean stillWaiting = inFlight(client, gateway) >= waiting;
            double threadsDuring = Stack.liveThreads(gateway);
            CompletableFuture.allOf(flood.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            double floodS = (System.nanoTime() - t0) / 1e9;
            Awaitility.await("in-flight back to 0")
                    .atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> inFlight(client, gateway) == 0);
            Latencies after = measure(client, gateway, 100);

            double ratio50 = loaded.percentileMs(50) / Math.max(0.5, baseline.percentileMs(50));
            double ratio99 = loaded.percentileMs(99) / Math.max(0.5, baseline.percentileMs(99));
            Results.record(
                    "slow-upstream",
                    "fast route p50/p99: normal",
                    String.format(
                            java.util.Locale.ROOT,
                            "%.2f / %.2f ms",
                            baseline.percentileMs(50),
                            baseline.percentileMs(99)),
                    "");
            Results.record(
                    "slow-upstream",
                    "flood sent and waiting at the gateway after (in flight)",
                    String.format(java.util.Locale.ROOT, "%.0f ms (%d)", settleMs, waiting),
                    "");
            Results.record(
                    "slow-upstream",
                    "fast route p50/p99 while " + FLOOD + " requests wait on the slow upstream",
                    String.format(
                            java.util.Locale.ROOT,
                            "%.2f / %.2f ms (x%.2f / x%.2f)",
                            loaded.percentileMs(50),
                            loaded.percentileMs(99),
                            ratio50,
                            ratio99),
                    "<= 2x normal");
            Results.record(
                    "slow-upstream",
                    "slow-route outcomes (status: count), done in",
                    new TreeMap<>(floodStatuses) + String.format(java.util.Locale.ROOT, " in %.1f s", floodS),
                    "200 / 503 bulkhead / 504 timeout; no hang");
            Results.record(
                    "slow-upstream",
                    "gateway live threads before / during",
                    threadsBefore + " / " + threadsDuring,
                    "no growth with load");
            assertEquals(
                    FLOOD,
                    floodStatuses.values().stream().mapToInt(Integer::intValue).sum());
            assertTrue(stillWaiting, "the flood must still be waiting when the loaded measurement ends");
            assertTrue(
                    floodStatuses.keySet().stream().allMatch(s -> s == 200 || s == 503 || s == 504),
                    floodStatuses.toString());
            assertTrue(ratio50 <= 2.0, "fast-route median within 2x: x" + ratio50);
            assertTrue(
                    loaded.percentileMs(99) < Math.max(2 * baseline.percentileMs(99), 50),
                    "fast-route p99 " + loaded.percentileMs(99));
            assertTrue(threadsDuring <= threadsBefore + 16, "threads " + threadsBefore + " -> " + threadsDuring);
            assertEquals(100, after.count());
        } finally {
            slow.stop();
            fast.stop();
        }
    }

    private static Latencies measure(HttpClient client, ServiceProcess gateway, int n) throws Exception {
        Latencies l = new Latencies();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(URI.create(gateway.url() + "/api/v1/entities?limit=5"))
                            .header("X-API-Key", Stack.ADMIN_KEY)
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            l.add((System.nanoTime() - t0) / 1000);
        }
        return l;
    }

    private static int inFlight(HttpClient client, ServiceProcess gateway) throws Exception {
        return Stack.upstreamsHealth(client, gateway.url())
                .path("article-service.inFlight")
                .asInt();
    }
}
