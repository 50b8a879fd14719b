package io.newsgraph.entity.rest;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import org.awaitility.Awaitility;

/** Helpers shared by the REST tests of this module. */
final class Api {
    private Api() {}

    /** Waits (bounded) until the NER model is loaded, i.e. readiness is UP. */
    static void awaitModel() {
        Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }
}
