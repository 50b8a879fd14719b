package io.newsgraph.article.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.article.PrivateSearchProfile;
import io.newsgraph.common.testing.PrivateSearchNode;
import io.newsgraph.common.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * OpenSearch killed (SIGKILL to a node of this test's own) in the middle of an ingest: ingest, reads and readiness go
 * on, searches (and related, trends, source and author suggest) answer 503 problem+json with Retry-After, the pending gauge shows the
 * backlog, and once the node is back every article is searchable exactly once, with the updates and deletes made
 * during the outage.
 */
@QuarkusTest
@TestProfile(PrivateSearchProfile.class)
class SearchOutageTests {
    private static final Pattern PENDING =
            Pattern.compile("newsgraph_search_index_pending\\{index=\"articles\"[^}]*} (\\d+)\\.0");
    private static final int ARTICLES = 120;

    @Test
    void killingOpenSearchMidIngestLosesNothing() throws Exception {
        String word = "kvorum" + Long.toString(System.nanoTime(), 36);
        CountDownLatch halfway = new CountDownLatch(1);
        CompletableFuture<List<String>> ingest = CompletableFuture.supplyAsync(() -> {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < ARTICLES; i++) {
                ids.add(Api.postJson("""
                        {"title": "%s session %d", "body": "Deputies met on day %d.\\n\\nThe %s was reached.", "source": "outage.example"}""".formatted(word, i, i, word)));
                if (i == ARTICLES / 2) {
                    halfway.countDown();
                }
            }
            return ids;
        });
        assertTrue(halfway.await(2, TimeUnit.MINUTES), "ingest reached half way");
        PrivateSearchNode.killNode();
        List<String> ids = ingest.get(3, TimeUnit.MINUTES); // every POST answered 201 (Api.postJson checks it)

        // While it is down: reads and readiness carry on, an update and a delete are accepted, search says 503.
        String updated = ids.get(0);
        String deleted = ids.get(1);
        String etag = given().get("/api/v1/articles/" + updated)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().contentType("application/json")
                .header("If-Match", etag)
                .body("""
                {"title": "%s revised", "body": "Revised after the outage began.", "source": "outage.example"}""".formatted(word))
                .put("/api/v1/articles/" + updated)
                .then()
                .statusCode(200);
        given().delete("/api/v1/articles/" + deleted).then().statusCode(204);
        given().get("/q/health/ready").then().statusCode(200);
        Problems.assertProblem(
                        given().queryParam("q", word).get("/api/v1/search").then(),
                        503,
                        "search-unavailable",
                        "/api/v1/search")
                .header("Retry-After", equalTo("5"));
        for (String path : new String[] {
            "/api/v1/articles/" + updated + "/related",
            "/api/v1/trends/entities",
            "/api/v1/suggest?prefix=ky&kind=source"
        }) {
            Problems.assertProblem(given().get(path).then(), 503, "search-unavailable", path.replaceAll("\\?.*", ""))
                    .header("Retry-After", equalTo("5"));
        }
        // Entity completion reads PostgreSQL: it carries on.
        given().queryParam("prefix", "ky").get("/api/v1/suggest").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> pending() > 0);

        PrivateSearchNode.startNode();
        Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> pending() == 0
                        && given().queryParam("q", word)
                                        .queryParam("duplicates", "show")
                                        .get("/api/v1/search")
                                        .statusCode()
                                == 200);

        Set<String> expected = new HashSet<>(ids);
        expected.remove(deleted);
        assertEquals(expected, allHits(word), "every live article once, the deleted one gone");
        given().queryParam("q", word + " revised")
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("total.value", equalTo(1))
                .body("hits[0].id", equalTo(updated))
                .body("hits[0].highlights.title[0].text", containsString("<mark>"));
    }

    /** Ids of every hit, across cursor pages; fails on a hit seen twice. */
    private static Set<String> allHits(String word) {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            var request = given().queryParam("q", word)
                    .queryParam("duplicates", "show")
                    .queryParam("limit", 50)
                    .queryParam("sort", "date");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/search").then().statusCode(200).extract();
            List<String> hits = page.path("hits.id");
            hits.forEach(id -> assertTrue(seen.add(id), id + " twice"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return seen;
    }

    private static long pending() {
        Matcher m = PENDING.matcher(
                given().get("/q/metrics").then().statusCode(200).extract().asString());
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
