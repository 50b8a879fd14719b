package io.newsgraph.entity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.common.testing.ServiceProcess;
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
    private static TestPostgres postgres;
    private static String articlesDb;
    private static String entitiesDb;
    private static ServiceProcess articles;
    private static ServiceProcess entities;

    @BeforeAll
    static void start() {
        postgres = TestPostgres.server().orElseThrow(() -> new IllegalStateException("end-to-end tests need PostgreSQL binaries or a configured server"));
        articlesDb = postgres.createDatabase("articles_e2e");
        entitiesDb = postgres.createDatabase("entities_e2e");
        articles = ServiceProcess.start("article-service", datasource(articlesDb));
        Map<String, String> env = new java.util.HashMap<>(datasource(entitiesDb));
        env.put("NEWSGRAPH_ARTICLES_URL", articles.url());
        env.put("NEWSGRAPH_FEED_POLL_INTERVAL", "200ms");
        env.put("NEWSGRAPH_WORKER_POLL_INTERVAL", "100ms");
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
        return io.newsgraph.common.testing.TestOpenSearch.withSearch(Map.of("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", postgres.user(), "QUARKUS_DATASOURCE_PASSWORD", postgres.password()), database);
    }

    @Order(1)
    @Test
    void theSampleIngestedIntoArticleServiceGetsAnalysed() {
        String id = given().baseUri(articles.url()).contentType("text/plain; charset=utf-8").body(SampleBody.raw())
                .queryParam("publishedAt", "2025-03-23T12:00:00Z")
                .post("/api/v1/articles").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().path("id");
        Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().baseUri(entities.url()).get("/api/v1/articles/" + id + "/analysis").statusCode() == 200);
        String body = given().baseUri(articles.url()).get("/api/v1/articles/" + id).then().extract().path("body");
        var analysis = given().baseUri(entities.url()).get("/api/v1/articles/" + id + "/analysis").then().statusCode(200)
                .body("entities.name", hasItem("Steve Witkoff"))
                .body("quotes.speaker.name", hasItem("Volodymyr Zelensky"))
                .extract().jsonPath();
        // Offsets point into the body article-service stores.
        List<Map<String, Object>> mentions = analysis.getList("entities.mentions.flatten()");
        assertTrue(mentions.size() > 50);
        for (Map<String, Object> m : mentions) {
            assertEquals(m.get("surface"), body.substring((Integer) m.get("start"), (Integer) m.get("end")));
        }
        // The entity graph the analysis fed: search, the entity, its articles, quotes and neighbours.
        String zelensky = given().baseUri(entities.url()).queryParam("q", "Zelensky").queryParam("type", "PERSON").get("/api/v1/entities")
                .then().statusCode(200).extract().path("items.find { it.name == 'Volodymyr Zelensky' }.id");
        given().baseUri(entities.url()).get("/api/v1/entities/" + zelensky).then().statusCode(200).body("articleCount", equalTo(1));
        given().baseUri(entities.url()).get("/api/v1/entities/" + zelensky + "/articles").then().statusCode(200).body("items.articleId", hasItem(id));
        given().baseUri(entities.url()).get("/api/v1/entities/" + zelensky + "/quotes").then().statusCode(200).body("items", not(empty()));
        given().baseUri(entities.url()).get("/api/v1/entities/" + zelensky + "/cooccurrences").then().statusCode(200)
                .body("items", not(empty()));
    }

    @Order(2)
    @Test
    void killingEntityServiceMidBatchLosesNothingAndAnalysesEachArticleOnce() throws Exception {
        int count = 400;
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < count; i++) {
            ndjson.append(WireStories.json(i)).append('\n');
        }
        // Ingest in the background; entity-service analyses while the batch is still arriving.
        ExecutorService ingest = Executors.newSingleThreadExecutor();
        Future<Integer> failed = ingest.submit(() -> given().baseUri(articles.url()).contentType("application/x-ndjson")
                .body(ndjson.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/articles/batch").then().statusCode(200).extract().<Integer>path("failed"));
        int before;
        try {
            // Kill as soon as some, but not all, of the batch has been analysed.
            Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() -> analysedCount() >= 10);
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

        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> analysedCount() == live
                && given().baseUri(entities.url()).get("/api/v1/extraction/status").<Integer>path("pendingJobs") == 0);

        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(entitiesDb), postgres.user(), postgres.password())) {
            assertEquals(0, scalar(c, "SELECT count(*) FROM (SELECT article_id, start_offset FROM quote GROUP BY 1, 2 HAVING count(*) > 1) d"),
                    "no quote stored twice");
            assertEquals(0, scalar(c, "SELECT count(*) FROM extraction_job WHERE state = 'PARKED'"), "no job parked");
            assertEquals(live, scalar(c, "SELECT count(*) FROM article_analysis"), "every article analysed exactly once");
        }
    }

    private static int liveArticles() {
        int total = 0;
        String next = "/api/v1/articles?limit=100";
        while (next != null) {
            var page = given().baseUri(articles.url()).get(next).then().statusCode(200).extract();
            total += page.<List<?>>path("items").size();
            next = page.path("next");
        }
        return total;
    }

    private static int analysedCount() throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(entitiesDb), postgres.user(), postgres.password())) {
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
        private static final String[] FIRST = {"Anna", "Piotr", "Maria", "Kenji", "Amara", "Lucas", "Ines", "Omar", "Sofia", "Tomas"};
        private static final String[] LAST = {"Kowalski", "Tanaka", "Okafor", "Silva", "Haddad", "Novak", "Berg", "Moreau", "Rossi", "Lindqvist"};
        private static final String[] CITY = {"Warsaw", "Tokyo", "Lagos", "Lisbon", "Beirut", "Prague", "Oslo", "Paris", "Rome", "Stockholm"};
        private static final String[] ROLE = {"Finance Minister", "Foreign Minister", "central bank governor", "Defence Secretary", "Mayor"};
        private static final String[] THING = {"wind turbines", "rail carriages", "field hospitals", "school buses", "water pumps"};

        static String json(int i) {
            String name = FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length + i) % LAST.length];
            String surname = name.substring(name.indexOf(' ') + 1);
            String city = CITY[(i * 7) % CITY.length];
            String role = ROLE[i % ROLE.length];
            int amount = 10 + (i * 37) % 900;
            String body = ("%s %s said on Monday that %d %s would reach %s before the winter. "
                    + "\\\"We have agreed the plan and we will deliver it,\\\" %s told reporters in %s.\\n\\n"
                    + "Officials in %s said the first deliveries were expected next month, story %d.")
                    .formatted(role, name, amount, THING[i % THING.length], city, surname, city, CITY[(i + 3) % CITY.length], i);
            return "{\"title\": \"%s plans deliveries to %s (%d)\", \"body\": \"%s\", \"source\": \"e2e.example\", \"publishedAt\": \"2025-03-2%dT09:00:00Z\"}"
                    .formatted(surname, city, i, body, i % 10);
        }
    }
}
