package io.newsgraph.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.client.api.ArticlesApi;
import io.newsgraph.client.api.EntitiesApi;
import io.newsgraph.client.api.ExtractionApi;
import io.newsgraph.client.api.SearchApi;
import io.newsgraph.client.model.Analysis;
import io.newsgraph.client.model.Article;
import io.newsgraph.client.model.ArticleInput;
import io.newsgraph.client.model.EntityPage;
import io.newsgraph.client.model.EntitySummary;
import io.newsgraph.client.model.SearchRequest;
import io.newsgraph.common.testing.ServiceProcess;
import io.newsgraph.common.testing.TestPostgres;
import java.io.IOException;
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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client generated from the gateway's OpenAPI document, against the real thing: article-service,
 * entity-service and the gateway started from their packaged jars as processes, on fresh databases of a real
 * PostgreSQL. Also proves that the committed OpenAPI snapshots the gateway merges are the ones the services serve,
 * and (last) that composition degrades when entity-service goes down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayEndToEndIT {
    private static final String KEY = "e2e-" + System.nanoTime();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static Path root;
    private static TestPostgres postgres;
    private static final List<String> DATABASES = new ArrayList<>();
    private static ServiceProcess articles;
    private static ServiceProcess entities;
    private static ServiceProcess gateway;

    @BeforeAll
    static void start() throws Exception {
        root = TestPostgres.repositoryRoot();
        postgres = TestPostgres.server()
                .orElseThrow(() -> new IllegalStateException("the end-to-end test needs a real PostgreSQL"));
        articles = ServiceProcess.start("article-service", datasource("articles"));
        Map<String, String> entityEnv = new HashMap<>(datasource("entities"));
        entityEnv.put("NEWSGRAPH_ARTICLES_URL", articles.url());
        entityEnv.put("NEWSGRAPH_FEED_POLL_INTERVAL", "200ms");
        entities = ServiceProcess.start("entity-service", entityEnv);
        gateway = ServiceProcess.start(
                "gateway",
                Map.of(
                        "NEWSGRAPH_GATEWAY_UPSTREAMS_ARTICLES_URL", articles.url(),
                        "NEWSGRAPH_GATEWAY_UPSTREAMS_ENTITIES_URL", entities.url(),
                        "NEWSGRAPH_GATEWAY_API_KEYS", "e2e:" + sha256(KEY) + ":read+write"));
    }

    private static Map<String, String> datasource(String prefix) {
        String database = postgres.createDatabase(prefix);
        DATABASES.add(database);
        return io.newsgraph.common.testing.TestOpenSearch.withSearch(
                Map.of(
                        "QUARKUS_DATASOURCE_JDBC_URL",
                        postgres.jdbcUrl(database),
                        "QUARKUS_DATASOURCE_USERNAME",
                        postgres.user(),
                        "QUARKUS_DATASOURCE_PASSWORD",
                        postgres.password()),
                database);
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess service : new ServiceProcess[] {gateway, entities, articles}) {
            if (service != null) {
                service.close();
            }
        }
        DATABASES.forEach(postgres::drop);
    }

    private static ApiClient client(String key) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(gateway.url());
        if (key != null) {
            client.setRequestInterceptor(request -> request.header("X-API-Key", key));
        }
        return client;
    }

    /** The gateway merges committed copies of the services' documents: they must be the ones the services serve. */
    @Order(1)
    @ParameterizedTest
    @ValueSource(strings = {"article-service", "entity-service"})
    void openApiSnapshotsAreCurrent(String service) throws Exception {
        String url = service.equals("article-service") ? articles.url() : entities.url();
        Path snapshot = root.resolve("gateway/src/main/resources/META-INF/openapi/" + service + ".json");
        HttpResponse<String> live = HTTP.send(
                HttpRequest.newBuilder(URI.create(url + "/q/openapi?format=json"))
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
                service + "'s OpenAPI changed: refresh " + snapshot + " with "
                        + "./mvnw -B -pl clients/java verify -Dnewsgraph.openapi.refresh=true, then rebuild the gateway");
    }

    @Order(2)
    @Test
    void ingestListSearchReadAnalyseAndPageEntitiesThroughTheGateway() throws Exception {
        String sample = Files.readString(root.resolve("samples/seed-article.txt"), StandardCharsets.UTF_8);
        String title = sample.lines().findFirst().orElseThrow().strip();
        ArticlesApi articlesApi = new ArticlesApi(client(KEY));

        var ingested = articlesApi.ingestArticleWithHttpInfo(
                new ArticleInput()
                        .title(title)
                        .body(sample.substring(sample.indexOf('\n')).strip())
                        .source("chinadaily.com.cn"),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertTrue(
                ingested.getStatusCode() == 201 || ingested.getStatusCode() == 200,
                "status " + ingested.getStatusCode());
        assertNotNull(ingested.getHeaders().get("x-request-id"));
        assertNotNull(ingested.getHeaders().get("ratelimit"));
        Article article = ingested.getData();
        assertEquals(title, article.getTitle());

        assertTrue(articlesApi.listArticles(null, null, 20, null, null, null).getItems().stream()
                .anyMatch(a -> article.getId().equals(a.getId())));
        // The search index is fed from the change feed: the article becomes searchable within moments.
        SearchApi search = new SearchApi(client(KEY));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> search
                        .searchArticlesPost(new SearchRequest().q("cease-fire").limit(10))
                        .getHits()
                        .stream()
                        .anyMatch(hit -> article.getId().equals(hit.getId())));
        assertEquals(
                article.getBody(),
                articlesApi.getArticle(article.getId(), null, null).getBody());

        // entity-service consumes the feed; the analysis shows up through the gateway.
        ExtractionApi extraction = new ExtractionApi(client(KEY));
        Awaitility.await()
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> extraction.getArticleAnalysis(article.getId()) != null);
        Analysis analysis = extraction.getArticleAnalysis(article.getId());
        assertTrue(analysis.getEntities().stream().anyMatch(e -> "Steve Witkoff".equals(e.getName())));
        JsonNode composed = get("/api/v1/articles/" + article.getId() + "?include=analysis", 200);
        assertEquals(title, composed.get("title").asText());
        assertFalse(composed.get("analysis").isNull(), composed.toString());

        // Page through all PERSON entities with the cursors of the generated client.
        EntitiesApi entitiesApi = new EntitiesApi(client(KEY));
        List<String> people = new ArrayList<>();
        String cursor = null;
        do {
            EntityPage page = entitiesApi.listEntities(null, cursor, 3, null, "PERSON");
            page.getItems().stream().map(EntitySummary::getName).forEach(people::add);
            cursor = page.getNextCursor();
        } while (cursor != null);
        assertTrue(people.containsAll(List.of("Steve Witkoff", "Vladimir Putin", "Donald Trump")), people.toString());
        assertEquals(people.size(), people.stream().distinct().count(), "no entity on two pages");
        String witkoff = entitiesApi
                .listEntities(null, null, 5, "Witkoff", "PERSON")
                .getItems()
                .get(0)
                .getId()
                .toString();
        // entity-service's summary reaches the articles index: suggest, the entity filter, related and trends through
        // the generated client (the article is its own only story here: related lists no copy of it).
        Awaitility.await()
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> search.suggest("Steve Wit", "entity", 5).getSuggestions().stream()
                        .anyMatch(s -> witkoff.equals(String.valueOf(s.getId()))));
        assertTrue(search
                .searchArticlesPost(new SearchRequest().entity(List.of(witkoff)).limit(10))
                .getHits()
                .stream()
                .anyMatch(hit -> article.getId().equals(hit.getId())));
        assertTrue(search.listRelatedArticles(article.getId(), 5).getRelated().stream()
                .noneMatch(r -> article.getId().equals(r.getId())));
        var trends = search.listRisingEntities(null, 5, null, "PERSON");
        assertEquals(
                Duration.ofDays(7),
                Duration.between(trends.getFrom().toInstant(), trends.getTo().toInstant()));
        // Places of one country with their GeoNames link (a country carries its code only).
        EntityPage saudi = entitiesApi.listEntities("sa", null, 20, null, "LOCATION");
        assertTrue(
                saudi.getItems().stream()
                        .anyMatch(e -> "Saudi Arabia".equals(e.getName())
                                && e.getPlace() != null
                                && "SA".equals(e.getPlace().getCountryCode())
                                && e.getPlace().getGeonamesId() == null),
                saudi.toString());
        JsonNode entity = get("/api/v1/entities/" + witkoff, 200);
        assertEquals(title, entity.get("recentArticles").get(0).get("title").asText(), entity.toString());
    }

    @Order(3)
    @Test
    void errorsAreProblemsAndNeedAKey() throws Exception {
        ApiException unauthenticated = assertThrows(
                ApiException.class, () -> new ArticlesApi(client(null)).listArticles(null, null, 5, null, null, null));
        assertEquals(401, unauthenticated.getCode());
        JsonNode missing = get("/api/v1/articles/6f1c8a52-3a6e-4c8e-9a53-0d8f0b0f5d11", 404);
        assertEquals(404, missing.get("status").asInt());
        assertEquals(
                "/api/v1/articles/6f1c8a52-3a6e-4c8e-9a53-0d8f0b0f5d11",
                missing.get("instance").asText());
    }

    /** Last: entity-service goes down; composed reads still answer, saying what is missing; its own routes are 503. */
    @Order(4)
    @Test
    void compositionDegradesWhenEntityServiceIsDown() throws Exception {
        String id = new ArticlesApi(client(KEY))
                .listArticles(null, null, 1, null, null, null)
                .getItems()
                .get(0)
                .getId()
                .toString();
        entities.kill();
        JsonNode composed = get("/api/v1/articles/" + id + "?include=analysis", 200);
        assertTrue(composed.get("analysis").isNull());
        assertTrue(
                composed.get("warnings").get(0).asText().startsWith("analysis unavailable: entity-service"),
                composed.toString());
        JsonNode down = get("/api/v1/entities?q=kyiv", 503);
        assertEquals(
                "https://newsgraph.io/problems/upstream-unavailable",
                down.get("type").asText());
    }

    private static JsonNode get(String path, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(gateway.url() + path))
                        .header("X-API-Key", KEY)
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
