package io.newsgraph.alert.rest;

import static io.newsgraph.alert.rest.Alerts.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.newsgraph.common.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Subscriptions CRUD: validation by article-service's query language, ownership by API key, SSRF-safe webhook URLs, paging. */
@QuarkusTest
class SubscriptionTests {

    @Test
    void createdWithASecretShownOnceThenReadChangedAndDeletedByItsOwner() {
        String key = "owner-" + UUID.randomUUID();
        var created = as(key).body("""
                {"name": "Geneva talks", "query": {"q": "zzcrudonly", "source": ["alerts.example"]}, "webhook": {"url": "https://93.184.215.14/hook"}}""")
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/subscriptions/"))
                .body("secret", startsWith("whsec_"))
                .body("name", equalTo("Geneva talks"))
                .body("query.q", equalTo("zzcrudonly"))
                .body("webhook.url", equalTo("https://93.184.215.14/hook"))
                .body("active", equalTo(true))
                .extract();
        String id = created.path("id");
        as(key).get("/api/v1/subscriptions/" + id)
                .then()
                .statusCode(200)
                .body("secret", nullValue())
                .body("query.source", hasItem("alerts.example"));
        as(key).body("{\"name\": \"Renamed\", \"active\": false}")
                .patch("/api/v1/subscriptions/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Renamed"))
                .body("active", equalTo(false))
                .body("query.q", equalTo("zzcrudonly"));
        String rotated = as(key).post("/api/v1/subscriptions/" + id + "/secret")
                .then()
                .statusCode(200)
                .body("secret", startsWith("whsec_"))
                .body("previousSecretUntil", notNullValue())
                .extract()
                .path("secret");
        org.junit.jupiter.api.Assertions.assertNotEquals(created.path("secret"), rotated);
        as(key).delete("/api/v1/subscriptions/" + id).then().statusCode(204);
        Problems.assertProblem(as(key).get("/api/v1/subscriptions/" + id).then(), 404);
    }

    @Test
    void anotherKeysSubscriptionDoesNotExistForTheCaller() {
        String id = Alerts.subscribe("alice-" + UUID.randomUUID(), "mine", "{\"q\": \"harbour\"}", null);
        String bob = "bob-" + UUID.randomUUID();
        Problems.assertProblem(as(bob).get("/api/v1/subscriptions/" + id).then(), 404);
        Problems.assertProblem(
                as(bob).body("{\"name\": \"stolen\"}")
                        .patch("/api/v1/subscriptions/" + id)
                        .then(),
                404);
        Problems.assertProblem(as(bob).delete("/api/v1/subscriptions/" + id).then(), 404);
        Problems.assertProblem(
                as(bob).get("/api/v1/subscriptions/" + id + "/matches").then(), 404);
        Problems.assertProblem(
                as(bob).get("/api/v1/subscriptions/" + id + "/deliveries").then(), 404);
        Problems.assertProblem(
                as(bob).get("/api/v1/subscriptions/" + id + "/events").then(), 404);
        as(bob).get("/api/v1/subscriptions").then().statusCode(200).body("items", hasSize(0));
        Problems.assertProblem(
                given().contentType("application/json")
                        .get("/api/v1/subscriptions")
                        .then(),
                401);
    }

    @Test
    void anInvalidQueryIsA400NamingTheFieldAndTheCharacter() {
        String key = "k-" + UUID.randomUUID();
        Problems.assertProblem(
                        as(key).body(
                                        "{\"name\": \"bad\", \"query\": {\"q\": \"talks (Geneva\", \"entity\": [\"nope\"]}}")
                                .post("/api/v1/subscriptions")
                                .then(),
                        400)
                .body("errors.field", hasItem("query.q"))
                .body("errors.field", hasItem("query.entity"))
                .body("errors.find { it.field == 'query.q' }.message", containsString("character"));
        Problems.assertProblem(
                as(key).body("{\"name\": \"\", \"query\": null}")
                        .post("/api/v1/subscriptions")
                        .then(),
                400);
        Problems.assertProblem(
                as(key).body("{\"name\": \"no body\"")
                        .post("/api/v1/subscriptions")
                        .then(),
                400);
        as(key).get("/api/v1/subscriptions").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void webhookUrlsIntoPrivateLoopbackOrLinkLocalNetworksAreRefused() {
        String key = "k-" + UUID.randomUUID();
        for (String url : new String[] {
            "https://169.254.169.254/latest/meta-data",
            "https://10.1.2.3/hook",
            "https://192.168.0.10/hook",
            "https://[::1]/hook",
            "https://[fd00::1]/hook",
            "https://100.64.0.1/hook",
            "http://example.com/hook",
            "ftp://example.com/x",
            "https://user:pw@example.com/hook",
            "not a url"
        }) {
            Problems.assertProblem(
                            as(key).body("{\"name\": \"ssrf\", \"query\": {\"q\": \"x\"}, \"webhook\": {\"url\": \""
                                            + url + "\"}}")
                                    .post("/api/v1/subscriptions")
                                    .then(),
                            400)
                    .body("errors.field", hasItem("webhook.url"));
        }
        // 127.0.0.0/8 is allow-listed in the test profile (the local receiver), so loopback over http is accepted
        // there.
        Alerts.subscribe(key, "local", "{\"q\": \"x\"}", "http://127.0.0.1:9/hook");
        String id = Alerts.subscribe(key, "public", "{\"q\": \"x\"}", null);
        Problems.assertProblem(
                as(key).body("{\"webhook\": {\"url\": \"https://172.16.0.1/\"}}")
                        .patch("/api/v1/subscriptions/" + id)
                        .then(),
                400);
    }

    @Test
    void listingIsCursorPagedNewestFirst() {
        String key = "pager-" + UUID.randomUUID();
        String first = Alerts.subscribe(key, "one", "{\"q\": \"one\"}", null);
        String second = Alerts.subscribe(key, "two", "{\"q\": \"two\"}", null);
        String third = Alerts.subscribe(key, "three", "{\"q\": \"three\"}", null);
        var page = as(key).queryParam("limit", 2)
                .get("/api/v1/subscriptions")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(third, second))
                .body("next", containsString("cursor="))
                .extract();
        as(key).queryParam("limit", 2)
                .queryParam("cursor", (String) page.path("nextCursor"))
                .get("/api/v1/subscriptions")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(first))
                .body("nextCursor", nullValue());
        Problems.assertProblem(
                as(key).queryParam("cursor", "garbage")
                        .get("/api/v1/subscriptions")
                        .then(),
                400);
        Problems.assertProblem(
                as(key).queryParam("limit", 1000).get("/api/v1/subscriptions").then(), 400);
        as(key).get("/api/v1/subscriptions").then().body("items.secret", not(hasItem(notNullValue())));
    }
}
