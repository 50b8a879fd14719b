package io.newsgraph.article.rest;

import io.newsgraph.common.testing.Problems;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SearchTests {

    @Test
    void titleMatchesRankAboveBodyMatchesWithSafeSnippetsAndFacets() {
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String inBody = Api.postJson("""
                {"title": "Weather report %s", "body": "Rain and <b>wind</b> & the %s festival were postponed.", "source": "body.example"}""".formatted(UUID.randomUUID(), word));
        String inTitle = Api.postJson("""
                {"title": "The %s festival opens", "body": "Crowds gathered on Friday for the opening.", "source": "title.example"}""".formatted(word));
        given().queryParam("q", word).get("/api/v1/search").then().statusCode(200)
                .body("total", equalTo(2))
                .body("totalExact", equalTo(true))
                .body("hits.id", contains(inTitle, inBody))
                .body("hits[1].snippet", containsString("<mark>" + word + "</mark>"))
                // PostgreSQL drops tags from headlines; what remains is escaped, so a snippet is safe to render.
                .body("hits[1].snippet", containsString("wind"))
                .body("hits[1].snippet", containsString("&amp;"))
                .body("hits[1].snippet", not(containsString("<b>")))
                .body("facets.source.value", org.hamcrest.Matchers.containsInAnyOrder("body.example", "title.example"))
                .body("facets.source.count", contains(1, 1));
        given().queryParam("q", word).queryParam("source", "TITLE.example").get("/api/v1/search").then()
                .body("hits.id", contains(inTitle));
    }

    @Test
    void webSearchSyntaxPhrasesAndExclusion() {
        String word = "zr" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String harbour = Api.postJson("""
                {"title": "Ports %s", "body": "The northern harbour reopened.", "source": "s.example"}""".formatted(word));
        String airport = Api.postJson("""
                {"title": "Airports %s", "body": "The harbour northern airport closed.", "source": "s.example"}""".formatted(word));
        given().queryParam("q", word + " \"northern harbour\"").get("/api/v1/search").then().body("hits.id", contains(harbour));
        given().queryParam("q", word + " -airport").get("/api/v1/search").then().body("hits.id", contains(harbour));
        given().queryParam("q", word + " or nothingmatches").get("/api/v1/search").then().body("hits", hasSize(2))
                .body("hits.id", hasItem(airport));
    }

    @Test
    void pagesThroughHits() {
        String word = "zs" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        for (int i = 0; i < 3; i++) {
            Api.postJson("{\"title\": \"%s number %d\", \"body\": \"Text %s.\"}".formatted(word, i, UUID.randomUUID()));
        }
        var first = given().queryParam("q", word).queryParam("limit", 2).get("/api/v1/search").then().statusCode(200)
                .body("hits", hasSize(2)).body("total", equalTo(3)).extract();
        String cursor = first.path("nextCursor");
        given().queryParam("q", word).queryParam("limit", 2).queryParam("cursor", cursor).get("/api/v1/search").then()
                .body("hits", hasSize(1)).body("hits[0].id", not(org.hamcrest.Matchers.in(first.<java.util.List<String>>path("hits.id"))))
                .body("nextCursor", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void anyUserTextGivesResultsOrAnEmptyListNeverAnError() {
        Api.postJson(Api.uniqueJson("hostile.example"));
        String[] queries = {"\"", "\"\"\"", "&", "|", "!", ":", "*", "()", "(", ")", "&|!:*()", "a & | b", "!!!x", "foo:*",
                "'", "\\", "--", "-", "or", "and or not", "ü ñ 日本語 العربية", "😀", "a\u0000b", "%00", "' OR 1=1 --",
                "<script>alert(1)</script>", "talks:A", "x".repeat(500), "cease-fire & (", "\u0007\u001b"};
        for (String q : queries) {
            given().queryParam("q", q).get("/api/v1/search").then().statusCode(200)
                    .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(0))
                    .body("hits.size()", lessThanOrEqualTo(10));
        }
    }

    @Test
    void missingOrOverlongQueriesAreClientErrors() {
        Problems.assertProblem(given().get("/api/v1/search").then(), 400).body("errors[0].field", equalTo("q"));
        Problems.assertProblem(given().queryParam("q", "  ").get("/api/v1/search").then(), 400);
        Problems.assertProblem(given().queryParam("q", "x".repeat(501)).get("/api/v1/search").then(), 400);
        Problems.assertProblem(given().queryParam("q", "x").queryParam("cursor", "garbage").get("/api/v1/search").then(), 400)
                .body("errors[0].field", equalTo("cursor"));
        Problems.assertProblem(given().queryParam("q", "x").queryParam("limit", 0).get("/api/v1/search").then(), 400)
                .body("errors[0].field", equalTo("limit"));
    }
}
