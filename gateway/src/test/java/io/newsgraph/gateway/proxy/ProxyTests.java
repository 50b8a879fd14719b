package io.newsgraph.gateway.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.newsgraph.common.testing.Problems.assertProblem;
import static io.newsgraph.gateway.FakeUpstreams.WRITE_KEY;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.newsgraph.gateway.FakeUpstreams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProxyTests {

    @BeforeEach
    void reset() {
        FakeUpstreams.articles().resetAll();
        FakeUpstreams.entities().resetAll();
    }

    @Test
    void routesEveryPublicPathToItsOwner() {
        FakeUpstreams.articles()
                .stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("articles")));
        FakeUpstreams.entities()
                .stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("entities")));
        List<String> toArticles = List.of(
                "/api/v1/articles",
                "/api/v1/articles/batch",
                "/api/v1/articles/feed?after=x",
                "/api/v1/articles/42",
                "/api/v1/articles/42/versions",
                "/api/v1/articles/42/versions/1",
                "/api/v1/search?q=war",
                "/api/v1/articles/42/related?limit=5",
                "/api/v1/trends/entities?type=PERSON",
                "/api/v1/suggest?prefix=kyi&kind=entity");
        List<String> toEntities = List.of(
                "/api/v1/articles/42/analysis",
                "/api/v1/extract",
                "/api/v1/entities?q=kyiv",
                "/api/v1/entities/7/articles",
                "/api/v1/entities/7/quotes",
                "/api/v1/entities/7/cooccurrences",
                "/api/v1/quotes?speaker=x",
                "/api/v1/claims?entity=7",
                "/api/v1/extraction/status");
        toArticles.forEach(path -> given().header("X-API-Key", WRITE_KEY)
                .get(path)
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.equalTo("articles")));
        toEntities.forEach(path -> given().header("X-API-Key", WRITE_KEY)
                .get(path)
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.equalTo("entities")));
        FakeUpstreams.articles().verify(getRequestedFor(urlEqualTo("/api/v1/search?q=war")));
        FakeUpstreams.entities().verify(getRequestedFor(urlEqualTo("/api/v1/quotes?speaker=x")));
    }

    @Test
    void withTracingOffTheClientsTraceHeadersPassThrough() {
        FakeUpstreams.articles()
                .stubFor(get(urlPathEqualTo("/api/v1/articles"))
                        .willReturn(aResponse().withStatus(200).withBody("[]")));
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        given().header("X-API-Key", WRITE_KEY)
                .header("traceparent", traceparent)
                .header("tracestate", "vendor=1")
                .get("/api/v1/articles?limit=5")
                .then()
                .statusCode(200);
        LoggedRequest seen = FakeUpstreams.articles()
                .findAll(getRequestedFor(urlEqualTo("/api/v1/articles?limit=5")))
                .get(0);
        assertEquals(
                List.of(traceparent), seen.getHeaders().getHeader("traceparent").values());
        assertEquals("vendor=1", seen.getHeader("tracestate"));
    }

    /**
     * Answers are counted and timed by the service that owns the route, never by the path: metrics keep one series per
     * route whatever ids are requested (Quarkus' per-path HTTP metrics would keep one per id).
     */
    @Test
    void metricsAreKeptPerRouteNotPerPath() {
        FakeUpstreams.articles()
                .stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("articles")));
        String first = java.util.UUID.randomUUID().toString();
        String second = java.util.UUID.randomUUID().toString();
        for (String id : List.of(first, second)) {
            given().header("X-API-Key", WRITE_KEY)
                    .get("/api/v1/articles/" + id)
                    .then()
                    .statusCode(200);
        }
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(metrics.contains(first) || metrics.contains(second), "no series names a requested id");
        assertTrue(
                metrics.lines()
                        .anyMatch(line -> line.startsWith(
                                "newsgraph_gateway_response_time_seconds_count{route=\"article-service\"")),
                "answers timed per route");
        assertTrue(
                metrics.lines()
                        .anyMatch(line -> line.startsWith("newsgraph_gateway_response_time_seconds_bucket{")
                                && line.contains("route=\"article-service\"")
                                && line.contains("le=\"0.005\"")),
                "as a histogram");
        assertTrue(
                metrics.lines()
                        .anyMatch(line -> line.startsWith(
                                "newsgraph_gateway_responses_total{route=\"article-service\",status=\"200\"")),
                "answers counted per route and status");
        assertFalse(metrics.contains("http_server_requests_seconds"), "Quarkus' per-path HTTP metrics are off");
    }

    @Test
    void unknownApiPathsAreProblems() {
        assertProblem(
                given().header("X-API-Key", WRITE_KEY)
                        .get("/api/v1/nothing-here")
                        .then(),
                404,
                "not-found",
                "/api/v1/nothing-here");
    }

    @Test
    void setsForwardingHeadersAndDropsHopByHopOnes() {
        FakeUpstreams.articles()
                .stubFor(get(urlPathEqualTo("/api/v1/articles"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Keep-Alive", "timeout=5")
                                .withHeader("X-Upstream-Private", "drop-me")
                                .withHeader("Connection", "X-Upstream-Private")
                                .withHeader("ETag", "\"3\"")
                                .withBody("[]")));
        given().header("X-API-Key", WRITE_KEY)
                .header("Authorization", "Bearer " + WRITE_KEY)
                .header("TE", "trailers")
                .header("X-Custom", "kept")
                .header("X-Forwarded-For", "203.0.113.9")
                .header("Connection", "keep-alive, X-Dropped")
                .header("X-Dropped", "gone")
                .get("/api/v1/articles?limit=2")
                .then()
                .statusCode(200)
                .header("ETag", "\"3\"")
                .header("Keep-Alive", nullValue())
                .header("X-Upstream-Private", nullValue());
        LoggedRequest seen = FakeUpstreams.articles()
                .findAll(getRequestedFor(urlEqualTo("/api/v1/articles?limit=2")))
                .get(0);
        assertEquals("kept", seen.getHeader("X-Custom"));
        assertEquals("203.0.113.9, 127.0.0.1", seen.getHeader("X-Forwarded-For"));
        assertEquals("http", seen.getHeader("X-Forwarded-Proto"));
        assertTrue(seen.getHeader("X-Forwarded-Host").startsWith("localhost:"), seen.getHeader("X-Forwarded-Host"));
        assertTrue(
                seen.getHeader("Forwarded").matches("for=127\\.0\\.0\\.1;proto=http;host=\"localhost:\\d+\""),
                seen.getHeader("Forwarded"));
        assertFalse(seen.containsHeader("X-API-Key"), "the gateway's credentials stay at the gateway");
        assertFalse(seen.containsHeader("Authorization"));
        assertFalse(seen.containsHeader("TE"));
        assertFalse(seen.containsHeader("X-Dropped"), "headers named in Connection are hop-by-hop");
    }

    @Test
    void requestIdGoesUpstreamAndComesBack() {
        FakeUpstreams.articles()
                .stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
        given().header("X-API-Key", WRITE_KEY)
                .header("X-Request-Id", "trace-123")
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "trace-123");
        FakeUpstreams.articles().verify(getRequestedFor(anyUrl()).withHeader("X-Request-Id", equalTo("trace-123")));

        String generated = given().header("X-API-Key", WRITE_KEY)
                .get("/api/v1/search?q=x")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Request-Id");
        FakeUpstreams.articles()
                .verify(getRequestedFor(urlEqualTo("/api/v1/search?q=x"))
                        .withHeader("X-Request-Id", equalTo(generated)));
    }

    @Test
    void passesStatusHeadersAndErrorBodiesThrough() {
        String problem =
                "{\"type\":\"https://newsgraph.io/problems/not-found\",\"title\":\"Resource not found\",\"status\":404}";
        FakeUpstreams.articles()
                .stubFor(get(urlPathEqualTo("/api/v1/articles/9"))
                        .willReturn(aResponse()
                                .withStatus(404)
                                .withHeader("Content-Type", "application/problem+json")
                                .withBody(problem)));
        String body = given().header("X-API-Key", WRITE_KEY)
                .get("/api/v1/articles/9")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .extract()
                .asString();
        assertEquals(problem, body);
    }

    @Test
    void streamsChunkedBodiesBothWays() {
        byte[] ndjson = "{\"title\":\"a\"}\n{\"title\":\"b\"}\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        FakeUpstreams.articles()
                .stubFor(post(urlPathEqualTo("/api/v1/articles/batch"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/x-ndjson")
                                .withBody("{\"line\":1}\n".repeat(1000))
                                .withChunkedDribbleDelay(5, 50)));
        InputStream chunked = new ByteArrayInputStream(ndjson); // unknown length: RestAssured sends it chunked
        String out = given().header("X-API-Key", WRITE_KEY)
                .contentType("application/x-ndjson")
                .body(chunked)
                .post("/api/v1/articles/batch")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals("{\"line\":1}\n".repeat(1000), out);
        LoggedRequest seen = FakeUpstreams.articles()
                .findAll(postRequestedFor(urlPathEqualTo("/api/v1/articles/batch")))
                .get(0);
        assertEquals(new String(ndjson, StandardCharsets.UTF_8), seen.getBodyAsString());
    }

    @Test
    void bodiesOverTheLimitAre413EvenWhenChunked() {
        assertRefusedBeforeTheUpstream(FakeUpstreams.articles(), "/api/v1/articles", 65 * 1024);
    }

    /** An upstream's own, smaller limit is enforced by the gateway: the body never reaches a service that would refuse it. */
    @Test
    void bodiesOverTheUpstreamsLimitAre413FromTheGateway() {
        assertRefusedBeforeTheUpstream(FakeUpstreams.entities(), "/api/v1/extract", 17 * 1024);
        given().header("X-API-Key", WRITE_KEY)
                .contentType("text/plain")
                .body(new byte[15 * 1024])
                .post("/api/v1/extract")
                .then()
                .statusCode(200);
    }

    /** A body of {@code size} bytes, sent with Content-Length and chunked, is a 413 problem and never reaches the upstream. */
    private static void assertRefusedBeforeTheUpstream(WireMockServer upstream, String path, int size) {
        upstream.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));
        byte[] big = new byte[size];
        assertProblem(
                given().header("X-API-Key", WRITE_KEY)
                        .contentType("text/plain")
                        .body(big)
                        .post(path)
                        .then(),
                413,
                "payload-too-large",
                path);
        assertProblem(
                given().header("X-API-Key", WRITE_KEY)
                        .contentType("text/plain")
                        .body(new ByteArrayInputStream(big))
                        .post(path)
                        .then(),
                413,
                "payload-too-large",
                path);
        upstream.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void upstreamThatDropsConnectionsGives503() {
        FakeUpstreams.entities()
                .stubFor(get(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertProblem(
                        given().header("X-API-Key", WRITE_KEY)
                                .get("/api/v1/quotes")
                                .then(),
                        503,
                        "upstream-unavailable",
                        "/api/v1/quotes")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // GET is idempotent: one retry before giving up.
        FakeUpstreams.entities().verify(2, getRequestedFor(urlEqualTo("/api/v1/quotes")));
    }

    @Test
    void slowUpstreamGives504AtTheTimeout() {
        FakeUpstreams.articles()
                .stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(4000)));
        long started = System.nanoTime();
        assertProblem(
                        given().header("X-API-Key", WRITE_KEY)
                                .get("/api/v1/articles")
                                .then(),
                        504,
                        "upstream-timeout",
                        "/api/v1/articles")
                .time(lessThan(3500L), TimeUnit.MILLISECONDS);
        assertTrue(System.nanoTime() - started >= 1_400_000_000L, "not before the 1.5 s timeout");
    }

    @Test
    void postsAreNotRetried() {
        FakeUpstreams.entities()
                .stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertProblem(
                given().header("X-API-Key", WRITE_KEY)
                        .contentType("text/plain")
                        .body("text")
                        .post("/api/v1/extract")
                        .then(),
                503,
                "upstream-unavailable",
                "/api/v1/extract");
        FakeUpstreams.entities().verify(1, postRequestedFor(urlEqualTo("/api/v1/extract")));
    }

    @Test
    void headRequestsKeepTheirHeaders() {
        FakeUpstreams.articles()
                .stubFor(com.github.tomakehurst.wiremock.client.WireMock.head(anyUrl())
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("ETag", "\"7\"")
                                .withHeader("Content-Length", "120")));
        given().header(new Header("X-API-Key", WRITE_KEY))
                .head("/api/v1/articles/1")
                .then()
                .statusCode(200)
                .header("ETag", "\"7\"");
    }
}
