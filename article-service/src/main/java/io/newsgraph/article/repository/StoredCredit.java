package io.newsgraph.article.repository;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * A contribution credit as stored in the `credits` jsonb column: role ("reporting", "editing", ...) and names.
 * Registered for reflection like {@link StoredCaption}: Hibernate's own Jackson mapper writes it, and without the
 * registration every native ingest of wire copy with a credit footer answered 500.
 */
@RegisterForReflection
public record StoredCredit(String role, List<String> names) {}
