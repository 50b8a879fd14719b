package io.newsgraph.article.rest;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Small helpers shared by the REST tests of this module. */
final class Api {
    private Api() {}

    static String sample() {
        try (InputStream in = Api.class.getResourceAsStream("/samples/seed-article.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A one-line JSON article with unique content, so that tests do not dedup against each other. */
    static String uniqueJson(String source) {
        String marker = UUID.randomUUID().toString();
        return """
                {"title": "Talks resume %s", "body": "Delegations met in Geneva on Monday.\\n\\nOfficials said talks would continue %s.", \
                "source": "%s", "author": "Jane Doe", "publishedAt": "2025-03-23T12:00:00Z"}""".formatted(marker, marker, source);
    }

    static String postJson(String json) {
        return given().contentType("application/json")
                .body(json)
                .post("/api/v1/articles")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
