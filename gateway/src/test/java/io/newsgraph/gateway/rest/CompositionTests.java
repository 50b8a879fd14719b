package io.newsgraph.gateway.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.newsgraph.common.testing.Problems.assertProblem;
import static io.newsgraph.gateway.FakeUpstreams.READ_KEY;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import io.newsgraph.gateway.FakeUpstreams;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CompositionTests {
    private static final String ARTICLE =
            "{\"id\":\"a1\",\"version\":1,\"title\":\"US talks set\",\"author\":\"HENG WEILI\"}";

    @BeforeEach
    void reset() {
        FakeUpstreams.articles().resetAll();
        FakeUpstreams.entities().resetAll();
    }

    private static void article(String id, String title) {
        FakeUpstreams.articles()
                .stubFor(get(urlPathEqualTo("/api/v1/articles/" + id))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"id\":\"" + id + "\",\"title\":\"" + title + "\"}")));
    }

    @Test
    void articleWithItsAnalysis() {
        FakeUpstreams.articles()
                .stubFor(get(urlPathEqualTo("/api/v1/articles/a1"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody(ARTICLE)));
        FakeUpstreams.entities()
                .stubFor(get(urlPathEqualTo("/api/v1/articles/a1/analysis"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"entities\":[{\"name\":\"Rustem Umerov\"}]}")));
        given().header("X-API-Key", READ_KEY)
                .header("X-Request-Id", "compose-1")
                .get("/api/v1/articles/a1?include=analysis")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "compose-1")
                .body("title", equalTo("US talks set"))
                .body("analysis.entities[0].name", equalTo("Rustem Umerov"))
                .body("warnings", empty());
        FakeUpstreams.entities()
                .verify(getRequestedFor(urlPathEqualTo("/api/v1/articles/a1/analysis"))
                        .withHeader("X-Request-Id", WireMock.equalTo("compose-1")));
    }

    @Test
    void withoutIncludeTheArticleIsProxiedAsIs() {
        FakeUpstreams.articles()
                .stubFor(get(urlPathEqualTo("/api/v1/articles/a1"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("ETag", "\"1\"")
                                .withHeader("Content-Type", "application/json")
                                .withBody(ARTICLE)));
        given().header("X-API-Key", READ_KEY)
                .get("/api/v1/articles/a1")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("analysis", nullValue())
                .body("warnings", nullValue());
        FakeUpstreams.entities().verify(0, getRequestedFor(WireMock.anyUrl()));
    }

    @Test
    void slowAnalysisDegradesToAWarning() {
        FakeUpstreams.articles()
                .stubFor(get(urlPathEqualTo("/api/v1/articles/a1"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody(ARTICLE)));
        FakeUpstreams.entities()
                .stubFor(get(urlPathEqualTo("/api/v1/articles/a1/analysis"))
                        .willReturn(
                                aResponse().withStatus(200).withFixedDelay(3000).withBody("{}")));
        given().header("X-API-Key", READ_KEY)
                .get("/api/v1/articles/a1?include=analysis")
                .then()
                .statusCode(200)
                .body("title", equalTo("US talks set"))
                .body("analysis", nullValue())
                .body("warnings", contains("analysis unavailable: entity-service timed out"));
    }

    @Test
    void entityServiceDownDegradesToAWarning() {
        FakeUpstreams.articles()
                .stubFor(get(urlPathEqualTo("/api/v1/articles/a1"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody(ARTICLE)));
        FakeUpstreams.entities()
                .stubFor(get(urlPathEqualTo("/api/v1/articles/a1/analysis"))
                        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().header("X-API-Key", READ_KEY)
                .get("/api/v1/articles/a1?include=analysis")
                .then()
                .statusCode(200)
                .body("analysis", nullValue())
                .body("warnings", contains("analysis unavailable: entity-service is unreachable"));
    }

    @Test
    void failingAnalysisSaysWhatTheUpstreamAnswered() {
        FakeUpstreams.articles()
                .stubFor(get(urlPathEqualTo("/api/v1/articles/a1"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody(ARTICLE)));
        FakeUpstreams.entities()
                .stubFor(get(urlPathEqualTo("/api/v1/articles/a1/analysis"))
                        .willReturn(aResponse().withStatus(500)));
        given().header("X-API-Key", READ_KEY)
                .get("/api/v1/articles/a1?include=analysis")
                .then()
                .statusCode(200)
                .body("analysis", nullValue())
                .body("warnings", contains("analysis unavailable: entity-service answered 500"));
    }

    @Test
    void missingArticleStaysA404() {
        FakeUpstreams.articles()
                .stubFor(
                        get(urlPathEqualTo("/api/v1/articles/nope"))
                                .willReturn(
                                        aResponse()
                                                .withStatus(404)
                                                .withHeader("Content-Type", "application/problem+json")
                                                .withBody(
                                                        "{\"type\":\"https://newsgraph.io/problems/not-found\",\"title\":\"Resource not found\",\"status\":404,"
                                                                + "\"detail\":\"Article nope does not exist\",\"instance\":\"/api/v1/articles/nope\"}")));
        assertProblem(
                given().header("X-API-Key", READ_KEY)
                        .get("/api/v1/articles/nope?include=analysis")
                        .then(),
                404,
                "not-found",
                "/api/v1/articles/nope");
    }

    @Test
    void articleServiceDownIs503() {
        FakeUpstreams.articles()
                .stubFor(get(urlPathEqualTo("/api/v1/articles/a2"))
                        .willReturn(aResponse().withStatus(500)));
        assertProblem(
                        given().header("X-API-Key", READ_KEY)
                                .get("/api/v1/articles/a2?include=analysis")
                                .then(),
                        503,
                        "upstream-unavailable",
                        "/api/v1/articles/a2")
                .header("Retry-After", equalTo("10"))
                .body("detail", equalTo("article-service answered 500"));
    }

    @Test
    void entityWithTitlesOfItsRecentArticles() {
        FakeUpstreams.entities()
                .stubFor(get(urlPathEqualTo("/api/v1/entities/e1"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"id\":\"e1\",\"name\":\"Kyiv\",\"type\":\"LOCATION\"}")));
        FakeUpstreams.entities()
                .stubFor(
                        get(urlPathEqualTo("/api/v1/entities/e1/articles"))
                                .withQueryParam("limit", WireMock.equalTo("5"))
                                .willReturn(
                                        aResponse()
                                                .withStatus(200)
                                                .withHeader("Content-Type", "application/json")
                                                .withBody(
                                                        "{\"items\":[{\"articleId\":\"a1\"},{\"articleId\":\"a2\"}],\"nextCursor\":null}")));
        article("a1", "First");
        article("a2", "Second");
        given().header("X-API-Key", READ_KEY)
                .get("/api/v1/entities/e1")
                .then()
                .statusCode(200)
                .body("name", equalTo("Kyiv"))
                .body("recentArticles.id", contains("a1", "a2"))
                .body("recentArticles.title", contains("First", "Second"))
                .body("warnings", empty());
    }

    @Test
    void entityWithArticleServiceDownKeepsIdsAndWarns() {
        FakeUpstreams.entities()
                .stubFor(get(urlPathEqualTo("/api/v1/entities/e2"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"id\":\"e2\",\"name\":\"Umerov\"}")));
        FakeUpstreams.entities()
                .stubFor(get(urlPathEqualTo("/api/v1/entities/e2/articles"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"items\":[{\"id\":\"a9\"}]}")));
        FakeUpstreams.articles()
                .stubFor(get(urlPathEqualTo("/api/v1/articles/a9"))
                        .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        given().header("X-API-Key", READ_KEY)
                .get("/api/v1/entities/e2")
                .then()
                .statusCode(200)
                .body("recentArticles[0].id", equalTo("a9"))
                .body("recentArticles[0].title", nullValue())
                .body("warnings", contains("article titles unavailable: article-service is unreachable"));
    }

    @Test
    void entityServiceDownIs503ForAnEntity() {
        FakeUpstreams.entities()
                .stubFor(get(WireMock.urlPathMatching("/api/v1/entities/e3.*"))
                        .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        assertProblem(
                given().header("X-API-Key", READ_KEY).get("/api/v1/entities/e3").then(),
                503,
                "upstream-unavailable",
                "/api/v1/entities/e3");
    }
}
