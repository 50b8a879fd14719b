package io.newsgraph.alert.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.alert.repository.Jdbc;
import io.newsgraph.alert.repository.Subscription;
import io.newsgraph.alert.repository.SubscriptionIndex;
import io.newsgraph.alert.repository.SubscriptionRepository;
import io.newsgraph.common.search.SearchEngine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The index sync and the requests that create or change subscriptions share the rows' index_pending flag: a request must
 * never queue behind a sync batch that holds the rows (requests once piled up there until the connection pool ran dry
 * and answered 500), and the batch marks what it wrote.
 */
@QuarkusTest
class IndexSyncTests {
    @Inject
    IndexSync sync;

    @Inject
    SubscriptionRepository subscriptions;

    @Inject
    SubscriptionIndex index;

    @Inject
    SearchEngine engine;

    @Inject
    Jdbc jdbc;

    @Test
    void aRequestDoesNotWaitForTheRowsASyncBatchHoldsAndTheBatchMarksThemIndexed() throws Exception {
        UUID id = UUID.fromString(given().header("X-Newsgraph-Key", "k-" + UUID.randomUUID())
                .contentType("application/json")
                .body("{\"name\": \"sync\", \"query\": {\"q\": \"harbour\"}}")
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        assertFalse(pending(id), "indexed by its request");
        // A revision the index does not hold yet, as after a change whose write to OpenSearch failed.
        jdbc.update("UPDATE subscription SET revision = revision + 1, index_pending = true WHERE id = ?", id);
        long revision = subscriptions.byId(id).map(Subscription::revision).orElseThrow();

        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Own threads: the common pool may have a single thread, which the holder occupies.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CompletableFuture<Boolean> holder = CompletableFuture.supplyAsync(
                () -> QuarkusTransaction.requiringNew().call(() -> {
                    boolean held = subscriptions.lockIndexPending(1000).stream().anyMatch(s -> s.id().equals(id));
                    locked.countDown();
                    release.await(60, TimeUnit.SECONDS);
                    return held;
                }),
                threads);
        assertTrue(locked.await(30, TimeUnit.SECONDS));
        try {
            // Without SKIP LOCKED this waits until the holder commits (60 s): the future would time out.
            CompletableFuture.runAsync(() -> subscriptions.indexed(id, revision))
                    .get(30, TimeUnit.SECONDS);
            assertTrue(pending(id), "left to the batch that holds the row");
        } finally {
            release.countDown();
        }
        assertTrue(holder.get(60, TimeUnit.SECONDS), "the holder had the row");
        threads.shutdown();

        while (sync.syncBatch()) {
            // other tests' rows may be pending too
        }
        assertFalse(pending(id), "marked by the batch");
        assertEquals(
                revision,
                engine.get("/" + index.alias() + "/_doc/" + id).path("_version").asLong(),
                "the new revision written by the batch");
        var ids = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        ids.putObject("query").putObject("ids").putArray("values").add(id.toString());
        assertEquals(
                1,
                engine.call("POST", "/" + index.alias() + "/_count", java.util.Map.of(), ids)
                        .path("count")
                        .asInt(),
                "searchable on return");
    }

    private boolean pending(UUID id) {
        return jdbc.one("SELECT index_pending FROM subscription WHERE id = ?", rs -> rs.getBoolean(1), id)
                .orElseThrow();
    }
}
