package io.newsgraph.entity.rest;

import io.newsgraph.common.problem.FieldError;
import io.newsgraph.common.problem.ProblemException;
import io.newsgraph.entity.extract.EntityType;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Parsing of path and query parameters into 400/404 problems instead of JAX-RS' defaults. */
final class Params {
    /** ISO 3166-1 alpha-2 codes, plus XK: GeoNames' (and the EU's) user-assigned code of Kosovo. */
    private static final Set<String> ISO_COUNTRIES =
            Stream.concat(Stream.of(Locale.getISOCountries()), Stream.of("XK")).collect(Collectors.toUnmodifiableSet());

    private Params() {}

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
            throw ProblemException.badRequest(
                    "type must be PERSON, ORGANIZATION or LOCATION",
                    new FieldError("type", "must be PERSON, ORGANIZATION or LOCATION"));
        }
    }

    /** An ISO 3166-1 alpha-2 country code, either case ("ua" is UA); anything else is a 400. */
    static String country(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (!ISO_COUNTRIES.contains(code)) {
            throw ProblemException.badRequest(
                    "country must be an ISO 3166-1 alpha-2 code",
                    new FieldError("country", "must be an ISO 3166-1 alpha-2 country code such as UA or FR"));
        }
        return code;
    }

    static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw ProblemException.badRequest(
                    field + " is longer than " + max + " characters",
                    new FieldError(field, "must be at most " + max + " characters"));
        }
        return value.replaceAll("\\p{Cntrl}", " ").strip();
    }
}
