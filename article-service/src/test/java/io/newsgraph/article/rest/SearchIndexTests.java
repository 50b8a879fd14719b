package io.newsgraph.article.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

import io.newsgraph.article.repository.ArticleDocument;
import io.newsgraph.article.repository.ArticleIndex;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The index as a projection: versions never go backwards, and a rebuild swaps in under live reads. */
@QuarkusTest
class SearchIndexTests {
    @Inject
    ArticleIndex index;

    @Test
    void anOlderVersionNeverReplacesANewerOne() {
        String word = SearchTests.word("zv");
        String id = Api.postJson("""
                {"title": "%s current", "body": "Current text.", "source": "v.example"}""".formatted(word));
        SearchTests.searchUntil(s -> s.queryParam("q", word + " current"), 1);
        // A write from an old feed position (a replayed or delayed batch) is refused by the index.
        ArticleDocument stale = new ArticleDocument(
                UUID.fromString(id),
                1,
                word + " stale",
                "Stale text.",
                null,
                "v.example",
                "en",
                null,
                null,
                Instant.now(),
                Instant.now(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                "k",
                true,
                List.of());
        index.write(index.alias(), List.of(stale), List.of(), 1, true);
        given().queryParam("q", word + " stale").get("/api/v1/search").then().body("hits.size()", equalTo(0));
        given().queryParam("q", word + " current").get("/api/v1/search").then().body("hits.id", contains(id));
    }

    @Test
    void rebuildSwapsTheAliasWhileSearchesKeepAnswering() throws Exception {
        String word = SearchTests.word("zb");
        for (int i = 0; i < 30; i++) {
            Api.postJson("""
                    {"title": "%s rebuild %d", "body": "Body %s.", "source": "r.example"}""".formatted(word, i, UUID.randomUUID()));
        }
        SearchTests.searchUntil(s -> s.queryParam("q", word).queryParam("limit", 30), 30);
        String before = index.current();
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger searches = new AtomicInteger();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            while (!done.get()) {
                given().queryParam("q", word)
                        .queryParam("limit", 30)
                        .get("/api/v1/search")
                        .then()
                        .statusCode(200)
                        .body("hits.size()", equalTo(30));
                searches.incrementAndGet();
            }
        });
        String added = null;
        try {
            var report = given().post("/internal/search/rebuild")
                    .then()
                    .statusCode(200)
                    .body("index", startsWith(index.alias() + "-v"))
                    .body("documents", greaterThanOrEqualTo(30))
                    .extract();
            Assertions.assertNotEquals(before, report.path("index"));
            Assertions.assertEquals(report.<String>path("index"), index.current());
            added = Api.postJson("""
                    {"title": "%s after rebuild", "body": "Later.", "source": "r.example"}""".formatted(word));
        } finally {
            done.set(true);
            reader.get();
        }
        Assertions.assertTrue(searches.get() > 0, "searches ran during the rebuild");
        String id = added;
        SearchTests.searchUntil(s -> s.queryParam("q", word + " after rebuild"), 1)
                .body("hits.id", contains(id));
    }
}
