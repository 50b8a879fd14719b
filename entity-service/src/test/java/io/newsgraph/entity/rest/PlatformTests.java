package io.newsgraph.entity.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.common.testing.OpenApiDocs;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlatformTests {

    @Test
    void readinessWaitsForTheModelAndTheDatabase() {
        Api.awaitModel();
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("NER model"))
                .body("checks.find { it.name == 'NER model' }.data.loadMillis", org.hamcrest.Matchers.greaterThan(0));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/started").then().statusCode(200);
    }

    @Test
    void extractionLagIsExportedAsMetrics() {
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("newsgraph_extraction_lag_seconds"))
                .body(containsString("newsgraph_extraction_pending"))
                .body(containsString("newsgraph_extraction_parked"));
    }

    @Test
    void openApiDescribesEveryOperationWithExamples() throws Exception {
        assertTrue(OpenApiDocs.assertEveryOperationDocumented() >= 12);
    }
}
