package io.newsgraph.article.rest;

import static io.newsgraph.article.rest.DiscoveryTests.entity;
import static io.newsgraph.article.rest.DiscoveryTests.summarise;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import db.migration.V12__fill_entity_name;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/**
 * Entity completion reads counts kept in PostgreSQL: they follow every stored summary and deletion at once (no index
 * refresh in between), and equal what the V12 migration computes from the summaries from scratch.
 */
@QuarkusTest
class EntityCompletionTests {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void countsFollowSummariesRenamesAndDeletions() {
        String w = SearchTests.word("ec");
        UUID kept = UUID.randomUUID();
        UUID dropped = UUID.randomUUID();
        String first = Api.postJson(
                "{\"title\": \"Completion %s one\", \"body\": \"Text %s.\"}".formatted(w, UUID.randomUUID()));
        String second = Api.postJson(
                "{\"title\": \"Completion %s two\", \"body\": \"Text %s.\"}".formatted(w, UUID.randomUUID()));
        summarise(
                first,
                entity(kept, "Ärvid" + w + " Holm", "PERSON", 0.9),
                entity(dropped, "Arvid" + w + " Bank", "ORGANIZATION", 0.4));
        summarise(
                second,
                entity(kept, "Ärvid" + w + " Holm", "PERSON", 0.8),
                entity(dropped, "Arvid" + w + " Bank", "ORGANIZATION", 0.4));
        // Equal counts: alphabetical by folded name ("Ä" is "a").
        suggest("arvid" + w)
                .body("suggestions.id", contains(dropped.toString(), kept.toString()))
                .body("suggestions.count", contains(2, 2));

        // A new analysis of the first article renames one entity (a merge) and no longer finds the other.
        summarise(first, entity(kept, "Arvid" + w + " Holm-Berg", "PERSON", 0.9));
        suggest("arvid" + w)
                .body("suggestions.value", contains("Arvid" + w + " Holm-Berg", "Arvid" + w + " Bank"))
                .body("suggestions.count", contains(2, 1));
        suggest("ARVID" + w + " HOLM-").body("suggestions.id", contains(kept.toString()));

        // Deleting the second article takes its entities' counts down; an entity no live article names is gone.
        given().delete("/api/v1/articles/" + second).then().statusCode(204);
        suggest("arvid" + w).body("suggestions.id", contains(kept.toString())).body("suggestions.count", contains(1));
        given().delete("/api/v1/articles/" + first).then().statusCode(204);
        suggest("arvid" + w).body("suggestions", hasSize(0));
    }

    @Test
    void migrationFillsTheSameCountsFromTheStoredSummaries() throws Exception {
        String w = SearchTests.word("mf");
        UUID person = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            String id = Api.postJson(
                    "{\"title\": \"Migration %s %d\", \"body\": \"Text %s.\"}".formatted(w, i, UUID.randomUUID()));
            summarise(id, entity(person, "Migra" + w + " Vale", "PERSON", 0.5));
        }
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            Map<UUID, Integer> kept = counts(statement);
            assertFalse(kept.isEmpty());
            assertEquals(3, kept.get(person));
            statement.executeUpdate("DELETE FROM entity_name");
            new V12__fill_entity_name().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
            assertEquals(
                    kept, counts(statement), "every entity of every live article, counted as the service counted it");
        }
        suggest("migra" + w)
                .body("suggestions.value", contains("Migra" + w + " Vale"))
                .body("suggestions.count", contains(3));
    }

    private static Map<UUID, Integer> counts(Statement statement) throws Exception {
        Map<UUID, Integer> counts = new TreeMap<>();
        try (ResultSet rows = statement.executeQuery("SELECT entity_id, articles FROM entity_name")) {
            while (rows.next()) {
                counts.put(rows.getObject(1, UUID.class), rows.getInt(2));
            }
        }
        return counts;
    }

    private static io.restassured.response.ValidatableResponse suggest(String prefix) {
        return given().queryParam("prefix", prefix)
                .get("/api/v1/suggest")
                .then()
                .statusCode(200);
    }
}
