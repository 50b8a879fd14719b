package io.newsgraph.gateway.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static io.newsgraph.common.testing.Problems.assertProblem;
import static io.newsgraph.gateway.FakeUpstreams.READ_KEY;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.http.Fault;
import io.newsgraph.gateway.FakeUpstreams;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(CircuitBreakerTests.QuickBreaker.class)
class CircuitBreakerTests {
    /**
     * The upstream timeout (5 s default): an open circuit or a refused connection answers without waiting it out.
     * Not a speed target (benchmarks measure speed): a bound that a loaded CI machine cannot break by accident.
     */
    private static final long UPSTREAM_TIMEOUT_MS = 5000L;

    public static class QuickBreaker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "newsgraph.gateway.upstreams.entities.circuit-breaker.window",
                    "4",
                    "newsgraph.gateway.upstreams.entities.circuit-breaker.delay",
                    "1s");
        }
    }

    @Test
    void opensOnFailuresFailsFastThenClosesWhenTheUpstreamRecovers() {
        FakeUpstreams.entities().resetAll();
        FakeUpstreams.entities()
                .stubFor(get(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        for (int i = 0; i < 4; i++) {
            assertProblem(
                    given().header("X-API-Key", READ_KEY).get("/api/v1/quotes").then(),
                    503,
                    "upstream-unavailable",
                    "/api/v1/quotes");
        }
        int calls = FakeUpstreams.entities().findAll(getRequestedFor(anyUrl())).size();
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body(
                        "checks.find { it.name == 'upstreams' }.data.'entity-service.circuit'",
                        org.hamcrest.Matchers.equalTo("open"));

        assertProblem(
                        given().header("X-API-Key", READ_KEY)
                                .get("/api/v1/quotes")
                                .then(),
                        503,
                        "upstream-unavailable",
                        "/api/v1/quotes")
                .header("Retry-After", matchesPattern("[1-9]\\d*"))
                .time(lessThan(UPSTREAM_TIMEOUT_MS), TimeUnit.MILLISECONDS);
        assertEquals(
                calls,
                FakeUpstreams.entities().findAll(getRequestedFor(anyUrl())).size(),
                "an open circuit does not call");

        FakeUpstreams.entities().resetAll();
        FakeUpstreams.entities()
                .stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withBody("[]")));
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> given().header("X-API-Key", READ_KEY)
                        .get("/api/v1/quotes")
                        .then()
                        .statusCode(200));
        given().get("/q/health/ready")
                .then()
                .body(
                        "checks.find { it.name == 'upstreams' }.data.'entity-service.circuit'",
                        org.hamcrest.Matchers.equalTo("closed"));
    }

    @Test
    void stoppedUpstreamGives503WellWithinTheTimeout() {
        FakeUpstreams.articles().stop();
        try {
            assertProblem(
                            given().header("X-API-Key", READ_KEY)
                                    .get("/api/v1/articles")
                                    .then(),
                            503,
                            "upstream-unavailable",
                            "/api/v1/articles")
                    .header("Retry-After", matchesPattern("\\d+"))
                    .time(lessThan(UPSTREAM_TIMEOUT_MS), TimeUnit.MILLISECONDS);
        } finally {
            FakeUpstreams.articles().start();
        }
        FakeUpstreams.articles()
                .stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withBody("[]")));
        given().header("X-API-Key", READ_KEY).get("/api/v1/articles").then().statusCode(200);
    }
}
