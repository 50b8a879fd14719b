package io.newsgraph.entity.rest;

import io.newsgraph.common.problem.FieldError;
import io.newsgraph.common.problem.ProblemException;
import io.newsgraph.entity.extract.EntityType;
import java.util.Locale;
import java.util.UUID;

/** Parsing of path and query parameters into 400/404 problems instead of JAX-RS' defaults. */
final class Params {
    private Params() {
    }

    /** Ids that are not UUIDs name nothing: 404 like any unknown id. */
    static UUID id(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(404, "not-found", "Resource not found", "No " + what + " has the id given");
        }
    }

    static UUID optionalId(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field + " must be an entity id", new FieldError(field, "must be a UUID"));
        }
    }

    static EntityType type(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return EntityType.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("type must be PERSON, ORGANIZATION or LOCATION",
                    new FieldError("type", "must be PERSON, ORGANIZATION or LOCATION"));
        }
    }

    static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw ProblemException.badRequest(field + " is longer than " + max + " characters",
                    new FieldError(field, "must be at most " + max + " characters"));
        }
        return value.replaceAll("\\p{Cntrl}", " ").strip();
    }

}
