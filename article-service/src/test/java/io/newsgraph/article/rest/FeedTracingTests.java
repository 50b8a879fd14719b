package io.newsgraph.article.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.article.TracingOn;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each change-feed event carries the trace context of the write that produced it. */
@QuarkusTest
@TestProfile(TracingOn.class)
class FeedTracingTests {
    private static final String CLIENT_TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String CLIENT_SPAN = "b7ad6b7169203331";

    @Inject
    InMemorySpanExporter spans;

    @Test
    void anIngestStoresItsTraceparentInTheFeedEvent() {
        spans.reset();
        String id = given().contentType("application/json")
                .header("traceparent", "00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01")
                .body(Api.uniqueJson("feed-tracing"))
                .post("/api/v1/articles")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        Map<String, Object> event = eventOf(id);
        String traceparent = (String) event.get("traceparent");
        assertNotNull(traceparent, "the feed event carries no traceparent: " + event);
        assertTrue(traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f][13]"), traceparent);
        assertEquals(CLIENT_TRACE, traceparent.substring(3, 35), "the write's trace is the client's");
        String writeSpanId = traceparent.substring(36, 52);

        // The stored span is the service's own span of the ingest request, a child of the client's span.
        SpanData write = await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> spans.getFinishedSpanItems().stream()
                                .filter(s -> s.getSpanId().equals(writeSpanId))
                                .findFirst(),
                        Optional::isPresent)
                .get();
        assertEquals(CLIENT_TRACE, write.getTraceId());
        assertEquals(SpanKind.SERVER, write.getKind());
        assertEquals(CLIENT_SPAN, write.getParentSpanId());
        assertTrue(write.getName().startsWith("POST"), write.getName());
    }

    @Test
    void aWriteWithoutIncomingTraceStartsOneAndStoresIt() {
        String id = Api.postJson(Api.uniqueJson("feed-tracing-root"));
        String traceparent = (String) eventOf(id).get("traceparent");
        assertNotNull(traceparent);
        String traceId = traceparent.substring(3, 35);
        SpanData server = await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> spans.getFinishedSpanItems().stream()
                                .filter(s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.SERVER)
                                .findFirst(),
                        Optional::isPresent)
                .get();
        assertEquals(traceparent.substring(36, 52), server.getSpanId());
        assertTrue(!server.getParentSpanContext().isValid(), "a root span");
    }

    /** The feed event of the article's first version, read from the start of the feed. */
    private static Map<String, Object> eventOf(String articleId) {
        String cursor = null;
        while (true) {
            var request = given().queryParam("limit", 1000);
            var page = (cursor == null ? request : request.queryParam("after", cursor))
                    .get("/api/v1/articles/feed")
                    .then()
                    .statusCode(200)
                    .extract();
            List<Map<String, Object>> events = page.path("events");
            Optional<Map<String, Object>> found = events.stream()
                    .filter(e -> articleId.equals(e.get("articleId")))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (!page.<Boolean>path("hasMore")) {
                throw new AssertionError("no feed event for article " + articleId);
            }
            cursor = page.path("cursor");
        }
    }
}
