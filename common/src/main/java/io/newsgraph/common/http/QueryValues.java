package io.newsgraph.common.http;

import io.newsgraph.common.problem.FieldError;
import io.newsgraph.common.problem.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Parsing of query-parameter values into a 400 naming the field, instead of JAX-RS' generic answers. */
public final class QueryValues {
    private QueryValues() {}

    /** An RFC 3339 date-time, or null when absent. */
    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(
                    field + " is not an RFC 3339 date-time",
                    new FieldError(field, "must be an RFC 3339 date-time such as 2025-03-23T12:00:00Z"));
        }
    }
}
