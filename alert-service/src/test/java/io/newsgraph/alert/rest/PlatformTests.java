package io.newsgraph.alert.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.common.testing.OpenApiDocs;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Health, metrics and the OpenAPI document of alert-service. */
@QuarkusTest
class PlatformTests {

    @Test
    void healthEndpointsAreUpWithTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void matchingAndDeliveryMetricsArePublished() {
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("newsgraph_alerts_percolation_seconds"))
                .body(containsString("newsgraph_alerts_percolated_total"))
                .body(containsString("newsgraph_alerts_match_lag_seconds"))
                .body(containsString("newsgraph_alerts_delivery_lag_seconds"))
                .body(containsString("newsgraph_alerts_deliveries_pending"))
                .body(containsString("newsgraph_alerts_streams_open"));
    }

    @Test
    void openApiDescribesEveryOperationWithExamples() throws Exception {
        assertTrue(OpenApiDocs.assertEveryOperationDocumented() >= 10);
    }
}
