package io.newsgraph.article.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsgraph.common.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Bad input gets a 4xx problem+json, never a 5xx, and changes nothing stored. */
@QuarkusTest
class HostileInputTests {

    @Test
    void malformedBodiesAreRejectedAndNothingIsStored() {
        String id = Api.postJson(Api.uniqueJson("hostile.example"));
        long feedBefore = feedLength();

        Problems.assertProblem(
                given().contentType("application/json")
                        .body("{\"title\": \"x\", ")
                        .post("/api/v1/articles")
                        .then(),
                400);
        Problems.assertProblem(
                given().contentType("application/json")
                        .body("")
                        .post("/api/v1/articles")
                        .then(),
                400);
        Problems.assertProblem(
                given().contentType("application/json")
                        .body("[]")
                        .post("/api/v1/articles")
                        .then(),
                400);
        Problems.assertProblem(
                given().contentType("application/json")
                        .body("null")
                        .post("/api/v1/articles")
                        .then(),
                400);
        Problems.assertProblem(
                given().contentType("application/json")
                        .body("\"just a string\"")
                        .post("/api/v1/articles")
                        .then(),
                400);
        Problems.assertProblem(
                given().contentType("application/json")
                        .body("{\"title\": 5, \"body\": {\"a\": 1}}")
                        .post("/api/v1/articles")
                        .then(),
                400);
        Problems.assertProblem(
                given().contentType("application/json")
                        .body("{\"title\": \"t\", \"body\": \"b\", \"publishedAt\": \"yesterday\"}")
                        .post("/api/v1/articles")
                        .then(),
                400);
        Problems.assertProblem(
                given().contentType("application/json")
                        .body("[".repeat(5000) + "]".repeat(5000))
                        .post("/api/v1/articles")
                        .then(),
                400);
        Problems.assertProblem(
                given().contentType("application/json")
                        .body("{\"a\":".repeat(3000) + "1" + "}".repeat(3000))
                        .post("/api/v1/articles")
                        .then(),
                400);
        Problems.assertProblem(
                        given().contentType("application/json")
                                .body(
                                        "{\"title\": \"\", \"body\": \" \", \"url\": \"javascript:alert(1)\", \"language\": \"english!\"}")
                                .post("/api/v1/articles")
                                .then(),
                        400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("body", "language", "title", "url"));
        Problems.assertProblem(
                        given().contentType("application/json")
                                .body("{\"title\": \"" + "t".repeat(1001) + "\", \"body\": \"b\"}")
                                .post("/api/v1/articles")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("title"));
        Problems.assertProblem(
                        given().contentType("application/json")
                                .body("{\"title\": \"a\\u0000b\", \"body\": \"b\"}")
                                .post("/api/v1/articles")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("title"));
        Problems.assertProblem(
                        given().contentType("application/json")
                                .body("{\"title\": \"t\", \"author\": \"x\\u0007\", \"body\": \"b\"}")
                                .post("/api/v1/articles")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("author"));
        Problems.assertProblem(
                        given().contentType("text/plain; charset=utf-8")
                                .body(new byte[] {'T', 'i', (byte) 0xC3, (byte) 0x28, '\n', '\n', 'b'})
                                .post("/api/v1/articles")
                                .then(),
                        400)
                .body("detail", org.hamcrest.Matchers.containsString("UTF-8"));
        Problems.assertProblem(
                given().contentType("text/plain")
                        .body("Title\n\nBody\u0000text.")
                        .post("/api/v1/articles")
                        .then(),
                400);
        Problems.assertProblem(
                given().contentType("text/plain; charset=nope")
                        .body("Title\n\nBody.".getBytes())
                        .post("/api/v1/articles")
                        .then(),
                400);
        Problems.assertProblem(
                given().contentType("application/xml")
                        .body("<a/>")
                        .post("/api/v1/articles")
                        .then(),
                415);
        Problems.assertProblem(
                given().contentType("text/plain")
                        .body("x".repeat(5 * 1024 * 1024))
                        .post("/api/v1/articles")
                        .then(),
                413);
        Problems.assertProblem(
                given().contentType("application/json")
                        .header("If-Match", "\"1\"")
                        .body("{broken")
                        .put("/api/v1/articles/" + id)
                        .then(),
                400);
        Problems.assertProblem(
                given().contentType("application/json")
                        .header("If-Match", "garbage")
                        .body(Api.uniqueJson("x"))
                        .put("/api/v1/articles/" + id)
                        .then(),
                412);
        Problems.assertProblem(
                given().contentType("application/x-ndjson")
                        .body("\n\n".getBytes())
                        .post("/api/v1/articles/batch")
                        .then(),
                400);
        Problems.assertProblem(
                given().contentType("application/x-ndjson")
                        .body("{}\n".repeat(1001).getBytes())
                        .post("/api/v1/articles/batch")
                        .then(),
                400);
        Problems.assertProblem(given().post("/api/v1/articles/feed").then(), 405);
        // Text that cannot be stored exactly is refused, not silently altered.
        Problems.assertProblem(
                        given().contentType("application/json")
                                .body("{\"title\": \"t\", \"body\": \"c\\u0000d\"}")
                                .post("/api/v1/articles")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("body"));
        Problems.assertProblem(
                        given().contentType("application/json")
                                .body("{\"title\": \"\\uD800\", \"body\": \"b\"}")
                                .post("/api/v1/articles")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("title"));
        // One JSON document per body: trailing garbage is malformed.
        Problems.assertProblem(
                given().contentType("application/json")
                        .body(Api.uniqueJson("trailing") + " garbage")
                        .post("/api/v1/articles")
                        .then(),
                400);
        // If-Match compares strongly: a weak ETag never matches.
        Problems.assertProblem(
                given().header("If-Match", "W/\"1\"")
                        .delete("/api/v1/articles/" + id)
                        .then(),
                412);

        assertEquals(feedBefore, feedLength(), "no write happened");
        given().get("/api/v1/articles/" + id).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void badQueryParametersAreRejected() {
        Problems.assertProblem(
                given().queryParam("limit", "abc").get("/api/v1/articles").then(), 400);
        Problems.assertProblem(
                        given().queryParam("limit", 101).get("/api/v1/articles").then(), 400)
                .body("errors[0].field", equalTo("limit"));
        Problems.assertProblem(
                given().queryParam("limit", -1).get("/api/v1/articles").then(), 400);
        Problems.assertProblem(
                        given().queryParam("publishedFrom", "03/23/2025")
                                .get("/api/v1/articles")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("publishedFrom"));
        Problems.assertProblem(
                given().queryParam("cursor", "djEfYR8tNQ")
                        .get("/api/v1/articles")
                        .then(),
                400);
        Problems.assertProblem(
                given().queryParam("cursor", "../../etc/passwd")
                        .get("/api/v1/articles")
                        .then(),
                400);
        Problems.assertProblem(
                given().get("/api/v1/articles/..%2F..%2Fetc%2Fpasswd").then(), 404);
        Problems.assertProblem(given().get("/api/v1/articles/' OR 1=1 --").then(), 404);
        Problems.assertProblem(
                        given().queryParam("source", "a\u0000b")
                                .get("/api/v1/articles")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("source"));
        Problems.assertProblem(
                        given().queryParam("author", "\u0000")
                                .get("/api/v1/articles")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("author"));
    }

    private static long feedLength() {
        long events = 0;
        String cursor = "";
        boolean more = true;
        while (more) {
            var page = given().queryParam("after", cursor)
                    .queryParam("limit", 1000)
                    .get("/api/v1/articles/feed")
                    .then()
                    .extract();
            events += page.<java.util.List<?>>path("events").size();
            cursor = page.path("cursor");
            more = page.path("hasMore");
        }
        return events;
    }
}
