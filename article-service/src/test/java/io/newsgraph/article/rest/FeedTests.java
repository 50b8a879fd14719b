package io.newsgraph.article.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.common.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FeedTests {

    /**
     * Eight writers ingest concurrently while a consumer follows the feed with its cursor. The consumer must see
     * every event exactly once and in strictly increasing positions, although commits interleave.
     */
    @Test
    void aConsumerFollowingTheFeedDuringConcurrentWritesMissesNothing() throws Exception {
        String start = given().queryParam("limit", 1000)
                .get("/api/v1/articles/feed")
                .then()
                .extract()
                .path("cursor");
        while (given().queryParam("after", start)
                .queryParam("limit", 1000)
                .get("/api/v1/articles/feed")
                .<Boolean>path("hasMore")) {
            start = given().queryParam("after", start)
                    .queryParam("limit", 1000)
                    .get("/api/v1/articles/feed")
                    .path("cursor");
        }
        start = given().queryParam("after", start)
                .queryParam("limit", 1000)
                .get("/api/v1/articles/feed")
                .path("cursor");

        int writers = 8;
        int perWriter = 15;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Long> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        Set<String> createdIds = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try {
            String from = start;
            Future<?> consumer = pool.submit(() -> {
                String cursor = from;
                Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
                while (Instant.now().isBefore(deadline)) {
                    boolean done = !writing.get(); // read before fetching: one more full pass after the writers stop
                    var page = given().queryParam("after", cursor)
                            .queryParam("limit", 7)
                            .get("/api/v1/articles/feed")
                            .then()
                            .statusCode(200)
                            .extract();
                    List<Map<String, Object>> events = page.path("events");
                    events.forEach(e -> seen.add(((Number) e.get("seq")).longValue()));
                    cursor = page.path("cursor");
                    if (done && !page.<Boolean>path("hasMore")) {
                        return;
                    }
                }
                throw new AssertionError("consumer did not catch up");
            });
            List<Future<?>> producers = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                producers.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        createdIds.add(Api.postJson(Api.uniqueJson("feed.example")));
                    }
                }));
            }
            for (Future<?> p : producers) {
                p.get();
            }
            writing.set(false);
            consumer.get();
        } finally {
            pool.shutdownNow();
        }
        assertEquals(writers * perWriter, createdIds.size());
        assertEquals(writers * perWriter, seen.size(), "every event exactly once");
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no event twice");
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) > seen.get(i - 1), "positions strictly increase");
            assertEquals(seen.get(i - 1) + 1, seen.get(i), "no gap: positions are dense");
        }
    }

    @Test
    void cursorsAreOpaqueAndValidated() {
        Problems.assertProblem(
                        given().queryParam("after", "not-a-cursor")
                                .get("/api/v1/articles/feed")
                                .then(),
                        400)
                .body("type", org.hamcrest.Matchers.equalTo("https://newsgraph.io/problems/invalid-cursor"));
        // A listing cursor is not a feed cursor.
        for (int i = 0; i < 2; i++) {
            Api.postJson(Api.uniqueJson("cursor.example"));
        }
        String listCursor =
                given().queryParam("limit", 1).get("/api/v1/articles").path("nextCursor");
        Problems.assertProblem(
                given().queryParam("after", listCursor)
                        .get("/api/v1/articles/feed")
                        .then(),
                400);
        Problems.assertProblem(
                given().queryParam("limit", 1001).get("/api/v1/articles/feed").then(), 400);
    }
}
