package io.newsgraph.gateway;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.ValidatableResponse;

/** The RFC 9457 shape every error of the gateway has. */
public final class Problems {
    private Problems() {
    }

    public static ValidatableResponse assertProblem(ValidatableResponse response, int status, String slug, String path) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .header("X-Request-Id", not(emptyOrNullString()))
                .body("type", equalTo("https://newsgraph.io/problems/" + slug))
                .body("title", not(emptyOrNullString()))
                .body("status", equalTo(status))
                .body("detail", not(emptyOrNullString()))
                .body("instance", startsWith(path));
    }
}
