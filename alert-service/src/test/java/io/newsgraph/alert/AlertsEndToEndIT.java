package io.newsgraph.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.common.testing.Problems;
import io.newsgraph.common.testing.ServiceProcess;
import io.newsgraph.common.testing.TestOpenSearch;
import io.newsgraph.common.testing.TestPostgres;
import io.restassured.specification.RequestSpecification;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The end-to-end test on real processes and real HTTP through the gateway: article-service, entity-service
 * (real analysis), alert-service and the gateway on a real PostgreSQL and OpenSearch. A subscription for an entity gets
 * exactly one signed webhook for an article that mentions it and none for one that does not, the same event arrives
 * over SSE, and a delivery that was being retried when alert-service was killed completes after its restart. Ad-hoc
 * streams (GET /stream) get what their search matches and resume from Last-Event-ID on any replica.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertsEndToEndIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String KEY = "e2e-alerts-key";
    private static final String OTHER_KEY = "e2e-other-key";
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static TestPostgres postgres;
    private static final List<String> databases = new ArrayList<>();
    private static final List<ServiceProcess> services = new ArrayList<>();
    private static ServiceProcess alerts;
    private static ServiceProcess gateway;
    private static WebhookReceiver receiver;
    private static Map<String, String> alertEnv;
    /** Volodymyr Zelensky's entity id, as entity-service found it in the first test. */
    private static String zelensky;

    @BeforeAll
    static void start() {
        postgres = TestPostgres.server()
                .orElseThrow(() -> new IllegalStateException("the end-to-end test needs PostgreSQL"));
        receiver = new WebhookReceiver();
        Map<String, String> articleEnv = datasource("articles_e2e");
        ServiceProcess articles = start("article-service", articleEnv);
        Map<String, String> entityEnv = new HashMap<>(datasource("entities_e2e"));
        entityEnv.put("NEWSGRAPH_ARTICLES_URL", articles.url());
        entityEnv.put("NEWSGRAPH_FEED_POLL_INTERVAL", "200ms");
        entityEnv.put("NEWSGRAPH_WORKER_POLL_INTERVAL", "100ms");
        ServiceProcess entities = start("entity-service", entityEnv);
        Map<String, String> alertEnv = new HashMap<>(datasource("alerts_e2e"));
        alertEnv.put("NEWSGRAPH_ARTICLES_URL", articles.url());
        alertEnv.put("NEWSGRAPH_FEED_POLL_INTERVAL", "200ms");
        alertEnv.put("NEWSGRAPH_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.0/8");
        alertEnv.put("NEWSGRAPH_WEBHOOKS_INITIAL_BACKOFF", "500ms");
        alertEnv.put("NEWSGRAPH_WEBHOOKS_MAX_BACKOFF", "1s");
        alertEnv.put("NEWSGRAPH_WEBHOOKS_POLL_INTERVAL", "200ms");
        alertEnv.put("NEWSGRAPH_STREAMS_HEARTBEAT", "2s");
        // Ad-hoc streams search article-service's index, which has a prefix of its own here.
        alertEnv.put("NEWSGRAPH_ARTICLES_INDEX", articleEnv.get("NEWSGRAPH_SEARCH_INDEX_PREFIX") + "articles");
        AlertsEndToEndIT.alertEnv = alertEnv;
        alerts = start("alert-service", alertEnv);
        gateway = start(
                "gateway",
                Map.of(
                        "NEWSGRAPH_GATEWAY_UPSTREAMS_ARTICLES_URL",
                        articles.url(),
                        "NEWSGRAPH_GATEWAY_UPSTREAMS_ENTITIES_URL",
                        entities.url(),
                        "NEWSGRAPH_GATEWAY_UPSTREAMS_ALERTS_URL",
                        alerts.url(),
                        "NEWSGRAPH_GATEWAY_UPSTREAMS_ARTICLES_TIMEOUT",
                        "30s",
                        "NEWSGRAPH_GATEWAY_UPSTREAMS_ENTITIES_TIMEOUT",
                        "30s",
                        "NEWSGRAPH_GATEWAY_API_KEYS",
                        "e2e:" + sha256(KEY) + ":read+write+subscriptions:write," + "other:" + sha256(OTHER_KEY)
                                + ":read+subscriptions:write"));
    }

    @AfterAll
    static void stop() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (postgres != null) {
            databases.forEach(postgres::drop);
        }
    }

    private static ServiceProcess start(String name, Map<String, String> env) {
        ServiceProcess service = ServiceProcess.start(name, env);
        services.add(service);
        return service;
    }

    private static Map<String, String> datasource(String prefix) {
        String database = postgres.createDatabase(prefix);
        databases.add(database);
        return TestOpenSearch.withSearch(
                Map.of(
                        "QUARKUS_DATASOURCE_JDBC_URL",
                        postgres.jdbcUrl(database),
                        "QUARKUS_DATASOURCE_USERNAME",
                        postgres.user(),
                        "QUARKUS_DATASOURCE_PASSWORD",
                        postgres.password()),
                database);
    }

    private static RequestSpecification api(String key) {
        return given().baseUri(gateway.url()).header("X-API-Key", key);
    }

    private static String ingest(String title, String body) {
        return api(KEY).contentType("application/json")
                .body(Map.of(
                        "title", title, "body", body, "source", "e2e.example", "publishedAt", "2025-03-23T12:00:00Z"))
                .post("/api/v1/articles")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void awaitAnalysis(String articleId) {
        Awaitility.await()
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> api(KEY).get("/api/v1/articles/" + articleId + "/analysis")
                                .statusCode()
                        == 200);
    }

    @Order(1)
    @Test
    void aSubscriptionForAnEntityGetsOneSignedWebhookAndTheSameEventOverSseAlsoAcrossARestartMidRetry()
            throws Exception {
        // An entity to follow: one entity-service found in a first article.
        String first = ingest(
                "Zelensky asks allies for air defence",
                "KYIV - Ukrainian President Volodymyr Zelensky on Monday asked "
                        + "allies for more air defence systems after a night of drone attacks on the capital.");
        awaitAnalysis(first);
        zelensky = api(KEY).get("/api/v1/articles/" + first + "/analysis")
                .then()
                .statusCode(200)
                .extract()
                .path("entities.find { it.name == 'Volodymyr Zelensky' }.id");
        receiver.answer(
                () -> 503); // the endpoint fails at first: the delivery is being retried when alert-service dies
        var created = api(KEY).contentType("application/json")
                .body(Map.of(
                        "name",
                        "Zelensky",
                        "query",
                        Map.of("entity", List.of(zelensky)),
                        "webhook",
                        Map.of("url", receiver.url())))
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201)
                .extract();
        String subscription = created.path("id");
        String secret = created.path("secret");

        // The event stream through the gateway, opened before the articles arrive.
        HttpResponse<java.io.InputStream> stream = HTTP.send(
                HttpRequest.newBuilder(URI.create(gateway.url() + "/api/v1/subscriptions/" + subscription + "/events"))
                        .header("X-API-Key", KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                // the stream ends when alert-service is killed
            }
        });

        String unrelated = ingest(
                "Heavy rain floods Lisbon streets",
                "LISBON - Heavy rain flooded streets in the Portuguese capital on "
                        + "Monday, and the city council closed two metro stations.");
        String mentioning = ingest(
                "Zelensky meets envoys in Kyiv",
                "KYIV - Volodymyr Zelensky met European envoys in Kyiv on Tuesday "
                        + "to discuss a cease-fire proposal, his office said.");
        awaitAnalysis(unrelated);
        awaitAnalysis(mentioning);

        // SSE: the match arrives while the webhook is still failing.
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains(mentioning)));
        Awaitility.await().atMost(WAIT).until(() -> receiver.received().size() >= 2); // retried at least once

        alerts.kill(); // SIGKILL mid-retry
        reader.join(Duration.ofSeconds(10));
        receiver.answer(() -> 204);
        int before = receiver.received().size();
        alerts.start();

        Awaitility.await()
                .atMost(WAIT)
                .untilAsserted(() -> api(KEY).get("/api/v1/subscriptions/" + subscription + "/deliveries")
                        .then()
                        .statusCode(200)
                        .body("items[0].state", equalTo("DELIVERED"))
                        .body("items[0].lastStatus", equalTo(204)));
        assertTrue(receiver.received().size() > before, "delivered after the restart");
        // A wrong extra webhook (the unrelated article, another message) has two seconds to show.
        Awaitility.await()
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> receiver.received().stream()
                                .map(h -> h.headers().get("webhook-id"))
                                .distinct()
                                .count()
                        == 1);
        List<WebhookReceiver.Received> hooks = receiver.received();
        assertEquals(
                1,
                hooks.stream()
                        .map(h -> h.headers().get("webhook-id"))
                        .distinct()
                        .count(),
                "one message, retried");
        for (WebhookReceiver.Received hook : hooks) {
            JsonNode event = JSON.readTree(hook.body());
            assertEquals(
                    mentioning, event.path("data").path("article").path("id").asText());
            String expected = sign(
                    secret, hook.headers().get("webhook-id"), hook.headers().get("webhook-timestamp"), hook.body());
            assertTrue(
                    Arrays.asList(hook.headers().get("webhook-signature").split(" "))
                            .contains(expected),
                    "signature verifies");
        }
        String sseData = lines.stream()
                .filter(l -> l.startsWith("data:"))
                .findFirst()
                .orElseThrow()
                .substring(5)
                .strip();
        assertEquals(JSON.readTree(hooks.get(0).body()), JSON.readTree(sseData), "the same event on both channels");
        api(KEY).get("/api/v1/subscriptions/" + subscription + "/matches")
                .then()
                .statusCode(200)
                .body("items.articleId", org.hamcrest.Matchers.contains(mentioning));

        // After the restart the stream resumes from Last-Event-ID through the gateway.
        String lastId = lines.stream()
                .filter(l -> l.startsWith("id:"))
                .findFirst()
                .orElseThrow()
                .substring(3)
                .strip();
        HttpResponse<java.util.stream.Stream<String>> resumed = HTTP.send(
                HttpRequest.newBuilder(URI.create(gateway.url() + "/api/v1/subscriptions/" + subscription + "/events"))
                        .header("X-API-Key", KEY)
                        .header("Last-Event-ID", String.valueOf(Long.parseLong(lastId) - 1))
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        try (var resumedLines = resumed.body()) {
            assertTrue(resumedLines.anyMatch(l -> l.startsWith("data:") && l.contains(mentioning)));
        }
    }

    @Order(2)
    @Test
    void invalidQueriesForeignSubscriptionsAndUnsafeUrlsAreProblems() {
        Problems.assertProblem(
                        api(KEY).contentType("application/json")
                                .body("{\"name\": \"x\", \"query\": {\"q\": \"a OR\"}}")
                                .post("/api/v1/subscriptions")
                                .then(),
                        400)
                .body("errors.field", hasItem("query.q"));
        Problems.assertProblem(
                        api(KEY).contentType("application/json")
                                .body("{\"name\": \"x\", \"query\": {\"q\": \"a\"}, "
                                        + "\"webhook\": {\"url\": \"http://169.254.169.254/latest\"}}")
                                .post("/api/v1/subscriptions")
                                .then(),
                        400)
                .body("errors.field", hasItem("webhook.url"));
        String mine = api(KEY).contentType("application/json")
                .body("{\"name\": \"mine\", \"query\": {\"q\": \"harbour\"}}")
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Problems.assertProblem(
                api(OTHER_KEY).get("/api/v1/subscriptions/" + mine).then(), 404);
        Problems.assertProblem(
                api(OTHER_KEY).delete("/api/v1/subscriptions/" + mine).then(), 404);
        // A client cannot claim another key's identity: the gateway replaces the header.
        Problems.assertProblem(
                api(OTHER_KEY)
                        .header("X-Newsgraph-Key", "e2e")
                        .get("/api/v1/subscriptions/" + mine)
                        .then(),
                404);
        api(KEY).get("/api/v1/subscriptions/" + mine).then().statusCode(200).body("name", equalTo("mine"));
    }

    /** The gateway merges a committed copy of alert-service's OpenAPI document: it must be the one the service serves. */
    @Order(3)
    @Test
    void openApiSnapshotIsCurrent() throws Exception {
        Path snapshot =
                TestPostgres.repositoryRoot().resolve("gateway/src/main/resources/META-INF/openapi/alert-service.json");
        HttpResponse<String> live = HTTP.send(
                HttpRequest.newBuilder(URI.create(alerts.url() + "/q/openapi?format=json"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, live.statusCode());
        if (Boolean.getBoolean("newsgraph.openapi.refresh")) {
            Files.writeString(
                    snapshot,
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(live.body())) + "\n");
        }
        assertEquals(
                JSON.readTree(Files.readString(snapshot)),
                JSON.readTree(live.body()),
                "alert-service's OpenAPI changed: refresh " + snapshot
                        + " with ./mvnw -B -pl alert-service verify -Dnewsgraph.openapi.refresh=true, then rebuild the gateway");
        api(KEY).get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(containsString("/api/v1/subscriptions/{id}/events"))
                .body(containsString("/api/v1/stream"));
    }

    /** An open SSE stream whose lines a reader thread collects. */
    private record Sse(HttpResponse<java.io.InputStream> response, List<String> lines) implements AutoCloseable {
        static Sse open(String url, String key, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .header("X-API-Key", key)
                    .header("X-Newsgraph-Key", key);
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<java.io.InputStream> response =
                    HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
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
            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> lines.stream().anyMatch(l -> l.startsWith(":"))); // open, start fixed
            return new Sse(response, lines);
        }

        List<String> articles() {
            synchronized (lines) {
                return lines.stream()
                        .filter(l -> l.startsWith("data:"))
                        .map(l -> {
                            try {
                                return JSON.readTree(l.substring(5).strip())
                                        .path("data")
                                        .path("article")
                                        .path("id")
                                        .asText();
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        })
                        .toList();
            }
        }

        List<String> ids() {
            synchronized (lines) {
                return lines.stream()
                        .filter(l -> l.startsWith("id:"))
                        .map(l -> l.substring(3).strip())
                        .toList();
            }
        }

        @Override
        public void close() throws Exception {
            response.body().close();
        }
    }

    /** alert-service's stream metrics, for failure messages. */
    private static String streamMetrics() {
        return given().baseUri(alerts.url())
                .get("/q/metrics")
                .then()
                .extract()
                .asString()
                .lines()
                .filter(l -> l.startsWith("newsgraph_alerts_streams") && !l.contains("_bucket"))
                .toList()
                .toString();
    }

    private static double openStreams(ServiceProcess alertService) {
        String metrics = given().baseUri(alertService.url())
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return metrics.lines()
                .filter(l -> l.startsWith("newsgraph_alerts_streams_open"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    /**
     * GET /stream through the gateway: a stream for an entity (real analysis) and one for a word each get their article
     * only; a stream closed by its client is closed in alert-service too; a resume with Last-Event-ID replays what was
     * missed, also on another alert-service replica (the id is the feed position); invalid searches are 400 problems.
     */
    @Order(4)
    @Test
    void adHocStreamsThroughTheGatewayMatchResumeOnAnyReplicaAndRefuseInvalidSearches() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(zelensky != null, "the first test found Zelensky's entity id");
        String word = "quayside" + Long.toString(System.nanoTime(), 36);
        String byEntity = gateway.url() + "/api/v1/stream?entity=" + zelensky;
        String first;
        String firstId;
        String worded;
        try (Sse entityStream = Sse.open(byEntity, KEY, null);
                Sse wordStream =
                        Sse.open(gateway.url() + "/api/v1/stream?q=" + word + "&source=e2e.example", KEY, null)) {
            String unrelated = ingest(
                    "Wildfire forces evacuations near Athens",
                    "ATHENS - A wildfire forced the evacuation of three "
                            + "villages north of the Greek capital on Wednesday, the fire service said.");
            first = ingest(
                    "Zelensky visits front-line troops",
                    "KYIV - Volodymyr Zelensky visited troops near the front line on "
                            + "Wednesday and handed out awards, his office said.");
            worded = ingest(
                    "Dockers strike at the " + word,
                    "ROTTERDAM - Dockers walked out at the " + word + " on Wednesday over "
                            + "pay, halting container traffic.");
            awaitAnalysis(unrelated);
            awaitAnalysis(first);
            awaitAnalysis(worded);
            Awaitility.await()
                    .atMost(WAIT)
                    .untilAsserted(() -> assertTrue(
                            entityStream.articles().contains(first)
                                    && wordStream.articles().contains(worded),
                            "entity stream " + entityStream.lines() + ", word stream " + wordStream.lines()
                                    + ", alert-service " + streamMetrics()));
            String later = ingest(
                    "Zelensky addresses parliament",
                    "KYIV - Volodymyr Zelensky addressed parliament on Thursday about " + "the winter energy plan.");
            awaitAnalysis(later);
            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> entityStream.articles().contains(later)); // feed order: the rest came before
            assertEquals(List.of(first, later), entityStream.articles(), "the entity stream gets its articles only");
            assertEquals(List.of(worded), wordStream.articles(), "the word stream gets its article only");
            firstId = entityStream.ids().get(0);
            assertTrue(Long.parseLong(entityStream.ids().get(1)) > Long.parseLong(firstId));
        }
        // The gateway closes the upstream connection of a stream whose client left: alert-service frees it.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> openStreams(alerts) == 0);

        // Missed while disconnected; resumed on a second alert-service replica, which replays the feed after the id.
        String missed = ingest(
                "Zelensky meets Polish president",
                "WARSAW - Volodymyr Zelensky met the Polish president in Warsaw "
                        + "on Friday to discuss grain exports.");
        awaitAnalysis(missed);
        ServiceProcess replica = start("alert-service", alertEnv);
        try (Sse resumed = Sse.open(replica.url() + "/api/v1/stream?entity=" + zelensky, KEY, firstId)) {
            Awaitility.await().atMost(WAIT).until(() -> resumed.articles().contains(missed));
            assertTrue(
                    resumed.articles().size() >= 2 && !resumed.articles().contains(first),
                    "after Last-Event-ID only: " + resumed.lines());
        } finally {
            replica.close();
            services.remove(replica);
        }
        // And through the gateway from before the first event: the first is replayed too.
        try (Sse replay = Sse.open(byEntity, KEY, String.valueOf(Long.parseLong(firstId) - 1))) {
            Awaitility.await().atMost(WAIT).until(() -> replay.articles().containsAll(List.of(first, missed)));
        }

        Problems.assertProblem(
                        api(KEY).queryParam("q", "a OR").get("/api/v1/stream").then(), 400)
                .body("errors.field", hasItem("q"));
        Problems.assertProblem(
                        api(KEY).queryParam("entity", "not-an-id")
                                .get("/api/v1/stream")
                                .then(),
                        400)
                .body("errors.field", hasItem("entity"));
        Problems.assertProblem(
                api(KEY).header("Last-Event-ID", "yesterday")
                        .get("/api/v1/stream")
                        .then(),
                400);
        Problems.assertProblem(
                given().baseUri(gateway.url()).get("/api/v1/stream").then(), 401);
    }

    private static String sign(String secret, String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(
                java.util.Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1,"
                + java.util.Base64.getEncoder()
                        .encodeToString(
                                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static String sha256(String value) throws RuntimeException {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
