package io.newsgraph.article.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.newsgraph.common.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReadTests {

    @Test
    void listPagesThroughEveryArticleNewestFirst() {
        String source = "paging-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(Api.postJson(Api.uniqueJson(source)));
        }
        List<String> seen = new ArrayList<>();
        String next = "/api/v1/articles?limit=2&source=" + source;
        int pages = 0;
        while (next != null) {
            var page = given().get(next).then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            next = page.path("next");
            pages++;
            if (next != null) {
                org.junit.jupiter.api.Assertions.assertTrue(page.header("Link").contains("rel=\"next\""));
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(3, pages);
        org.junit.jupiter.api.Assertions.assertEquals(ids.reversed(), seen);
    }

    @Test
    void filtersBySourceAuthorAndPublicationTime() {
        String source = "filters-" + UUID.randomUUID();
        String marker = UUID.randomUUID().toString();
        String march = Api.postJson("""
                {"title": "March %s", "body": "In March.", "source": "%s", "author": "Ann Lee", "publishedAt": "2025-03-10T10:00:00Z"}""".formatted(marker, source));
        String april = Api.postJson("""
                {"title": "April %s", "body": "In April.", "source": "%s", "author": "Bo Chan", "publishedAt": "2025-04-10T10:00:00+02:00"}""".formatted(marker, source));
        given().queryParam("source", source.toUpperCase())
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .body("items.id", contains(april, march));
        given().queryParam("source", source)
                .queryParam("author", "ann lee")
                .get("/api/v1/articles")
                .then()
                .body("items.id", contains(march));
        given().queryParam("source", source)
                .queryParam("publishedFrom", "2025-04-01T00:00:00Z")
                .get("/api/v1/articles")
                .then()
                .body("items.id", contains(april))
                .body("items[0].publishedAt", equalTo("2025-04-10T08:00:00Z"));
        given().queryParam("source", source)
                .queryParam("publishedTo", "2025-04-01T00:00:00Z")
                .get("/api/v1/articles")
                .then()
                .body("items.id", contains(march))
                .body("next", nullValue());
    }

    @Test
    void etagAnswersConditionalGets() {
        String id = Api.postJson(Api.uniqueJson("etag.example"));
        given().header("If-None-Match", "\"1\"")
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(304);
        given().header("If-None-Match", "\"0\"")
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("paragraphs", hasSize(2));
    }

    @Test
    void everyResponseCarriesARequestId() {
        given().header("X-Request-Id", "client-id-42")
                .get("/api/v1/articles?limit=1")
                .then()
                .header("X-Request-Id", "client-id-42");
        given().header("X-Request-Id", "bad id\twith spaces")
                .get("/api/v1/articles?limit=1")
                .then()
                .header("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
        given().get("/q/health/live").then().header("X-Request-Id", startsWith(""));
        Problems.assertProblem(
                        given().header("X-Request-Id", "trace-7")
                                .get("/api/v1/nothing-here")
                                .then(),
                        404)
                .header("X-Request-Id", "trace-7")
                .body("requestId", equalTo("trace-7"));
    }
}
