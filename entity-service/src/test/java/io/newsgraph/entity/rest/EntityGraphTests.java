package io.newsgraph.entity.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.newsgraph.common.testing.Problems;
import io.newsgraph.entity.GraphArticles;
import io.newsgraph.entity.client.ArticleVersion;
import io.newsgraph.entity.service.ArticleAnalyser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cross-article graph, built by analysing articles through the real pipeline, read and corrected through the API. */
@QuarkusTest
class EntityGraphTests {

    @Inject
    ArticleAnalyser analyser;

    @BeforeEach
    void modelLoaded() {
        Api.awaitModel();
    }

    private UUID analyse(String title, String body) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> analyser.analyseAndStore(
                        new ArticleVersion(id, 1, "CREATED", title, body, Instant.parse("2025-03-23T12:00:00Z"))));
        return id;
    }

    private String entityId(String name, String type) {
        return given().queryParam("q", name)
                .queryParam("type", type)
                .get("/api/v1/entities")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.name == '%s' }.id".formatted(name));
    }

    @Test
    void linksEntitiesAcrossArticlesAndAnswersGraphQueries() {
        String marker = "Oskar Brandtvik";
        UUID first = analyse(GraphArticles.VISIT_TITLE, GraphArticles.VISIT_BODY);
        UUID second = analyse(GraphArticles.TALKS_TITLE, GraphArticles.TALKS_BODY);

        String brandtvik = entityId(marker, "PERSON");
        String kyiv = entityId("Kyiv", "LOCATION");
        given().get("/api/v1/entities/" + brandtvik)
                .then()
                .statusCode(200)
                .body("name", equalTo(marker))
                .body("type", equalTo("PERSON"))
                .body("articleCount", equalTo(2))
                .body("roles.role", hasItem("Norwegian Foreign Minister"))
                .body("aliases.alias", hasItem("Brandtvik"));
        given().get("/api/v1/entities/" + kyiv)
                .then()
                .statusCode(200)
                .body("aliases.alias", hasItem("Kiev"))
                .body("articleCount", equalTo(2));
        given().get("/api/v1/entities/" + brandtvik + "/articles")
                .then()
                .statusCode(200)
                .body("items.articleId", org.hamcrest.Matchers.containsInAnyOrder(first.toString(), second.toString()));
        given().queryParam("type", "LOCATION")
                .get("/api/v1/entities/" + brandtvik + "/cooccurrences")
                .then()
                .statusCode(200)
                .body("items.find { it.name == 'Kyiv' }.weight", equalTo(2))
                .body("items.type", not(hasItem("PERSON")));
        given().get("/api/v1/entities/" + brandtvik + "/quotes")
                .then()
                .statusCode(200)
                .body("items.quote.text", hasItem(org.hamcrest.Matchers.startsWith("We will stand with Ukraine")));
        // The quotes index follows the stored analyses asynchronously (QuotesSearchTests covers it in depth).
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .untilAsserted(() -> given().queryParam("speaker", brandtvik)
                        .queryParam("q", "stand Ukraine")
                        .get("/api/v1/quotes")
                        .then()
                        .statusCode(200)
                        .body("items", hasSize(1))
                        .body("items[0].articleId", equalTo(first.toString())));
        given().queryParam("entity", brandtvik)
                .get("/api/v1/claims")
                .then()
                .statusCode(200)
                .body("items.claim.value", hasItem(120))
                .body("items.claim.unit", hasItem("armoured vehicles"));
        given().get("/api/v1/articles/" + first + "/analysis")
                .then()
                .statusCode(200)
                .body("articleId", equalTo(first.toString()))
                .body("version", equalTo(1))
                .body("entities.find { it.name == 'Oskar Brandtvik' }.id", equalTo(brandtvik));
    }

    @Test
    void aliasCorrectionMergesTheExistingEntityAndGuidesLaterExtractions() {
        analyse("Visit", "Prime Minister Ingrid Halvorsen-Berg visited Bergen on Monday.");
        analyse("Speech", "Ingrid Halvorsen spoke in Oslo on Tuesday.");
        String full = entityId("Ingrid Halvorsen-Berg", "PERSON");
        String shortName = entityId("Ingrid Halvorsen", "PERSON");
        given().contentType("application/json")
                .body("{\"alias\": \"Ingrid Halvorsen\"}")
                .post("/api/v1/entities/" + full + "/aliases")
                .then()
                .statusCode(200)
                .body("aliases.find { it.alias == 'Ingrid Halvorsen' }.origin", equalTo("USER"))
                .body("articleCount", equalTo(2));
        given().redirects()
                .follow(false)
                .get("/api/v1/entities/" + shortName)
                .then()
                .statusCode(301)
                .header("Location", "/api/v1/entities/" + full);
        analyse("Later", "Ingrid Halvorsen opened a bridge in Trondheim.");
        given().get("/api/v1/entities/" + full).then().body("articleCount", equalTo(3));
        // An alias that names another entity is refused.
        analyse("Other", "Knut Aasen met reporters in Oslo.");
        String other = entityId("Knut Aasen", "PERSON");
        Problems.assertProblem(
                given().contentType("application/json")
                        .body("{\"alias\": \"Ingrid Halvorsen\"}")
                        .post("/api/v1/entities/" + other + "/aliases")
                        .then(),
                409);
    }

    @Test
    void mergeMovesMentionsAndForwards() {
        analyse("One", "Marit Solheim said the plan would work.");
        analyse("Two", "M. Solheimova said \"It will not work.\"");
        String target = entityId("Marit Solheim", "PERSON");
        String source = given().queryParam("q", "M. Solheimova")
                .get("/api/v1/entities")
                .then()
                .extract()
                .path("items[0].id");
        String place = entityId("Oslo", "LOCATION");
        if (place == null) {
            analyse("Three", "Officials gathered in Oslo.");
            place = entityId("Oslo", "LOCATION");
        }
        Problems.assertProblem(
                given().contentType("application/json")
                        .body("{\"source\": \"" + target + "\"}")
                        .post("/api/v1/entities/" + target + "/merge")
                        .then(),
                400);
        Problems.assertProblem(
                given().contentType("application/json")
                        .body("{\"source\": \"" + place + "\"}")
                        .post("/api/v1/entities/" + target + "/merge")
                        .then(),
                409);
        given().contentType("application/json")
                .body("{\"source\": \"" + source + "\"}")
                .post("/api/v1/entities/" + target + "/merge")
                .then()
                .statusCode(200)
                .body("articleCount", equalTo(2))
                .body("aliases.alias", hasItem("M. Solheimova"));
        given().redirects()
                .follow(false)
                .get("/api/v1/entities/" + source)
                .then()
                .statusCode(301);
        Problems.assertProblem(
                given().contentType("application/json")
                        .body("{\"source\": \"" + source + "\"}")
                        .post("/api/v1/entities/" + target + "/merge")
                        .then(),
                409);
    }

    @Test
    void storedQuotesKeepPrincipalConfidenceAndTheReferenceDate() {
        UUID id = UUID.randomUUID();
        String body =
                "\"The attack is a crime,\" Sven Lundqvist told reporters, quoting Secretary-General Petra Holm.\n\n"
                        + "Lundqvist said the convoy was hit on Tuesday.";
        QuarkusTransaction.requiringNew()
                .run(() -> analyser.analyseAndStore(new ArticleVersion(
                        id, 1, "CREATED", "Convoy", body, null, "GENEVA, April 9, 2025 (Reuters) -", List.of(), null)));
        given().get("/api/v1/articles/" + id + "/analysis")
                .then()
                .statusCode(200)
                .body("referenceDate.value", equalTo("2025-04-09"))
                .body("referenceDate.source", equalTo("DATELINE"))
                .body("dates.find { it.surface == 'Tuesday' }.resolved", equalTo("2025-04-08"))
                .body("quotes.find { it.kind == 'DIRECT' }.speaker.name", equalTo("Sven Lundqvist"))
                .body("quotes.find { it.kind == 'DIRECT' }.onBehalfOf.name", equalTo("Petra Holm"))
                .body("quotes.find { it.kind == 'DIRECT' }.confidence", equalTo(0.95f))
                .body("quotes.find { it.kind == 'INDIRECT' }.speaker.name", equalTo("Sven Lundqvist"));
        String speaker = entityId("Sven Lundqvist", "PERSON");
        given().get("/api/v1/entities/" + speaker + "/quotes")
                .then()
                .statusCode(200)
                .body("items.quote.onBehalfOf.name", hasItem("Petra Holm"));
    }

    @Test
    void badParametersAreProblems() {
        Problems.assertProblem(given().get("/api/v1/entities/not-a-uuid").then(), 404);
        Problems.assertProblem(
                given().get("/api/v1/entities/" + UUID.randomUUID()).then(), 404);
        Problems.assertProblem(
                given().get("/api/v1/entities/" + UUID.randomUUID() + "/articles")
                        .then(),
                404);
        Problems.assertProblem(
                        given().queryParam("type", "ANIMAL")
                                .get("/api/v1/entities")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("type"));
        Problems.assertProblem(
                        given().queryParam("cursor", "zzz")
                                .get("/api/v1/entities")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("cursor"));
        Problems.assertProblem(
                        given().queryParam("limit", "1000")
                                .get("/api/v1/entities")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("limit"));
        Problems.assertProblem(
                        given().queryParam("speaker", "x").get("/api/v1/quotes").then(), 400)
                .body("errors[0].field", equalTo("speaker"));
        Problems.assertProblem(
                given().queryParam("entity", UUID.randomUUID())
                        .get("/api/v1/claims")
                        .then(),
                404);
        Problems.assertProblem(
                given().get("/api/v1/articles/" + UUID.randomUUID() + "/analysis")
                        .then(),
                404);
        Problems.assertProblem(
                given().contentType("application/json")
                        .body("{}")
                        .post("/api/v1/entities/" + UUID.randomUUID() + "/merge")
                        .then(),
                400);
        Problems.assertProblem(
                given().contentType("application/json")
                        .body("{\"alias\": \"a\\u0000\"}")
                        .post("/api/v1/entities/" + UUID.randomUUID() + "/aliases")
                        .then(),
                400);
        for (String q : new String[] {"%", "_", "'", "\\", "\u0000", "😀", "a' OR '1'='1"}) {
            given().queryParam("q", q).get("/api/v1/entities").then().statusCode(200);
            given().queryParam("q", q).get("/api/v1/quotes").then().statusCode(200);
        }
        RestAssured.given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void entitiesPageWithCursors() {
        for (int i = 0; i < 3; i++) {
            analyse("Paging " + i, "Zorvath Quillane" + (char) ('a' + i) + " met reporters in Oslo.");
        }
        var first = given().queryParam("q", "zorvath")
                .queryParam("limit", 2)
                .get("/api/v1/entities")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .extract();
        given().get(first.<String>path("next"))
                .then()
                .statusCode(200)
                .body("items", hasSize(org.hamcrest.Matchers.greaterThanOrEqualTo(1)))
                .body(
                        "items.id",
                        not(contains(
                                first.<java.util.List<String>>path("items.id").toArray())));
    }
}
