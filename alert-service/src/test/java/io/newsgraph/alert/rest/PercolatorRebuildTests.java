package io.newsgraph.alert.rest;

import static io.newsgraph.alert.rest.Alerts.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsgraph.alert.client.ArticleClient;
import io.newsgraph.alert.repository.Subscription;
import io.newsgraph.alert.repository.SubscriptionIndex;
import io.newsgraph.alert.repository.SubscriptionRepository;
import io.newsgraph.alert.service.PercolatorRebuild;
import io.newsgraph.common.search.SearchEngine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The percolator index follows article-service's articles mapping: an index built from an older generation (here made by
 * hand: generation 1, without the `entityKeys.suggest` sub-field generation 2 added) is rebuilt behind its alias with
 * every subscription's query compiled again, also while subscriptions change and articles are matched.
 */
@QuarkusTest
class PercolatorRebuildTests {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    SubscriptionIndex index;

    @Inject
    SubscriptionRepository subscriptions;

    @Inject
    PercolatorRebuild rebuild;

    @Inject
    ArticleClient articles;

    @Inject
    SearchEngine engine;

    @Inject
    ObjectMapper mapper;

    /** The articles mapping article-service compiles for now. */
    private JsonNode currentMapping() {
        return articles.compile(mapper.createObjectNode(), "query.").mapping();
    }

    /** Replaces the percolator index by one built from the previous mapping generation, holding every subscription. */
    private int downgrade() {
        Alerts.subscribe("seed-" + UUID.randomUUID(), "seed", "{\"q\": \"harbour\"}", null); // the index exists
        ObjectNode old = currentMapping().deepCopy();
        int generation = old.path("mapping").asInt();
        old.put("mapping", generation - 1);
        ((ObjectNode) old.path("properties").path("entityKeys")).remove("fields");
        String replacement = index.next();
        index.create(replacement, old, false);
        List<SubscriptionIndex.Document> documents = new ArrayList<>();
        for (List<Subscription> page = subscriptions.pageById(null, 500);
                !page.isEmpty();
                page = subscriptions.pageById(page.get(page.size() - 1).id(), 500)) {
            for (Subscription s : page) {
                documents.add(new SubscriptionIndex.Document(s.id(), read(s.compiled()), s.active(), s.revision()));
            }
        }
        index.putAll(replacement, documents);
        index.refresh(replacement);
        index.swap(replacement, generation - 1);
        assertEquals(generation - 1, index.liveGeneration());
        assertTrue(mappingOf(index.current()).path("entityKeys").path("fields").isMissingNode());
        return generation;
    }

    private JsonNode mappingOf(String indexName) {
        return engine.get("/" + indexName + "/_mapping")
                .path(indexName)
                .path("mappings")
                .path("properties");
    }

    private boolean indexed(String id) {
        return engine.exists("/" + index.alias() + "/_doc/" + id);
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void awaitMatched(String key, String subscription, String article) {
        await().atMost(WAIT)
                .untilAsserted(() -> as(key).get("/api/v1/subscriptions/" + subscription + "/matches")
                        .then()
                        .statusCode(200)
                        .body("items.articleId", hasItem(article)));
    }

    @Test
    void aCompileAnswerWithALaterMappingRebuildsTheIndexBehindItsAliasWithEveryQueryCompiledAgain() {
        String key = "k-" + UUID.randomUUID();
        UUID person = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String following = Alerts.subscribe(key, "person", "{\"entity\": [\"" + person + "\"]}", null);
        String paused = Alerts.subscribe(key, "paused", "{\"entity\": [\"" + person + "\"]}", null);
        as(key).body("{\"active\": false}")
                .patch("/api/v1/subscriptions/" + paused)
                .then()
                .statusCode(200);
        int generation = downgrade();
        String oldIndex = index.current();
        long revision =
                subscriptions.byId(UUID.fromString(following)).orElseThrow().revision();

        // Creating a subscription compiles its query: the answer's later generation starts the rebuild.
        String created = Alerts.subscribe(key, "other", "{\"entity\": [\"" + other + "\"]}", null);
        // Done when the alias has moved and the old index is deleted.
        await().atMost(WAIT).until(() -> index.liveGeneration() == generation && !engine.exists("/" + oldIndex));

        assertFalse(
                mappingOf(index.current())
                        .path("entityKeys")
                        .path("fields")
                        .path("suggest")
                        .isMissingNode(),
                "the new mapping");
        assertEquals(
                subscriptions.count(),
                engine.get("/" + index.alias() + "/_count").path("count").asLong(),
                "every subscription");
        assertTrue(indexed(following) && indexed(paused) && indexed(created));
        assertTrue(
                subscriptions.byId(UUID.fromString(following)).orElseThrow().revision() > revision,
                "compiled again, a new revision");

        String article = Alerts.analysedArticle("After the rebuild", person, other);
        awaitMatched(key, following, article);
        awaitMatched(key, created, article);
        as(key).get("/api/v1/subscriptions/" + paused + "/matches")
                .then()
                .statusCode(200)
                .body("items.articleId", not(hasItem(article)));
        io.restassured.RestAssured.given()
                .get("/q/metrics")
                .then()
                .body(org.hamcrest.Matchers.containsString("newsgraph_alerts_percolator_rebuilds_total"));
    }

    @Test
    void changesMadeDuringARebuildReachTheNewIndexAndMatchingGoesOnMeanwhile() {
        String key = "k-" + UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID changedTo = UUID.randomUUID();
        UUID added = UUID.randomUUID();
        String changed = Alerts.subscribe(key, "changed", "{\"entity\": [\"" + first + "\"]}", null);
        String deleted = Alerts.subscribe(key, "deleted", "{\"q\": \"harbour\"}", null);
        int generation = downgrade();
        String oldIndex = index.current();
        String[] createdMeanwhile = new String[1];
        rebuild.afterFill(() -> {
            // The new index is filled; the alias still points at the old one, which matching uses.
            createdMeanwhile[0] = Alerts.subscribe(key, "added", "{\"entity\": [\"" + added + "\"]}", null);
            as(key).body("{\"query\": {\"entity\": [\"" + changedTo + "\"]}}")
                    .patch("/api/v1/subscriptions/" + changed)
                    .then()
                    .statusCode(200);
            as(key).delete("/api/v1/subscriptions/" + deleted).then().statusCode(204);
            String meanwhile = Alerts.analysedArticle("During the rebuild", changedTo);
            awaitMatched(key, changed, meanwhile);
            assertEquals(oldIndex, index.current(), "matched on the old index");
        });
        try {
            assertTrue(rebuild.rebuildIfBehind(currentMapping()));
        } finally {
            rebuild.afterFill(() -> {});
        }
        assertEquals(generation, index.liveGeneration());
        assertNotEquals(oldIndex, index.current());
        assertTrue(indexed(createdMeanwhile[0]), "created during the rebuild");
        assertFalse(indexed(deleted), "deleted during the rebuild");
        JsonNode stored =
                read(subscriptions.byId(UUID.fromString(changed)).orElseThrow().compiled());
        JsonNode document = engine.get("/" + index.alias() + "/_doc/" + changed)
                .path("_source")
                .path("query");
        assertEquals(stored, document, "the changed query, as stored");
        assertTrue(document.toString().contains(changedTo.toString()));

        String article = Alerts.analysedArticle("After the rebuild", changedTo, added);
        awaitMatched(key, changed, article);
        awaitMatched(key, createdMeanwhile[0], article);
    }
}
