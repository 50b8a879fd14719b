package io.newsgraph.alert.rest;

import static io.newsgraph.alert.rest.Alerts.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.alert.WebhookReceiver;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Matching analysed articles through the percolator, recording matches before delivery, signed webhooks with retries,
 * parking and redelivery, and the event stream - against a real article-service, PostgreSQL and OpenSearch.
 */
@QuarkusTest
class MatchingTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URL base;

    @Test
    void anArticleMentioningTheEntityIsMatchedOnceAndDeliveredSignedAndOneThatDoesNotIsNot() throws Exception {
        UUID person = UUID.randomUUID();
        String key = "k-" + UUID.randomUUID();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            var created = as(key).body("""
                    {"name": "person", "query": {"entity": ["%s"]}, "webhook": {"url": "%s"}}""".formatted(person, receiver.url()))
                    .post("/api/v1/subscriptions")
                    .then()
                    .statusCode(201)
                    .extract();
            String id = created.path("id");
            String secret = created.path("secret");
            String other = Alerts.analysedArticle("Unrelated", UUID.randomUUID());
            String mentioning = Alerts.analysedArticle("Talks", person, UUID.randomUUID());
            await().atMost(WAIT).until(() -> receiver.received().size() >= 1);
            // A wrong second delivery (the unrelated article, a duplicate) has a second to show.
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> receiver.received().size() == 1);
            assertEquals(1, receiver.received().size(), "exactly one webhook");
            WebhookReceiver.Received hook = receiver.received().get(0);
            String expected = Alerts.expectedSignature(
                    secret, hook.headers().get("webhook-id"), hook.headers().get("webhook-timestamp"), hook.body());
            assertTrue(
                    Arrays.asList(hook.headers().get("webhook-signature").split(" "))
                            .contains(expected),
                    "signature verifies");
            assertTrue(Math.abs(Instant.now().getEpochSecond()
                            - Long.parseLong(hook.headers().get("webhook-timestamp")))
                    < 60);
            JsonNode event = JSON.readTree(hook.body());
            assertEquals("article.matched", event.path("type").asText());
            assertEquals(
                    mentioning, event.path("data").path("article").path("id").asText());
            assertEquals(id, event.path("data").path("subscription").path("id").asText());
            assertTrue(
                    event.path("data").path("entities").findValuesAsText("id").contains(person.toString()));
            assertEquals(
                    "/api/v1/articles/" + mentioning,
                    event.path("data").path("links").path("article").asText());
            as(key).get("/api/v1/subscriptions/" + id + "/matches")
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(1))
                    .body("items[0].articleId", equalTo(mentioning))
                    .body("items[0].event.data.article.id", equalTo(mentioning));
            await().atMost(WAIT)
                    .untilAsserted(() -> as(key).get("/api/v1/subscriptions/" + id + "/deliveries")
                            .then()
                            .statusCode(200)
                            .body("items", hasSize(1))
                            .body("items[0].state", equalTo("DELIVERED"))
                            .body("items[0].lastStatus", equalTo(204))
                            .body("items[0].attempts", equalTo(1))
                            .body("items[0].id", equalTo(hook.headers().get("webhook-id")))
                            .body("items[0].attemptLog[0].status", equalTo(204)));
            assertTrue(!other.equals(mentioning));
        }
    }

    @Test
    void aFailingEndpointIsRetriedWithBackoffThenParkedAndCanBeRedelivered() throws Exception {
        UUID person = UUID.randomUUID();
        String key = "k-" + UUID.randomUUID();
        try (WebhookReceiver failing = new WebhookReceiver();
                WebhookReceiver healthy = new WebhookReceiver()) {
            failing.answer(() -> 503);
            String id = Alerts.subscribe(key, "failing", "{\"entity\": [\"" + person + "\"]}", failing.url());
            String healthyId = Alerts.subscribe(key, "healthy", "{\"entity\": [\"" + person + "\"]}", healthy.url());
            Alerts.analysedArticle("Retried", person);
            // The healthy endpoint is served while the failing one backs off.
            await().atMost(WAIT).until(() -> healthy.received().size() == 1);
            // The test profile retries for 3 s (production: 26 h), then parks.
            await().atMost(WAIT)
                    .untilAsserted(() -> as(key).get("/api/v1/subscriptions/" + id + "/deliveries")
                            .then()
                            .statusCode(200)
                            .body("items[0].state", equalTo("PARKED"))
                            .body("items[0].lastStatus", equalTo(503)));
            int attempts = as(key).get("/api/v1/subscriptions/" + id + "/deliveries")
                    .then()
                    .extract()
                    .path("items[0].attempts");
            assertTrue(attempts >= 2, "retried before parking: " + attempts);
            assertEquals(attempts, failing.received().size());
            List<String> ids = failing.received().stream()
                    .map(r -> r.headers().get("webhook-id"))
                    .distinct()
                    .toList();
            assertEquals(1, ids.size(), "every attempt carries the same webhook-id");
            as(key).get("/api/v1/subscriptions/" + id + "/deliveries")
                    .then()
                    .body("items[0].attemptLog", hasSize(attempts));
            // Redelivery after the endpoint is fixed.
            failing.answer(() -> 200);
            as(key).post("/api/v1/subscriptions/" + id + "/deliveries/" + ids.get(0) + "/redeliver")
                    .then()
                    .statusCode(202);
            await().atMost(WAIT)
                    .untilAsserted(() -> as(key).get("/api/v1/subscriptions/" + id + "/deliveries")
                            .then()
                            .body("items[0].state", equalTo("DELIVERED"))
                            .body("items[0].lastStatus", equalTo(200)));
            io.newsgraph.common.testing.Problems.assertProblem(
                    as(key).post("/api/v1/subscriptions/" + healthyId + "/deliveries/" + ids.get(0) + "/redeliver")
                            .then(),
                    404);
        }
    }

    @Test
    void anEndpointThatAlwaysTimesOutDoesNotDelayOthers() throws Exception {
        UUID person = UUID.randomUUID();
        String key = "k-" + UUID.randomUUID();
        try (WebhookReceiver slow = new WebhookReceiver();
                WebhookReceiver fast = new WebhookReceiver()) {
            slow.delay(5_000); // beyond the 2 s attempt timeout of the test profile
            Alerts.subscribe(key, "slow", "{\"entity\": [\"" + person + "\"]}", slow.url());
            Alerts.subscribe(key, "fast", "{\"entity\": [\"" + person + "\"]}", fast.url());
            for (int i = 0; i < 3; i++) {
                Alerts.analysedArticle("Burst " + i, person);
            }
            await().atMost(WAIT).until(() -> fast.received().size() == 3);
            assertTrue(
                    slow.received().size() <= 2,
                    "the slow endpoint gets one attempt at a time: "
                            + slow.received().size());
        }
    }

    @Test
    void theEventStreamSendsMatchesAndResumesAfterLastEventId() throws Exception {
        UUID person = UUID.randomUUID();
        String key = "k-" + UUID.randomUUID();
        String id = Alerts.subscribe(key, "stream", "{\"entity\": [\"" + person + "\"]}", null);
        HttpClient client = HttpClient.newHttpClient();
        URI events = base.toURI().resolve("/api/v1/subscriptions/" + id + "/events");
        List<String> lines = new ArrayList<>();
        AtomicInteger heartbeats = new AtomicInteger();
        HttpResponse<java.io.InputStream> response = client.send(
                HttpRequest.newBuilder(events).header("X-Newsgraph-Key", key).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        String article = Alerts.analysedArticle("Streamed", person);
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (line.startsWith(":") && line.contains("heartbeat")) { // an SSE comment
                        heartbeats.incrementAndGet();
                    }
                }
            } catch (java.io.IOException e) {
                // closed by the test
            }
        });
        await().atMost(WAIT).until(() -> {
            synchronized (lines) {
                return lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains(article));
            }
        });
        await().atMost(WAIT).until(() -> heartbeats.get() >= 1);
        String eventId;
        synchronized (lines) {
            eventId = lines.stream()
                    .filter(l -> l.startsWith("id:"))
                    .findFirst()
                    .orElseThrow()
                    .substring(3)
                    .strip();
            assertTrue(
                    lines.contains("event: article.matched") || lines.contains("event:article.matched"),
                    lines.toString());
            assertTrue(
                    lines.stream().noneMatch(l -> l.toLowerCase().startsWith("content-type")),
                    "only SSE fields: " + lines);
        }
        response.body().close();
        reader.interrupt();
        // Resuming from before that event replays it; from it, nothing is replayed.
        HttpResponse<java.util.stream.Stream<String>> replay = client.send(
                HttpRequest.newBuilder(events)
                        .header("X-Newsgraph-Key", key)
                        .header("Last-Event-ID", String.valueOf(Long.parseLong(eventId) - 1))
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        try (var stream = replay.body()) {
            assertTrue(stream.anyMatch(l -> l.startsWith("data:") && l.contains(article)));
        }
        io.newsgraph.common.testing.Problems.assertProblem(
                as(key).header("Last-Event-ID", "x")
                        .get("/api/v1/subscriptions/" + id + "/events")
                        .then(),
                400);
    }
}
