package io.newsgraph.article.repository;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A photo caption as stored in the `captions` jsonb column. Hibernate's own Jackson mapper (de)serialises it, which
 * Quarkus does not register for a native image as it does REST bodies: without the registration the native executable
 * finds no properties and every ingest with a caption fails.
 */
@RegisterForReflection
public record StoredCaption(String text, String credit) {}
