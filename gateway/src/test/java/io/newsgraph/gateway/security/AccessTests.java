package io.newsgraph.gateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.newsgraph.common.testing.Problems.assertProblem;
import static io.newsgraph.gateway.FakeUpstreams.ADMIN_KEY;
import static io.newsgraph.gateway.FakeUpstreams.READ_KEY;
import static io.newsgraph.gateway.FakeUpstreams.WRITE_KEY;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import io.newsgraph.gateway.FakeUpstreams;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccessTests {

    @BeforeEach
    void upstreamsAnswer() {
        FakeUpstreams.articles().resetAll();
        FakeUpstreams.articles()
                .stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
    }

    @Test
    void missingKeyIs401WithChallenge() {
        assertProblem(given().get("/api/v1/articles").then(), 401, "unauthenticated", "/api/v1/articles")
                .header("WWW-Authenticate", containsString("Bearer"));
        FakeUpstreams.articles().verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void unknownKeyIs401() {
        assertProblem(
                given().header("X-API-Key", "guess").get("/api/v1/articles").then(),
                401,
                "unauthenticated",
                "/api/v1/articles");
        assertProblem(
                given().header("Authorization", "Bearer guess")
                        .get("/api/v1/articles")
                        .then(),
                401,
                "unauthenticated",
                "/api/v1/articles");
        assertProblem(
                given().header("X-API-Key", "local-dev-key")
                        .get("/api/v1/articles")
                        .then(),
                401,
                "unauthenticated",
                "/api/v1/articles"); // configured keys replace the local one
    }

    @Test
    void keyWorksInEitherHeader() {
        given().header("X-API-Key", READ_KEY).get("/api/v1/articles").then().statusCode(200);
        given().header("Authorization", "Bearer " + READ_KEY)
                .get("/api/v1/articles")
                .then()
                .statusCode(200);
    }

    @Test
    void scopesFollowTheMethod() {
        assertProblem(
                given().header("X-API-Key", READ_KEY)
                        .contentType("text/plain")
                        .body("x")
                        .post("/api/v1/articles")
                        .then(),
                403,
                "forbidden",
                "/api/v1/articles");
        assertProblem(
                given().header("X-API-Key", READ_KEY)
                        .delete("/api/v1/articles/1")
                        .then(),
                403,
                "forbidden",
                "/api/v1/articles/1");
        assertProblem(
                given().header("X-API-Key", READ_KEY)
                        .contentType("application/json")
                        .body("{}")
                        .post("/api/v1/entities/1/merge")
                        .then(),
                403,
                "forbidden",
                "/api/v1/entities/1/merge");
        given().header("X-API-Key", WRITE_KEY)
                .contentType("text/plain")
                .body("x")
                .post("/api/v1/articles")
                .then()
                .statusCode(200);
        given().header("X-API-Key", ADMIN_KEY)
                .delete("/api/v1/articles/1")
                .then()
                .statusCode(200);
    }

    @Test
    void successfulCallsCarryRateLimitHeaders() {
        given().header("X-API-Key", READ_KEY)
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .header("RateLimit-Policy", "\"read\";q=1200;w=60")
                .header("RateLimit", matchesPattern("\"read\";r=\\d+;t=\\d+"));
        given().header("X-API-Key", ADMIN_KEY)
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .header("RateLimit-Policy", "\"admin\";q=6000;w=60");
    }

    @Test
    void healthAndDocsNeedNoKey() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("upstreams"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
