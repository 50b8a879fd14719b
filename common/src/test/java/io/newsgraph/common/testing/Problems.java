package io.newsgraph.common.testing;

import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.ValidatableResponse;

/** The RFC 9457 shape every error of every service must have (see docs/errors.md). */
public final class Problems {
    private Problems() {}

    public static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .header("X-Request-Id", not(emptyOrNullString()))
                .body("type", not(emptyOrNullString()))
                .body("title", not(emptyOrNullString()))
                .body("status", equalTo(status))
                .body("detail", not(emptyOrNullString()))
                .body("instance", startsWith("/"))
                .body("$", not(hasKey("stackTrace")));
    }

    /** Also the problem type ({@code slug} of https://newsgraph.io/problems/) and the request path. */
    public static ValidatableResponse assertProblem(
            ValidatableResponse response, int status, String slug, String path) {
        return assertProblem(response, status)
                .body("type", equalTo("https://newsgraph.io/problems/" + slug))
                .body("instance", startsWith(path));
    }
}
