package io.newsgraph.common.paging;

import io.newsgraph.common.problem.FieldError;
import io.newsgraph.common.problem.ProblemException;

/**
 * Parses a `limit` query parameter. Taken as text on purpose: JAX-RS answers a non-numeric int parameter
 * with 404, while a client deserves a 400 naming the field.
 */
public final class PageLimit {
    private PageLimit() {}

    public static int parse(String raw, int defaultValue, int max) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badRequest(
                "limit must be a whole number from 1 to " + max,
                new FieldError("limit", "must be a whole number from 1 to " + max));
    }
}
