package io.newsgraph.alert.rest;

import static io.newsgraph.alert.rest.Alerts.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.alert.ArticleServiceProcess;
import io.newsgraph.common.testing.Problems;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Ad-hoc streams (GET /stream) against a real article-service, PostgreSQL and OpenSearch: validated at connect time,
 * matched per feed page on the articles index, resumed from Last-Event-ID by replaying the feed, capped per key.
 */
@QuarkusTest
class StreamTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL base;

    /** An open stream whose lines are collected by a reader thread. */
    private final class Stream implements AutoCloseable {
        final HttpResponse<InputStream> response;
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        Stream(String key, String query, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.toURI().resolve("/api/v1/stream?" + query))
                    .header("X-Newsgraph-Key", key);
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
            }
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
            Thread.ofVirtual().start(() -> {
                try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (java.io.IOException e) {
                    // closed by the test
                }
            });
            // The stream is open (and its start position fixed) once its first comment arrives.
            await().atMost(WAIT).until(() -> snapshot().stream().anyMatch(l -> l.startsWith(":")));
        }

        List<String> snapshot() {
            synchronized (lines) {
                return new ArrayList<>(lines);
            }
        }

        /** The data of every event received, parsed. */
        List<JsonNode> events() {
            List<JsonNode> out = new ArrayList<>();
            for (String line : snapshot()) {
                if (line.startsWith("data:")) {
                    try {
                        out.add(JSON.readTree(line.substring(5).strip()));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
            return out;
        }

        boolean received(String articleId) {
            return events().stream()
                    .anyMatch(e ->
                            e.path("data").path("article").path("id").asText().equals(articleId));
        }

        List<String> ids() {
            return snapshot().stream()
                    .filter(l -> l.startsWith("id:"))
                    .map(l -> l.substring(3).strip())
                    .toList();
        }

        @Override
        public void close() throws Exception {
            response.body().close();
        }
    }

    private static String param(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void eachStreamReceivesWhatItsQueryMatchesOnlyAsSubscriptionShapedEventsWithHeartbeats() throws Exception {
        UUID person = UUID.randomUUID();
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String key = "k-" + UUID.randomUUID();
        try (Stream byEntity = new Stream(key, param("entity", person.toString()), null);
                Stream byWord = new Stream(key, param("q", word), null)) {
            String other = Alerts.analysedArticle("Unrelated", UUID.randomUUID());
            String mentioning = Alerts.analysedArticle("Talks", person, UUID.randomUUID());
            String worded = Alerts.analysedArticle("Harbour " + word);
            await().atMost(WAIT).until(() -> byEntity.received(mentioning) && byWord.received(worded));
            String after =
                    Alerts.analysedArticle("Later", person); // feed order: everything before it was handed out already
            await().atMost(WAIT).until(() -> byEntity.received(after));
            assertFalse(
                    byEntity.received(other) || byEntity.received(worded),
                    byEntity.snapshot().toString());
            assertFalse(
                    byWord.received(other) || byWord.received(mentioning) || byWord.received(after),
                    byWord.snapshot().toString());

            JsonNode event = byEntity.events().get(0);
            assertEquals("article.matched", event.path("type").asText());
            assertEquals(
                    mentioning, event.path("data").path("article").path("id").asText());
            assertEquals(1, event.path("data").path("article").path("version").asInt());
            assertTrue(event.path("data")
                    .path("article")
                    .path("summary")
                    .asText()
                    .startsWith("Delegations met in Geneva"));
            JsonNode named = null;
            for (JsonNode e : event.path("data").path("entities")) {
                if (e.path("id").asText().equals(person.toString())) {
                    named = e;
                }
            }
            assertTrue(named != null && named.path("matched").asBoolean(), event.toString());
            assertEquals(
                    "/api/v1/articles/" + mentioning,
                    event.path("data").path("links").path("article").asText());
            assertTrue(event.path("data").path("subscription").isMissingNode());
            List<String> lines = byEntity.snapshot();
            assertTrue(
                    lines.contains("event: article.matched") || lines.contains("event:article.matched"),
                    lines.toString());
            assertTrue(
                    lines.stream().noneMatch(l -> l.toLowerCase().startsWith("content-type")),
                    "only SSE fields: " + lines);
            List<String> ids = byEntity.ids();
            assertEquals(2, ids.size(), lines.toString());
            assertTrue(
                    Long.parseLong(ids.get(0)) < Long.parseLong(ids.get(1)),
                    "ids are increasing feed positions: " + ids);
            await().atMost(WAIT)
                    .until(() ->
                            byWord.snapshot().stream().anyMatch(l -> l.startsWith(":") && l.contains("heartbeat")));
        }
    }

    @Test
    void aStreamResumesAfterLastEventIdByReplayingTheFeedAndThenFollowsLive() throws Exception {
        UUID person = UUID.randomUUID();
        String key = "k-" + UUID.randomUUID();
        String query = param("entity", person.toString());
        String first;
        String firstId;
        try (Stream stream = new Stream(key, query, null)) {
            first = Alerts.analysedArticle("First", person);
            await().atMost(WAIT).until(() -> stream.received(first));
            firstId = stream.ids().get(0);
        }
        // Missed while disconnected: replayed from the feed on reconnect.
        String missed = Alerts.analysedArticle("Missed", person);
        Alerts.analysedArticle("Missed, unrelated", UUID.randomUUID());
        try (Stream resumed = new Stream(key, query, firstId)) {
            await().atMost(WAIT).until(() -> resumed.received(missed));
            String live = Alerts.analysedArticle("Live", person);
            await().atMost(WAIT).until(() -> resumed.received(live));
            assertFalse(resumed.received(first), "nothing at or before Last-Event-ID: " + resumed.snapshot());
            assertEquals(2, resumed.events().size(), resumed.snapshot().toString());
            assertEquals(
                    List.of(resumed.ids().get(0), resumed.ids().get(1)),
                    resumed.ids().stream().sorted().toList());
        }
        // From before the first event: the first comes again.
        try (Stream replay = new Stream(key, query, String.valueOf(Long.parseLong(firstId) - 1))) {
            await().atMost(WAIT).until(() -> replay.received(first) && replay.received(missed));
        }
    }

    @Test
    void aResumeFromBeyondTheReplayWindowStartsWithAGapEvent() throws Exception {
        String key = "k-" + UUID.randomUUID();
        // The test profile's window is 20 feed events; 25 new articles put position 0 beyond it.
        for (int i = 0; i < 25; i++) {
            io.restassured.RestAssured.given()
                    .baseUri(ArticleServiceProcess.url())
                    .contentType("application/json")
                    .body("{\"title\": \"Filler " + i + " " + UUID.randomUUID() + "\", \"body\": \"Filler text "
                            + UUID.randomUUID() + ".\"}")
                    .post("/api/v1/articles")
                    .then()
                    .statusCode(201);
        }
        try (Stream stream = new Stream(key, param("q", "harbour"), "0")) {
            await().atMost(WAIT).until(() -> stream.snapshot().stream().anyMatch(l -> l.startsWith("data:")));
            List<String> lines = stream.snapshot();
            assertTrue(lines.contains("event: stream.gap") || lines.contains("event:stream.gap"), lines.toString());
            JsonNode gap = stream.events().get(0);
            assertEquals("stream.gap", gap.path("type").asText());
            assertEquals(0, gap.path("data").path("lastEventId").asLong());
            assertTrue(gap.path("data").path("resumedAfter").asLong() > 0, gap.toString());
            assertEquals(
                    String.valueOf(gap.path("data").path("resumedAfter").asLong()),
                    stream.ids().get(0));
        }
    }

    @Test
    void invalidSearchesAndLastEventIdsAre400ProblemsBeforeTheStreamOpens() {
        String key = "k-" + UUID.randomUUID();
        Problems.assertProblem(
                        as(key).queryParam("q", "talks (Geneva")
                                .get("/api/v1/stream")
                                .then(),
                        400)
                .body("errors.field", hasItem("q"))
                .body("errors.find { it.field == 'q' }.message", containsString("character"));
        Problems.assertProblem(
                        as(key).queryParam("entity", "nope")
                                .queryParam("place", "Ukraine")
                                .get("/api/v1/stream")
                                .then(),
                        400)
                .body("errors.field", hasItem("entity"))
                .body("errors.field", hasItem("place"));
        Problems.assertProblem(
                        as(key).queryParam("from", "yesterday")
                                .get("/api/v1/stream")
                                .then(),
                        400)
                .body("errors.field", hasItem("from"));
        Problems.assertProblem(
                        as(key).header("Last-Event-ID", "x")
                                .get("/api/v1/stream")
                                .then(),
                        400)
                .body("errors.field", hasItem("Last-Event-ID"));
        Problems.assertProblem(
                        as(key).header("Last-Event-ID", "999999999999")
                                .get("/api/v1/stream")
                                .then(),
                        400)
                .body("errors.field", hasItem("Last-Event-ID"));
        Problems.assertProblem(
                io.restassured.RestAssured.given().get("/api/v1/stream").then(), 401);
    }

    @Test
    void adHocAndSubscriptionStreamsShareTheCapPerKey() throws Exception {
        String key = "k-" + UUID.randomUUID();
        String subscription = Alerts.subscribe(key, "capped", "{\"q\": \"harbour\"}", null);
        // The test profile allows 2 open streams per key.
        HttpResponse<InputStream> events = HTTP.send(
                HttpRequest.newBuilder(base.toURI().resolve("/api/v1/subscriptions/" + subscription + "/events"))
                        .header("X-Newsgraph-Key", key)
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, events.statusCode());
        try (Stream adHoc = new Stream(key, param("q", "harbour"), null)) {
            Problems.assertProblem(
                    as(key).queryParam("q", "harbour").get("/api/v1/stream").then(), 429);
            Problems.assertProblem(
                    as(key).get("/api/v1/subscriptions/" + subscription + "/events")
                            .then(),
                    429);
            // Another key is not affected.
            try (Stream other = new Stream("other-" + UUID.randomUUID(), param("q", "harbour"), null)) {
                assertTrue(other.response.statusCode() == 200);
            }
        }
        events.body().close();
        // A closed stream frees its place once the server notices (at its next heartbeat, 1 s in the test profile).
        await().atMost(WAIT).untilAsserted(() -> {
            try (Stream again = new Stream(key, param("q", "harbour"), null);
                    Stream twice = new Stream(key, param("q", "ports"), null)) {
                assertEquals(200, twice.response.statusCode());
            }
        });
    }

    @Test
    void streamsAreCountedInTheMetrics() {
        io.restassured.RestAssured.given()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("newsgraph_alerts_streams_adhoc"))
                .body(containsString("newsgraph_alerts_streams_open"));
    }
}
