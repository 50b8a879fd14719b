package io.newsgraph.gateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.newsgraph.common.testing.Problems.assertProblem;
import static io.newsgraph.gateway.FakeUpstreams.WRITE_KEY;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;

import io.newsgraph.gateway.FakeUpstreams;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RateLimitTests.TinyQuota.class)
class RateLimitTests {

    public static class TinyQuota implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "newsgraph.gateway.rate-limits.read.requests",
                    "3",
                    "newsgraph.gateway.rate-limits.read.window",
                    "600s");
        }
    }

    @Test
    void overTheQuotaIs429WithRetryAfterAndRateLimitHeaders() {
        FakeUpstreams.articles()
                .stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().header("X-API-Key", WRITE_KEY)
                    .get("/api/v1/articles")
                    .then()
                    .statusCode(200)
                    .header("RateLimit", matchesPattern("\"read\";r=" + remaining + ";t=\\d+"));
        }
        assertProblem(
                        given().header("X-API-Key", WRITE_KEY)
                                .get("/api/v1/articles")
                                .then(),
                        429,
                        "rate-limited",
                        "/api/v1/articles")
                .header("Retry-After", matchesPattern("\\d+"))
                .header("RateLimit-Policy", "\"read\";q=3;w=600")
                .header("RateLimit", matchesPattern("\"read\";r=0;t=\\d+"));
        // A key's writes have their own bucket.
        given().header("X-API-Key", WRITE_KEY)
                .contentType("text/plain")
                .body("x")
                .post("/api/v1/articles")
                .then()
                .statusCode(200)
                .header("RateLimit-Policy", "\"write\";q=120;w=60");
    }
}
