package io.newsgraph.entity.rest;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;

/** Helpers shared by the REST tests of this module. */
final class Api {
    private Api() {
    }

    /** Waits (bounded) until the NER model is loaded, i.e. readiness is UP. */
    static void awaitModel() {
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .header("X-Request-Id", Matchers.not(Matchers.emptyOrNullString()))
                .body("type", Matchers.not(Matchers.emptyOrNullString()))
                .body("title", Matchers.not(Matchers.emptyOrNullString()))
                .body("status", Matchers.equalTo(status))
                .body("detail", Matchers.not(Matchers.emptyOrNullString()))
                .body("instance", Matchers.startsWith("/"));
    }
}
