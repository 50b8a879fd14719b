package io.newsgraph.entity.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.newsgraph.entity.client.ArticleFeedPage;
import io.newsgraph.entity.client.ArticleVersion;
import io.newsgraph.entity.repository.JobRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Job handling with the scheduler running. article-service is not running in these tests (its URL points
 * to a closed port), which is the real fault behind retries and parking.
 */
@QuarkusTest
class JobWorkerTests {

    @Inject
    JobRepository jobs;

    @Inject
    ArticleAnalyser analyser;

    @BeforeEach
    void modelLoaded() {
        Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    private static long nextSeq = 1_000_000;

    private void enqueue(UUID article, int version, String kind) {
        long seq = nextSeq++;
        QuarkusTransaction.requiringNew()
                .run(() -> jobs.enqueue(
                        List.of(new ArticleFeedPage.Event(seq, kind, article, version, Instant.now(), null))));
    }

    @Test
    void unreachableArticlesAreRetriedThenParkedAndShown() {
        UUID article = UUID.randomUUID();
        enqueue(article, 1, "CREATED");
        Awaitility.await()
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().get("/api/v1/extraction/status")
                        .then()
                        .statusCode(200)
                        .body("parked.articleId", hasItem(article.toString()))
                        .body("parked.find { it.articleId == '%s' }.attempts".formatted(article), equalTo(2)));
    }

    @Test
    void aDeleteRemovesTheAnalysisAndSupersedesOlderVersions() {
        UUID article = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> analyser.analyseAndStore(new ArticleVersion(
                        article, 1, "CREATED", "Talks", "Minister Ann Lee met reporters in Oslo.", Instant.now())));
        given().get("/api/v1/articles/" + article + "/analysis").then().statusCode(200);
        enqueue(article, 2, "UPDATED"); // would need article-service, but the delete below supersedes it
        enqueue(article, 3, "DELETED");
        Awaitility.await()
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().get("/api/v1/articles/" + article + "/analysis")
                        .then()
                        .statusCode(404));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> jobs.backlog().pending() == 0));
        given().get("/api/v1/extraction/status")
                .then()
                .body("parked.articleId", org.hamcrest.Matchers.not(hasItem(article.toString())));
    }
}
