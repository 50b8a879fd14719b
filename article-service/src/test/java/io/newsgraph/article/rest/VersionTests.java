package io.newsgraph.article.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.newsgraph.common.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VersionTests {

    @Test
    void putNeedsIfMatchAndCreatesVersionsInTheFeed() {
        String id = Api.postJson(Api.uniqueJson("versions.example"));
        String changed = Api.uniqueJson("versions.example");

        Problems.assertProblem(
                        given().contentType("application/json")
                                .body(changed)
                                .put("/api/v1/articles/" + id)
                                .then(),
                        428)
                .body("errors[0].field", equalTo("If-Match"));
        Problems.assertProblem(
                given().contentType("application/json")
                        .header("If-Match", "\"7\"")
                        .body(changed)
                        .put("/api/v1/articles/" + id)
                        .then(),
                412);

        given().contentType("application/json")
                .header("If-Match", "\"1\"")
                .body(changed)
                .put("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("version", equalTo(2));
        // The same content again changes nothing.
        given().contentType("application/json")
                .header("If-Match", "\"2\"")
                .body(changed)
                .put("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"");
        // A stale ETag is refused and the stored version is untouched.
        Problems.assertProblem(
                given().contentType("application/json")
                        .header("If-Match", "\"1\"")
                        .body(Api.uniqueJson("x"))
                        .put("/api/v1/articles/" + id)
                        .then(),
                412);

        given().get("/api/v1/articles/" + id + "/versions")
                .then()
                .statusCode(200)
                .body("items.version", contains(1, 2))
                .body("items.change", contains("CREATED", "UPDATED"))
                .body(
                        "items[0].contentHash",
                        not(equalTo(given().get("/api/v1/articles/" + id).path("contentHash"))));

        List<String> kinds = feedKindsFor(id);
        org.junit.jupiter.api.Assertions.assertEquals(List.of("CREATED", "UPDATED"), kinds);
    }

    @Test
    void deleteIsSoftAndAnnounced() {
        String json = Api.uniqueJson("delete.example");
        String id = Api.postJson(json);
        Problems.assertProblem(
                given().header("If-Match", "\"9\"")
                        .delete("/api/v1/articles/" + id)
                        .then(),
                412);
        given().header("If-Match", "\"1\"")
                .delete("/api/v1/articles/" + id)
                .then()
                .statusCode(204);

        Problems.assertProblem(given().get("/api/v1/articles/" + id).then(), 404);
        Problems.assertProblem(given().delete("/api/v1/articles/" + id).then(), 404);
        given().get("/api/v1/articles/" + id + "/versions")
                .then()
                .statusCode(200)
                .body("items.change", contains("CREATED", "DELETED"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of("CREATED", "DELETED"), feedKindsFor(id));
        given().get("/api/v1/articles?source=delete.example")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));

        // The same content can be ingested again after a delete: it becomes a new article.
        String again = Api.postJson(json);
        org.junit.jupiter.api.Assertions.assertNotEquals(id, again);
    }

    @Test
    void updateToAnotherArticlesContentConflicts() {
        String first = Api.uniqueJson("conflict.example");
        Api.postJson(first);
        String second = Api.postJson(Api.uniqueJson("conflict.example"));
        Problems.assertProblem(
                given().contentType("application/json")
                        .header("If-Match", "\"1\"")
                        .body(first)
                        .put("/api/v1/articles/" + second)
                        .then(),
                409);
        given().get("/api/v1/articles/" + second).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void unknownArticlesAndVersionsAre404() {
        Problems.assertProblem(
                given().get("/api/v1/articles/" + UUID.randomUUID()).then(), 404);
        Problems.assertProblem(given().get("/api/v1/articles/not-a-uuid").then(), 404);
        Problems.assertProblem(
                given().get("/api/v1/articles/" + UUID.randomUUID() + "/versions")
                        .then(),
                404);
        String id = Api.postJson(Api.uniqueJson("v.example"));
        Problems.assertProblem(
                given().get("/api/v1/articles/" + id + "/versions/5").then(), 404);
        Problems.assertProblem(
                given().contentType("application/json")
                        .header("If-Match", "\"1\"")
                        .body(Api.uniqueJson("v"))
                        .put("/api/v1/articles/" + UUID.randomUUID())
                        .then(),
                404);
    }

    /** Kinds of the feed events of one article, read through the whole feed with its cursor. */
    static List<String> feedKindsFor(String id) {
        List<String> kinds = new java.util.ArrayList<>();
        String cursor = null;
        boolean more = true;
        while (more) {
            var page = given().queryParam("limit", 1000)
                    .queryParam("after", cursor == null ? "" : cursor)
                    .get("/api/v1/articles/feed")
                    .then()
                    .statusCode(200)
                    .extract();
            List<java.util.Map<String, Object>> events = page.path("events");
            events.stream().filter(e -> id.equals(e.get("articleId"))).forEach(e -> kinds.add((String) e.get("kind")));
            cursor = page.path("cursor");
            more = page.path("hasMore");
        }
        return kinds;
    }
}
