package io.newsgraph.gateway.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.newsgraph.gateway.FakeUpstreams.READ_KEY;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.newsgraph.gateway.FakeUpstreams;
import io.newsgraph.gateway.TracingOn;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A request through the proxy is one trace: the gateway's server span, and the upstream call inside it. */
@QuarkusTest
@TestProfile(TracingOn.class)
class ProxyTracingTests {
    /** W3C trace context: version-traceid-parentid-flags (sampled, and "random" for ids the SDK made). */
    private static final String TRACEPARENT = "00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}";

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void reset() {
        FakeUpstreams.articles().resetAll();
        FakeUpstreams.articles()
                .stubFor(get(urlPathEqualTo("/api/v1/articles"))
                        .willReturn(aResponse().withStatus(200).withBody("[]")));
        // This profile starts a fresh application and fakes: one call first, so that a cold start on a loaded machine
        // does not run into the upstream timeout of the tests (1.5 s).
        given().header("X-API-Key", READ_KEY).get("/api/v1/articles?limit=1");
        spans.reset();
    }

    @Test
    void theUpstreamReceivesTheTraceOfTheGatewaysServerSpan() {
        given().header("X-API-Key", READ_KEY)
                .get("/api/v1/articles?limit=3")
                .then()
                .statusCode(200);

        LoggedRequest seen = FakeUpstreams.articles()
                .findAll(getRequestedFor(urlEqualTo("/api/v1/articles?limit=3")))
                .get(0);
        assertEquals(1, seen.getHeaders().getHeader("traceparent").values().size(), "one traceparent upstream");
        String traceparent = seen.getHeader("traceparent");
        assertNotNull(traceparent, "the upstream call carries no traceparent");
        assertTrue(traceparent.matches(TRACEPARENT), traceparent);
        String traceId = traceparent.substring(3, 35);
        String parentSpanId = traceparent.substring(36, 52);

        SpanData server = await().atMost(Duration.ofSeconds(5)).until(() -> serverSpan(traceId), s -> s != null);
        // The upstream's parent is the gateway's client span of the upstream call, itself a child of the server span.
        SpanData call = await().atMost(Duration.ofSeconds(5)).until(() -> span(parentSpanId), s -> s != null);
        assertEquals(traceId, call.getTraceId());
        assertEquals(SpanKind.CLIENT, call.getKind());
        assertEquals(server.getSpanId(), call.getParentSpanId());
        assertTrue(!server.getParentSpanContext().isValid(), "the gateway starts the trace");
    }

    @Test
    void aClientsTraceContinuesThroughTheGateway() {
        String clientTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        given().header("X-API-Key", READ_KEY)
                .header("traceparent", "00-" + clientTrace + "-00f067aa0ba902b7-01")
                .get("/api/v1/articles?limit=4")
                .then()
                .statusCode(200);

        LoggedRequest seen = FakeUpstreams.articles()
                .findAll(getRequestedFor(urlEqualTo("/api/v1/articles?limit=4")))
                .get(0);
        assertEquals(1, seen.getHeaders().getHeader("traceparent").values().size(), "one traceparent upstream");
        String traceparent = seen.getHeader("traceparent");
        assertTrue(traceparent.matches(TRACEPARENT), traceparent);
        assertEquals(clientTrace, traceparent.substring(3, 35));
        assertNotEquals("00f067aa0ba902b7", traceparent.substring(36, 52)); // the gateway's own span, not the client's
        SpanData server = await().atMost(Duration.ofSeconds(5)).until(() -> serverSpan(clientTrace), s -> s != null);
        assertEquals("00f067aa0ba902b7", server.getParentSpanId());
    }

    private SpanData span(String spanId) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getSpanId().equals(spanId))
                .findFirst()
                .orElse(null);
    }

    private SpanData serverSpan(String traceId) {
        List<SpanData> finished = spans.getFinishedSpanItems();
        return finished.stream()
                .filter(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId))
                .findFirst()
                .orElse(null);
    }
}
