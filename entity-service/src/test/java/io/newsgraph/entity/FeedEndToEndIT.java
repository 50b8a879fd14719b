package io.newsgraph.entity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.common.testing.Problems;
import io.newsgraph.common.testing.ServiceProcess;
import io.newsgraph.common.testing.TestOpenSearch;
import io.newsgraph.common.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * article-service and entity-service as real processes on real PostgreSQL, talking real HTTP: articles
 * ingested into one are analysed by the other through the change feed - also when entity-service is
 * killed (SIGKILL) in the middle of a batch.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedEndToEndIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestPostgres postgres;
    private static String articlesDb;
    private static String entitiesDb;
    private static ServiceProcess articles;
    private static ServiceProcess entities;

    @BeforeAll
    static void start() {
        postgres = TestPostgres.server()
                .orElseThrow(() ->
                        new IllegalStateException("end-to-end tests need PostgreSQL binaries or a configured server"));
        articlesDb = postgres.createDatabase("articles_e2e");
        entitiesDb = postgres.createDatabase("entities_e2e");
        articles = ServiceProcess.start("article-service", datasource(articlesDb));
        Map<String, String> env = new java.util.HashMap<>(datasource(entitiesDb));
        env.put("NEWSGRAPH_ARTICLES_URL", articles.url());
        env.put("NEWSGRAPH_FEED_POLL_INTERVAL", "200ms");
        env.put("NEWSGRAPH_WORKER_POLL_INTERVAL", "100ms");
        env.put("NEWSGRAPH_QUOTES_INDEX_POLL_INTERVAL", "200ms");
        entities = ServiceProcess.start("entity-service", env);
    }

    @AfterAll
    static void stop() {
        if (entities != null) {
            entities.close();
        }
        if (articles != null) {
            articles.close();
        }
        if (postgres != null) {
            postgres.drop(articlesDb);
            postgres.drop(entitiesDb);
        }
    }

    private static Map<String, String> datasource(String database) {
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

    @Order(1)
    @Test
    void theSampleIngestedIntoArticleServiceGetsAnalysed() {
        String id = given().baseUri(articles.url())
                .contentType("text/plain; charset=utf-8")
                .body(SampleBody.raw())
                .queryParam("publishedAt", "2025-03-23T12:00:00Z")
                .post("/api/v1/articles")
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .extract()
                .path("id");
        Awaitility.await()
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> given().baseUri(entities.url())
                                .get("/api/v1/articles/" + id + "/analysis")
                                .statusCode()
                        == 200);
        String body = given().baseUri(articles.url())
                .get("/api/v1/articles/" + id)
                .then()
                .extract()
                .path("body");
        var analysis = given().baseUri(entities.url())
                .get("/api/v1/articles/" + id + "/analysis")
                .then()
                .statusCode(200)
                .body("entities.name", hasItem("Steve Witkoff"))
                .body("quotes.speaker.name", hasItem("Volodymyr Zelensky"))
                .extract()
                .jsonPath();
        // Offsets point into the body article-service stores.
        List<Map<String, Object>> mentions = analysis.getList("entities.mentions.flatten()");
        assertTrue(mentions.size() > 50);
        for (Map<String, Object> m : mentions) {
            assertEquals(m.get("surface"), body.substring((Integer) m.get("start"), (Integer) m.get("end")));
        }
        // The entity graph the analysis fed: search, the entity, its articles, quotes and neighbours.
        String zelensky = given().baseUri(entities.url())
                .queryParam("q", "Zelensky")
                .queryParam("type", "PERSON")
                .get("/api/v1/entities")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.name == 'Volodymyr Zelensky' }.id");
        given().baseUri(entities.url())
                .get("/api/v1/entities/" + zelensky)
                .then()
                .statusCode(200)
                .body("articleCount", equalTo(1));
        given().baseUri(entities.url())
                .get("/api/v1/entities/" + zelensky + "/articles")
                .then()
                .statusCode(200)
                .body("items.articleId", hasItem(id));
        given().baseUri(entities.url())
                .get("/api/v1/entities/" + zelensky + "/quotes")
                .then()
                .statusCode(200)
                .body("items", not(empty()));
        given().baseUri(entities.url())
                .get("/api/v1/entities/" + zelensky + "/cooccurrences")
                .then()
                .statusCode(200)
                .body("items", not(empty()));
        // The quotes index: one of the speaker's quotes found by its longest word, highlighted, with the speaker
        // filter.
        String quote = analysis.getString("quotes.find { it.speaker.name == 'Volodymyr Zelensky' }.text");
        String word = java.util.Arrays.stream(quote.split("[^\\p{L}]+"))
                .max(java.util.Comparator.comparingInt(String::length))
                .orElseThrow();
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().baseUri(entities.url())
                        .queryParam("q", word)
                        .queryParam("speaker", zelensky)
                        .get("/api/v1/quotes")
                        .then()
                        .statusCode(200)
                        .body("items.quote.text", hasItem(quote))
                        .body("items[0].highlights[0].fragment", org.hamcrest.Matchers.containsString("<mark>")));
        // The entity summary pushed back to article-service (its outbox, the internal operation, the articles index):
        // article-service's search filters by the entity and by the quoted speaker.
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().baseUri(articles.url())
                        .queryParam("entity", zelensky)
                        .queryParam("speaker", zelensky)
                        .get("/api/v1/search")
                        .then()
                        .statusCode(200)
                        .body("hits.id", hasItem(id)));
    }

    /**
     * The graph's reads and corrections on articles that came through the feed (with a dateline article-service parsed):
     * quotes and claims across the corpus, aliases, place links and the country filter, an alias correction and a merge.
     */
    @Order(2)
    @Test
    void theGraphFedThroughTheFeedAnswersAndTakesCorrections() {
        String visit = ingest(GraphArticles.VISIT_TITLE, GraphArticles.VISIT_BODY);
        String talks = ingest(GraphArticles.TALKS_TITLE, GraphArticles.TALKS_BODY);
        String floods = ingest(
                "Floods close roads",
                "LONDON, March 23 (Reuters) - Police in Birmingham said on Sunday that flooding had "
                        + "closed roads, and Inspector Tamsin Orrabell urged drivers to stay home.");
        String full = ingest("Visit", "Prime Minister Ingrid Halvorsen-Berg visited Bergen on Monday.");
        String shortName = ingest("Speech", "Ingrid Halvorsen spoke in Oslo on Tuesday.");
        String solheim = ingest("One", "Marit Solheim said the plan would work.");
        String solheimova = ingest("Two", "M. Solheimova said \"It will not work.\"");
        for (String id : List.of(visit, talks, floods, full, shortName, solheim, solheimova)) {
            awaitAnalysis(id);
        }

        String brandtvik = entityId("Oskar Brandtvik", "PERSON");
        given().baseUri(entities.url())
                .get("/api/v1/entities/" + brandtvik)
                .then()
                .statusCode(200)
                .body("articleCount", equalTo(2))
                .body("roles.role", hasItem("Norwegian Foreign Minister"))
                .body("aliases.alias", hasItem("Brandtvik"));
        given().baseUri(entities.url())
                .get("/api/v1/entities/" + entityId("Kyiv", "LOCATION"))
                .then()
                .statusCode(200)
                .body("aliases.alias", hasItem("Kiev"));
        // The quotes index is fed asynchronously (outbox): wait for it.
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().baseUri(entities.url())
                        .queryParam("speaker", brandtvik)
                        .queryParam("q", "stand Ukraine")
                        .get("/api/v1/quotes")
                        .then()
                        .statusCode(200)
                        .body("items", hasSize(1))
                        .body("items[0].articleId", equalTo(visit)));
        given().baseUri(entities.url())
                .queryParam("entity", brandtvik)
                .get("/api/v1/claims")
                .then()
                .statusCode(200)
                .body("items.claim.value", hasItem(120))
                .body("items.claim.unit", hasItem("armoured vehicles"));

        // The dateline article-service parsed decides the ambiguous place (the publication time stays the reference
        // date).
        given().baseUri(entities.url())
                .get("/api/v1/articles/" + floods + "/analysis")
                .then()
                .statusCode(200)
                .body("referenceDate.source", equalTo("PUBLISHED_AT"))
                .body("entities.find { it.name == 'Birmingham' }.place.countryCode", equalTo("GB"));
        given().baseUri(entities.url())
                .queryParam("country", "gb")
                .queryParam("q", "Birmingham")
                .get("/api/v1/entities")
                .then()
                .statusCode(200)
                .body("items.find { it.name == 'Birmingham' }.place.geonamesId", equalTo(2655603));
        Problems.assertProblem(
                        given().baseUri(entities.url())
                                .queryParam("country", "XX")
                                .get("/api/v1/entities")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("country"));

        // An alias correction folds the short name into the full one.
        String fullId = entityId("Ingrid Halvorsen-Berg", "PERSON");
        String shortId = entityId("Ingrid Halvorsen", "PERSON");
        given().baseUri(entities.url())
                .contentType("application/json")
                .body("{\"alias\": \"Ingrid Halvorsen\"}")
                .post("/api/v1/entities/" + fullId + "/aliases")
                .then()
                .statusCode(200)
                .body("aliases.find { it.alias == 'Ingrid Halvorsen' }.origin", equalTo("USER"))
                .body("articleCount", equalTo(2));
        given().baseUri(entities.url())
                .redirects()
                .follow(false)
                .get("/api/v1/entities/" + shortId)
                .then()
                .statusCode(301)
                .header("Location", "/api/v1/entities/" + fullId);

        // A merge moves the mentions and forwards the source; merging it again is a conflict.
        String target = entityId("Marit Solheim", "PERSON");
        String source = given().baseUri(entities.url())
                .queryParam("q", "M. Solheimova")
                .get("/api/v1/entities")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
        Problems.assertProblem(
                given().baseUri(entities.url())
                        .contentType("application/json")
                        .body("{\"source\": \"" + target + "\"}")
                        .post("/api/v1/entities/" + target + "/merge")
                        .then(),
                400);
        given().baseUri(entities.url())
                .contentType("application/json")
                .body("{\"source\": \"" + source + "\"}")
                .post("/api/v1/entities/" + target + "/merge")
                .then()
                .statusCode(200)
                .body("articleCount", equalTo(2))
                .body("aliases.alias", hasItem("M. Solheimova"));
        given().baseUri(entities.url())
                .redirects()
                .follow(false)
                .get("/api/v1/entities/" + source)
                .then()
                .statusCode(301);
        Problems.assertProblem(
                given().baseUri(entities.url())
                        .contentType("application/json")
                        .body("{\"source\": \"" + source + "\"}")
                        .post("/api/v1/entities/" + target + "/merge")
                        .then(),
                409);
    }

    @Order(3)
    @Test
    void killingEntityServiceMidBatchLosesNothingAndAnalysesEachArticleOnce() throws Exception {
        int count = 400;
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < count; i++) {
            ndjson.append(WireStories.json(i)).append('\n');
        }
        // Ingest in the background; entity-service analyses while the batch is still arriving.
        ExecutorService ingest = Executors.newSingleThreadExecutor();
        Future<Integer> failed = ingest.submit(() -> given().baseUri(articles.url())
                .contentType("application/x-ndjson")
                .body(ndjson.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/articles/batch")
                .then()
                .statusCode(200)
                .extract()
                .<Integer>path("failed"));
        int before;
        try {
            // Kill as soon as some, but not all, of the batch has been analysed.
            Awaitility.await()
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> analysedCount() >= 10);
            entities.kill();
            before = analysedCount();
        } finally {
            if (!entities.isRunning()) {
                entities.start();
            }
        }
        assertEquals(0, failed.get(3, TimeUnit.MINUTES));
        ingest.shutdown();
        int live = liveArticles();
        assertTrue(before < live, "killed mid-batch: " + before + " of " + live + " analysed");

        Awaitility.await()
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> analysedCount() == live
                        && given().baseUri(entities.url())
                                        .get("/api/v1/extraction/status")
                                        .<Integer>path("pendingJobs")
                                == 0);

        try (Connection c =
                DriverManager.getConnection(postgres.jdbcUrl(entitiesDb), postgres.user(), postgres.password())) {
            assertEquals(
                    0,
                    scalar(
                            c,
                            "SELECT count(*) FROM (SELECT article_id, start_offset FROM quote GROUP BY 1, 2 HAVING count(*) > 1) d"),
                    "no quote stored twice");
            assertEquals(0, scalar(c, "SELECT count(*) FROM extraction_job WHERE state = 'PARKED'"), "no job parked");
            assertEquals(
                    live, scalar(c, "SELECT count(*) FROM article_analysis"), "every article analysed exactly once");
            // The quotes index caught up with every stored quote despite the kill, each once.
            int stored = scalar(c, "SELECT count(*) FROM quote WHERE text LIKE '%agreed the plan%'");
            assertTrue(stored > 0, "the stories' quotes were stored");
            // While the indexer still writes, hits are counted once however often they show: pages follow each other by
            // score (search_after), and scores move as documents arrive, so a hit may show on two pages meanwhile (seen
            // 1 time in 432 full pagings during ingest, against the native executables). Once the index holds still,
            // every hit shows exactly once across the pages.
            Awaitility.await()
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> searchHits("\"agreed the plan\"", false) == stored);
            assertEquals(stored, searchHits("\"agreed the plan\"", true), "every stored quote found once");
            // Every entity summary was pushed to article-service despite the kill: the outbox drains.
            Awaitility.await()
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        try (Connection again = DriverManager.getConnection(
                                postgres.jdbcUrl(entitiesDb), postgres.user(), postgres.password())) {
                            return scalar(again, "SELECT count(*) FROM entity_summary_outbox") == 0;
                        }
                    });
        }
    }

    /** Ingests a JSON article into article-service; its id. */
    private static String ingest(String title, String body) {
        String json = JSON.createObjectNode()
                .put("title", title)
                .put("body", body)
                .put("source", "e2e.example")
                .put("publishedAt", "2025-03-23T12:00:00Z")
                .toString();
        return given().baseUri(articles.url())
                .contentType("application/json")
                .body(json)
                .post("/api/v1/articles")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void awaitAnalysis(String articleId) {
        Awaitility.await()
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> given().baseUri(entities.url())
                                .get("/api/v1/articles/" + articleId + "/analysis")
                                .statusCode()
                        == 200);
    }

    private static String entityId(String name, String type) {
        return given().baseUri(entities.url())
                .queryParam("q", name)
                .queryParam("type", type)
                .get("/api/v1/entities")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.name == '%s' }.id".formatted(name));
    }

    /** Distinct hits of a quote search, all pages; with {@code once}, fails on a hit that shows on two pages. */
    private static int searchHits(String q, boolean once) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        String next =
                "/api/v1/quotes?limit=100&q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
        while (next != null) {
            var page = given().baseUri(entities.url())
                    .urlEncodingEnabled(false)
                    .get(next)
                    .then()
                    .statusCode(200)
                    .extract();
            for (Map<String, Object> item : page.<List<Map<String, Object>>>path("items")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> q2 = (Map<String, Object>) item.get("quote");
                assertTrue(
                        seen.add(item.get("articleId") + "@" + q2.get("start")) || !once,
                        "a hit repeated across pages");
            }
            next = page.path("next");
        }
        return seen.size();
    }

    private static int liveArticles() {
        int total = 0;
        String next = "/api/v1/articles?limit=100";
        while (next != null) {
            var page = given().baseUri(articles.url())
                    .get(next)
                    .then()
                    .statusCode(200)
                    .extract();
            total += page.<List<?>>path("items").size();
            next = page.path("next");
        }
        return total;
    }

    private static int analysedCount() throws SQLException {
        try (Connection c =
                DriverManager.getConnection(postgres.jdbcUrl(entitiesDb), postgres.user(), postgres.password())) {
            return scalar(c, "SELECT count(*) FROM article_analysis");
        }
    }

    private static int scalar(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Varied, generated wire stories (not tuned on): names, places, numbers and quotes differ per index. */
    static final class WireStories {
        private static final String[] FIRST = {
            "Anna", "Piotr", "Maria", "Kenji", "Amara", "Lucas", "Ines", "Omar", "Sofia", "Tomas"
        };
        private static final String[] LAST = {
            "Kowalski", "Tanaka", "Okafor", "Silva", "Haddad", "Novak", "Berg", "Moreau", "Rossi", "Lindqvist"
        };
        private static final String[] CITY = {
            "Warsaw", "Tokyo", "Lagos", "Lisbon", "Beirut", "Prague", "Oslo", "Paris", "Rome", "Stockholm"
        };
        private static final String[] ROLE = {
            "Finance Minister", "Foreign Minister", "central bank governor", "Defence Secretary", "Mayor"
        };
        private static final String[] THING = {
            "wind turbines", "rail carriages", "field hospitals", "school buses", "water pumps"
        };

        static String json(int i) {
            String name = FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length + i) % LAST.length];
            String surname = name.substring(name.indexOf(' ') + 1);
            String city = CITY[(i * 7) % CITY.length];
            String role = ROLE[i % ROLE.length];
            int amount = 10 + (i * 37) % 900;
            String body = ("%s %s said on Monday that %d %s would reach %s before the winter. "
                            + "\\\"We have agreed the plan and we will deliver it,\\\" %s told reporters in %s.\\n\\n"
                            + "Officials in %s said the first deliveries were expected next month, story %d.")
                    .formatted(
                            role,
                            name,
                            amount,
                            THING[i % THING.length],
                            city,
                            surname,
                            city,
                            CITY[(i + 3) % CITY.length],
                            i);
            return "{\"title\": \"%s plans deliveries to %s (%d)\", \"body\": \"%s\", \"source\": \"e2e.example\", \"publishedAt\": \"2025-03-2%dT09:00:00Z\"}"
                    .formatted(surname, city, i, body, i % 10);
        }
    }
}
