package io.newsgraph.article.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.newsgraph.common.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The wire metadata read from the text, on the article, its versions and the change feed. */
@QuarkusTest
class WireMetadataTests {

    private static String reutersStyle(String marker) {
        return """
                Grain shipments resume %s

                By Marta Kowal

                ODESA, Ukraine, March 3 (Reuters) - Grain ships left the southern port on Monday, port officials said.

                A cargo ship waits near the port entrance on March 2, 2025. REUTERS/Oleh Petrenko/File Photo

                Insurers said premiums had eased %s.

                (Reporting by Marta Kowal in Odesa; Editing by Sam Hart)
                """.formatted(marker, marker);
    }

    @Test
    void datelineAgencyCaptionCreditsAndFootersOnTheArticle() {
        String marker = UUID.randomUUID().toString();
        String id = given().contentType("text/plain; charset=utf-8")
                .body(reutersStyle(marker))
                .queryParam("publishedAt", "2025-03-03T15:00:00Z")
                .post("/api/v1/articles")
                .then()
                .statusCode(201)
                .body("source", equalTo("Reuters"))
                .body("agency", equalTo("Reuters"))
                .body("author", equalTo("Marta Kowal"))
                .body("dateline", equalTo("ODESA, Ukraine"))
                .body("datelineText", equalTo("ODESA, Ukraine, March 3 (Reuters) -"))
                .body("datelineMonthDay", equalTo("--03-03"))
                .body("datelineDate", equalTo("2025-03-03"))
                .body("bylineDate", nullValue())
                .body("publishedAt", equalTo("2025-03-03T15:00:00Z"))
                .body("publishedAtSource", equalTo("REQUEST"))
                .body("paragraphs[0]", equalTo("Grain ships left the southern port on Monday, port officials said."))
                .body("body", not(containsString("(Reuters)")))
                .body("body", not(containsString("Editing by")))
                .body("captions[0].text", equalTo("A cargo ship waits near the port entrance on March 2, 2025."))
                .body("captions[0].credit", equalTo("REUTERS/Oleh Petrenko/File Photo"))
                .body("captions[0].agency", equalTo("Reuters"))
                .body("captions[0].photographer", equalTo("Oleh Petrenko"))
                .body("footers", equalTo(List.of("(Reporting by Marta Kowal in Odesa; Editing by Sam Hart)")))
                .body("credits[0].role", equalTo("reporting"))
                .body("credits[0].names", equalTo(List.of("Marta Kowal")))
                .body("credits[1].role", equalTo("editing"))
                .extract()
                .path("id");

        given().get("/api/v1/articles/{id}/versions/1", id)
                .then()
                .statusCode(200)
                .body("datelineText", equalTo("ODESA, Ukraine, March 3 (Reuters) -"))
                .body("agency", equalTo("Reuters"))
                .body("credits[1].names", equalTo(List.of("Sam Hart")));
    }

    @Test
    void feedItemsCarryDatelineCaptionsAndBylineDate() {
        String marker = UUID.randomUUID().toString();
        String wire = given().contentType("text/plain; charset=utf-8")
                .body(reutersStyle(marker))
                .post("/api/v1/articles")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String dated = given().contentType("text/plain; charset=utf-8")
                .body("""
                Rural schools get new libraries %s

                By ZHANG YI in Chengdu | China Daily | Updated: 2025-03-03 07:32

                More than 200 rural schools have opened new libraries, officials said %s.
                """.formatted(marker, marker))
                .post("/api/v1/articles")
                .then()
                .statusCode(201)
                .body("bylineDate", equalTo("2025-03-03"))
                .body("source", equalTo("China Daily"))
                .body("publishedAt", equalTo("2025-03-03T00:00:00Z"))
                .body("publishedAtSource", equalTo("BYLINE"))
                .body("dateline", equalTo("Chengdu"))
                .body("datelineText", nullValue())
                .extract()
                .path("id");

        Map<String, Map<String, Object>> events = new java.util.HashMap<>();
        String cursor = null;
        boolean more = true;
        while (more) {
            var page = given().queryParam("limit", 1000)
                    .queryParam("after", cursor == null ? "" : cursor)
                    .get("/api/v1/articles/feed")
                    .then()
                    .statusCode(200)
                    .extract();
            List<Map<String, Object>> items = page.path("events");
            items.forEach(e -> events.put((String) e.get("articleId"), e));
            cursor = page.path("cursor");
            more = page.path("hasMore");
        }
        Map<String, Object> wireEvent = events.get(wire);
        assertNotNull(wireEvent);
        assertEquals("ODESA, Ukraine, March 3 (Reuters) -", wireEvent.get("datelineText"));
        assertEquals(
                List.of(Map.of(
                        "text",
                        "A cargo ship waits near the port entrance on March 2, 2025.",
                        "credit",
                        "REUTERS/Oleh Petrenko/File Photo")),
                wireEvent.get("captions"));
        assertEquals(null, wireEvent.get("bylineDate"));
        assertEquals(
                Set.of(
                        "seq",
                        "kind",
                        "articleId",
                        "version",
                        "occurredAt",
                        "datelineText",
                        "captions",
                        "bylineDate",
                        "traceparent"),
                wireEvent.keySet());
        assertEquals(null, wireEvent.get("traceparent")); // tracing is off in these tests: the write had no trace

        Map<String, Object> datedEvent = events.get(dated);
        assertEquals("2025-03-03", datedEvent.get("bylineDate"));
        assertEquals(null, datedEvent.get("datelineText"));
        assertEquals(List.of(), datedEvent.get("captions"));
    }

    @Test
    void agencyNamesAreStoredAndFilteredUnderOneCanonicalSource() {
        String marker = UUID.randomUUID().toString();
        String id = given().contentType("application/json")
                .body("""
                {"title": "Wine exports rise %s", "source": "Agence France-Presse",
                 "body": "French wine exports rose for a third year running, the federation said %s."}""".formatted(marker, marker))
                .post("/api/v1/articles")
                .then()
                .statusCode(201)
                .body("source", equalTo("AFP"))
                .body("agency", equalTo("AFP"))
                .extract()
                .path("id");
        for (String name : List.of("Agence France-Presse", "AFP", "afp")) {
            given().queryParam("source", name)
                    .queryParam("limit", 100)
                    .get("/api/v1/articles")
                    .then()
                    .statusCode(200)
                    .body("items.id", hasItem(id));
        }
    }

    @Test
    void textThatIsOnlyMetadataIsUnprocessable() {
        Problems.assertProblem(
                        given().contentType("text/plain")
                                .body("""
                Grain shipments resume

                ODESA, March 3 (Reuters) -

                A cargo ship waits near the port. REUTERS/Oleh Petrenko

                (Reporting by Marta Kowal; Editing by Sam Hart)
                """)
                                .post("/api/v1/articles")
                                .then(),
                        422)
                .body("errors[0].field", equalTo("body"));
    }
}
