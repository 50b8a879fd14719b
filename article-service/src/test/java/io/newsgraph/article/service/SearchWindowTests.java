package io.newsgraph.article.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.article.repository.SearchRepository;
import io.newsgraph.article.repository.SearchRepository.Hit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which matches a search ranks: the newest window holding enough of them, else all (docs/decisions.md). */
@QuarkusTest
class SearchWindowTests {
    @Inject
    ArticleQueries queries;
    @Inject
    EntityManager em;

    @Test
    void broadQueriesRankTheNewestMatchesAndLaterPagesKeepTheWindow() {
        String word = "zw" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String oldTitleMatch = post("The %s report".formatted(word), "An older story about %s and more %s.".formatted(word, word), "old.example");
        skipBuckets(20);
        List<String> recent = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            recent.add(post("Bulletin " + UUID.randomUUID(), "Today's note mentions %s once.".formatted(word), "new.example"));
        }
        analyze(); // the window is sized from the planner's statistics

        // Three candidates wanted: the newest bucket holds twelve matches, so only those are ranked.
        ArticleQueries.SearchResult first = queries.search(word, null, null, 10, 3);
        assertFalse(first.totalExact());
        assertEquals(12, first.total());
        assertEquals(10, first.hits().size());
        assertTrue(recent.containsAll(ids(first.hits())), "only the window's matches are ranked");
        assertEquals(List.of(new SearchRepository.FacetCount("new.example", 12)), first.sources());
        assertNotNull(first.nextCursor());

        ArticleQueries.SearchResult second = queries.search(word, null, first.nextCursor(), 10, 3);
        assertEquals(12, second.total());
        assertFalse(second.totalExact());
        Set<String> seen = new HashSet<>(ids(first.hits()));
        seen.addAll(ids(second.hits()));
        assertEquals(Set.copyOf(recent), seen, "the second page completes the same window");
        assertNull(second.nextCursor());

        // Twenty candidates wanted: no window of recent articles holds them, so every match is ranked, the title match first.
        ArticleQueries.SearchResult all = queries.search(word, null, null, 20, 20);
        assertTrue(all.totalExact());
        assertEquals(13, all.total());
        assertEquals(oldTitleMatch, all.hits().get(0).id().toString());
    }

    @Test
    void aSourceFilterChoosesItsOwnWindow() {
        String word = "zv" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String wire = post("Wire " + word, "Text " + UUID.randomUUID(), "wire.example");
        skipBuckets(2);
        for (int i = 0; i < 3; i++) {
            post("Blog " + UUID.randomUUID(), "Also about " + word, "blog.example");
        }
        analyze();
        ArticleQueries.SearchResult result = queries.search(word, "WIRE.example", null, 10, 3);
        assertEquals(List.of(wire), ids(result.hits()));
        assertTrue(result.totalExact(), "the only wire match is older than every window, so all are ranked");
        assertEquals(1, result.total());
    }

    private void analyze() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("ANALYZE article").executeUpdate());
    }

    /** Moves the listing sequence on by whole buckets, as if that many articles had been stored meanwhile. */
    private void skipBuckets(int buckets) {
        QuarkusTransaction.requiringNew().run(() -> {
            long max = ((Number) em.createNativeQuery("SELECT coalesce(max(listing_seq), 0) FROM article").getSingleResult()).longValue();
            long next = (max / SearchRepository.ARTICLES_PER_BUCKET + buckets + 1) * SearchRepository.ARTICLES_PER_BUCKET;
            em.createNativeQuery("ALTER TABLE article ALTER COLUMN listing_seq RESTART WITH " + next).executeUpdate();
        });
    }

    private static String post(String title, String body, String source) {
        return given().contentType("application/json")
                .body("{\"title\": \"%s\", \"body\": \"%s\", \"source\": \"%s\"}".formatted(title, body, source))
                .post("/api/v1/articles").then().statusCode(201).extract().path("id");
    }

    private static List<String> ids(List<Hit> hits) {
        return hits.stream().map(h -> h.id().toString()).toList();
    }
}
