package io.newsgraph.entity.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.newsgraph.common.testing.Problems;
import io.newsgraph.entity.SampleBody;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExtractResourceTests {

    @BeforeEach
    void modelLoaded() {
        Api.awaitModel();
    }

    @Test
    void analysesTheSampleStatelessly() {
        String request = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode()
                .put("title", SampleBody.title())
                .put("text", SampleBody.body())
                .put("publishedAt", "2025-03-23T12:00:00Z")
                .toString();
        JsonPath analysis = given().contentType("application/json")
                .body(request)
                .post("/api/v1/extract")
                .then()
                .statusCode(200)
                .body("articleId", equalTo(null))
                .body(
                        "entities.findAll { it.type == 'PERSON' }.name",
                        hasItems(
                                "Steve Witkoff",
                                "Donald Trump",
                                "Vladimir Putin",
                                "Volodymyr Zelensky",
                                "Dmitry Kuznets",
                                "John Coale",
                                "Pete Hegseth"))
                .body(
                        "entities.findAll { it.type == 'LOCATION' }.name",
                        hasItems("Saudi Arabia", "Riyadh", "Kyiv", "Black Sea"))
                .body("entities.findAll { it.type == 'ORGANIZATION' }.name", hasItems("Fox News", "NATO", "Meduza"))
                .body("entities.name", not(hasItem("Ukrainian")))
                .body("entities.find { it.name == 'Steve Witkoff' }.roles", hasItem("US special envoy"))
                .body("entities[0].salience", equalTo(1.0f))
                .body("claims.find { it.value == 1100 }.qualifier", equalTo("almost"))
                .body("claims.find { it.value == 1100 }.unit", equalTo("strike drones"))
                .body("claims.find { it.value == 1100 }.claimant.name", equalTo("Volodymyr Zelensky"))
                .body("dates.find { it.surface == 'April 20' }.resolved", equalTo("2025-04-20"))
                .extract()
                .jsonPath();
        // Offsets point into the text sent.
        String body = SampleBody.body();
        List<Map<String, Object>> mentions = analysis.getList("entities.mentions.flatten()");
        for (Map<String, Object> m : mentions) {
            org.junit.jupiter.api.Assertions.assertEquals(
                    m.get("surface"), body.substring((Integer) m.get("start"), (Integer) m.get("end")));
        }
        List<String> witkoffQuotes =
                analysis.getList("quotes.findAll { it.kind == 'DIRECT' && it.speaker.name == 'Steve Witkoff' }.text");
        org.junit.jupiter.api.Assertions.assertTrue(witkoffQuotes.size() >= 2, witkoffQuotes.toString());
        org.junit.jupiter.api.Assertions.assertTrue(
                analysis.getList("quotes.speaker.description").contains("A Ukrainian official"));
    }

    @Test
    void datelineInTheTextGivesTheReferenceDateAndIsNoEntity() {
        given().contentType("text/plain; charset=utf-8")
                .body("KYIV, March 3, 2025 (Reuters) - Mayor Ihor Petrenko said on Monday that schools would reopen.")
                .post("/api/v1/extract")
                .then()
                .statusCode(200)
                .body("referenceDate.value", equalTo("2025-03-03"))
                .body("referenceDate.source", equalTo("DATELINE"))
                .body("dates.find { it.surface == 'Monday' }.resolved", equalTo("2025-03-03"))
                .body("entities.name", not(hasItem("Reuters")))
                .body("quotes[0].kind", equalTo("INDIRECT"))
                .body("quotes[0].speaker.name", equalTo("Ihor Petrenko"))
                .body("quotes[0].onBehalfOf", equalTo(null));
    }

    @Test
    void plainTextWorksToo() {
        given().contentType("text/plain; charset=utf-8")
                .queryParam("publishedAt", "2025-03-23T12:00:00Z")
                .body(
                        "Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Monday. \"We agree,\" Scholz said.")
                .post("/api/v1/extract")
                .then()
                .statusCode(200)
                .body(
                        "entities.findAll { it.type == 'PERSON' }.name",
                        containsInAnyOrder("Olaf Scholz", "Emmanuel Macron"))
                .body("quotes[0].speaker.name", equalTo("Olaf Scholz"))
                .body(
                        "dates[0].resolved",
                        equalTo("2025-03-17")); // "met … on Monday": past tense, the Monday before publication
    }

    @Test
    void badRequestsAreProblems() {
        Problems.assertProblem(
                        given().contentType("application/json")
                                .body("{\"text\": \"\"}")
                                .post("/api/v1/extract")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("text"));
        Problems.assertProblem(
                given().contentType("application/json")
                        .body("{\"text\": ")
                        .post("/api/v1/extract")
                        .then(),
                400);
        Problems.assertProblem(
                given().contentType("application/json")
                        .body("{\"text\": \"x\", \"publishedAt\": \"Sunday\"}")
                        .post("/api/v1/extract")
                        .then(),
                400);
        Problems.assertProblem(
                given().contentType("text/plain")
                        .body(" ")
                        .post("/api/v1/extract")
                        .then(),
                400);
        Problems.assertProblem(
                given().contentType("text/plain")
                        .queryParam("publishedAt", "x")
                        .body("Text.")
                        .post("/api/v1/extract")
                        .then(),
                400);
        Problems.assertProblem(
                given().contentType("application/json")
                        .body("{\"text\": \"" + "a ".repeat(100_001) + "\"}")
                        .post("/api/v1/extract")
                        .then(),
                400);
        Problems.assertProblem(
                given().contentType("text/plain")
                        .body("x".repeat(2 * 1024 * 1024))
                        .post("/api/v1/extract")
                        .then(),
                413);
        Problems.assertProblem(
                given().contentType("application/xml")
                        .body("<a/>")
                        .post("/api/v1/extract")
                        .then(),
                415);
    }
}
