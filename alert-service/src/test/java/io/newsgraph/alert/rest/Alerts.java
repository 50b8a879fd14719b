package io.newsgraph.alert.rest;

import static io.restassured.RestAssured.given;

import io.newsgraph.alert.ArticleServiceProcess;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Helpers of the REST tests: callers (API key names as the gateway sends them) and articles in article-service. */
final class Alerts {
    private Alerts() {}

    static RequestSpecification as(String key) {
        return given().header("X-Newsgraph-Key", key).contentType("application/json");
    }

    static String subscribe(String key, String name, String query, String webhookUrl) {
        String webhook = webhookUrl == null ? "" : ", \"webhook\": {\"url\": \"" + webhookUrl + "\"}";
        return as(key).body("{\"name\": \"" + name + "\", \"query\": " + query + webhook + "}")
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Stores an article in article-service and its entity summary (as entity-service would): its ANALYSED event follows. */
    static String analysedArticle(String title, UUID... entities) {
        String marker = UUID.randomUUID().toString();
        String id = given().baseUri(ArticleServiceProcess.url())
                .contentType("application/json")
                .body("""
                {"title": "%s %s", "body": "Delegations met in Geneva on Monday. Officials said talks would continue %s.",
                 "source": "alerts.example", "author": "Jane Doe", "publishedAt": "2025-03-23T12:00:00Z"}""".formatted(title, marker, marker))
                .post("/api/v1/articles")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        StringBuilder list = new StringBuilder();
        for (UUID entity : entities) {
            list.append(list.isEmpty() ? "" : ",")
                    .append("""
                    {"id": "%s", "name": "Person %s", "type": "PERSON", "salience": 0.5}""".formatted(entity, entity.toString().substring(0, 4)));
        }
        given().baseUri(ArticleServiceProcess.url())
                .contentType("application/json")
                .body("{\"version\": 1, \"entities\": [" + list + "], \"speakers\": [], \"countries\": []}")
                .put("/internal/articles/" + id + "/entities")
                .then()
                .statusCode(204);
        return id;
    }

    /** The receiver's side of Standard Webhooks: the signature it expects for a message. */
    static String expectedSignature(String secret, String id, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return "v1,"
                    + Base64.getEncoder()
                            .encodeToString(
                                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
