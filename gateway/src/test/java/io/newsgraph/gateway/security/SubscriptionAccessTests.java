package io.newsgraph.gateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.newsgraph.common.testing.Problems.assertProblem;
import static io.newsgraph.gateway.FakeUpstreams.ADMIN_KEY;
import static io.newsgraph.gateway.FakeUpstreams.READ_KEY;
import static io.newsgraph.gateway.FakeUpstreams.SUBSCRIBER_KEY;
import static io.newsgraph.gateway.FakeUpstreams.WRITE_KEY;
import static io.restassured.RestAssured.given;

import io.newsgraph.gateway.FakeUpstreams;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /api/v1/subscriptions and /api/v1/stream go to alert-service, named with the caller's key; changes need `subscriptions:write`. */
@QuarkusTest
class SubscriptionAccessTests {

    @BeforeEach
    void alertServiceAnswers() {
        FakeUpstreams.alerts().resetAll();
        FakeUpstreams.alerts()
                .stubFor(any(anyUrl())
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{}")));
    }

    @Test
    void subscriptionsAreRoutedToAlertServiceWithTheKeysNameNeverTheClients() {
        given().header("X-API-Key", READ_KEY)
                .header("X-Newsgraph-Key", "ops")
                .get("/api/v1/subscriptions")
                .then()
                .statusCode(200);
        FakeUpstreams.alerts()
                .verify(getRequestedFor(urlEqualTo("/api/v1/subscriptions"))
                        .withHeader("X-Newsgraph-Key", equalTo("reader")));
        given().header("X-API-Key", SUBSCRIBER_KEY)
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(200);
        FakeUpstreams.alerts()
                .verify(postRequestedFor(urlEqualTo("/api/v1/subscriptions"))
                        .withHeader("X-Newsgraph-Key", equalTo("subscriber")));
    }

    @Test
    void theAdHocStreamIsARead() {
        given().header("X-API-Key", READ_KEY)
                .get("/api/v1/stream?q=harbour&entity=7")
                .then()
                .statusCode(200);
        FakeUpstreams.alerts()
                .verify(getRequestedFor(urlEqualTo("/api/v1/stream?q=harbour&entity=7"))
                        .withHeader("X-Newsgraph-Key", equalTo("reader")));
        assertProblem(given().get("/api/v1/stream?q=harbour").then(), 401, "unauthenticated", "/api/v1/stream");
    }

    @Test
    void changesNeedTheSubscriptionsWriteScopeWhichWriteDoesNotInclude() {
        assertProblem(
                given().header("X-API-Key", WRITE_KEY)
                        .contentType("application/json")
                        .body("{}")
                        .post("/api/v1/subscriptions")
                        .then(),
                403,
                "forbidden",
                "/api/v1/subscriptions");
        assertProblem(
                given().header("X-API-Key", READ_KEY)
                        .delete("/api/v1/subscriptions/1")
                        .then(),
                403,
                "forbidden",
                "/api/v1/subscriptions/1");
        FakeUpstreams.alerts().verify(0, anyRequestedFor(anyUrl()));
        given().header("X-API-Key", ADMIN_KEY)
                .delete("/api/v1/subscriptions/1")
                .then()
                .statusCode(200);
        given().header("X-API-Key", SUBSCRIBER_KEY)
                .header("Content-Type", "application/json")
                .body("{}")
                .patch("/api/v1/subscriptions/1")
                .then()
                .statusCode(200);
    }
}
