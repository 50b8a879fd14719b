package io.newsgraph.alert.rest;

import static io.newsgraph.alert.rest.Alerts.as;

import io.newsgraph.alert.ArticleServiceProcess;
import io.newsgraph.common.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Without article-service no query can be validated: creating a subscription is a 503 problem, never a 500. */
@QuarkusTest
class ArticleServiceOutageTests {

    @Test
    void creatingWhileArticleServiceIsDownIsA503ThenWorksAgain() {
        String key = "k-" + UUID.randomUUID();
        ArticleServiceProcess.kill();
        try {
            Problems.assertProblem(
                    as(key).body("{\"name\": \"down\", \"query\": {\"q\": \"harbour\"}}")
                            .post("/api/v1/subscriptions")
                            .then(),
                    503);
        } finally {
            ArticleServiceProcess.restart();
        }
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofSeconds(1))
                .untilAsserted(() -> as(key).body("{\"name\": \"up\", \"query\": {\"q\": \"harbour\"}}")
                        .post("/api/v1/subscriptions")
                        .then()
                        .statusCode(201));
    }
}
