package io.newsgraph.article.repository;

import java.util.List;

/** A contribution credit as stored in the `credits` jsonb column: role ("reporting", "editing", ...) and names. */
public record StoredCredit(String role, List<String> names) {
}
