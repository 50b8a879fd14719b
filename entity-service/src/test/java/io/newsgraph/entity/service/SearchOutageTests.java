package io.newsgraph.entity.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import io.newsgraph.common.testing.PrivateSearchNode;
import io.newsgraph.common.testing.Problems;
import io.newsgraph.entity.PrivateSearchProfile;
import io.newsgraph.entity.client.ArticleVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * OpenSearch stopped (SIGTERM to a node of this test's own) while articles are analysed: analysis and readiness go on,
 * searches answer 503 with Retry-After, the lag shows in the metrics, and once the node is back the index catches up.
 */
@QuarkusTest
@TestProfile(PrivateSearchProfile.class)
class SearchOutageTests {

    @Inject
    ArticleAnalyser analyser;

    @Test
    void analysisGoesOnWhileSearchIsDownAndTheIndexCatchesUpAfter() {
        Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
        UUID before = analyse("Before", "\"The vostrel plan is ready,\" Minister Kalle Ruud said in Oslo.");
        awaitHits("vostrel", 1);

        PrivateSearchNode.stopNode();
        UUID during = analyse(
                "During", "\"The vostrel plan needs a second vostrel vote,\" Senator Ines Carvalho said in Lisbon.");
        given().get("/api/v1/articles/" + during + "/analysis").then().statusCode(200); // stored without OpenSearch
        given().get("/q/health/ready").then().statusCode(200);
        Problems.assertProblem(
                        given().queryParam("q", "vostrel").get("/api/v1/quotes").then(), 503)
                .header("Retry-After", "5")
                .body("type", containsString("search-unavailable"));
        given().get("/api/v1/quotes").then().statusCode(200); // the listing without q does not need the index
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/q/metrics")
                        .then()
                        // At least the change made during the outage; a speaker's entity change can add rows for the
                        // same article.
                        .body(matchesPattern(
                                "(?s).*newsgraph_search_index_pending\\{index=\"quotes\"} [1-9][0-9]*\\.0.*")));

        PrivateSearchNode.startNode();
        awaitHits("vostrel", 2);
        given().queryParam("q", "vostrel")
                .get("/api/v1/quotes")
                .then()
                .body("items[0].articleId", equalTo(during.toString()))
                .body("items[1].articleId", equalTo(before.toString()));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/q/metrics")
                        .then()
                        .body(containsString("newsgraph_search_index_pending{index=\"quotes\"} 0.0")));
    }

    private UUID analyse(String title, String body) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> analyser.analyseAndStore(
                        new ArticleVersion(id, 1, "CREATED", title, body, Instant.parse("2025-03-23T12:00:00Z"))));
        return id;
    }

    private static void awaitHits(String q, int count) {
        Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> given().queryParam("q", q)
                        .get("/api/v1/quotes")
                        .then()
                        .statusCode(200)
                        .body("items", hasSize(count)));
    }
}
