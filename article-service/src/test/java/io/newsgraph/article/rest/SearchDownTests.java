package io.newsgraph.article.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.newsgraph.article.SearchDown;
import io.newsgraph.common.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** OpenSearch unreachable: searches (and related stories, trends, suggest) answer 503 problem+json with Retry-After; ingest, reads and readiness do not depend on it. */
@QuarkusTest
@TestProfile(SearchDown.class)
class SearchDownTests {

    @Test
    void searchAnswers503WhileIngestAndReadinessCarryOn() {
        String id = Api.postJson(Api.uniqueJson("down.example"));
        given().get("/api/v1/articles/" + id).then().statusCode(200);
        Problems.assertProblem(given().queryParam("q", "talks").get("/api/v1/search").then(), 503, "search-unavailable", "/api/v1/search")
                .header("Retry-After", equalTo("5"));
        for (String path : new String[] {"/api/v1/articles/" + id + "/related", "/api/v1/trends/entities", "/api/v1/suggest?prefix=ky"}) {
            Problems.assertProblem(given().get(path).then(), 503, "search-unavailable", path.replaceAll("\\?.*", ""))
                    .header("Retry-After", equalTo("5"));
        }
        given().get("/q/health/ready").then().statusCode(200);
    }
}
