package io.newsgraph.article.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SmokeTests {
    @Test
    void ingestsTheSample() throws Exception {
        String text = new String(getClass().getResourceAsStream("/samples/seed-article.txt").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String id = given().contentType("text/plain; charset=utf-8").body(text).post("/api/v1/articles")
                .then().log().ifValidationFails().statusCode(201).body("author", equalTo("HENG WEILI")).extract().path("id");
        given().get("/api/v1/articles/" + id).then().statusCode(200).header("ETag", "\"1\"");
        given().get("/api/v1/search?q=cease-fire").then().log().all().statusCode(200);
        given().get("/api/v1/articles/feed").then().log().all().statusCode(200);
        given().contentType("application/json").body("{bad").post("/api/v1/articles").then().log().all().statusCode(400);
    }
}
