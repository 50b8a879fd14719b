package io.newsgraph.alert.repository;

import java.time.Instant;
import java.util.UUID;

/** A saved search as stored; {@code query} and {@code compiled} are JSON text. */
public record Subscription(
        UUID id,
        String owner,
        String name,
        String query,
        String compiled,
        String webhookUrl,
        String secret,
        String previousSecret,
        Instant previousSecretUntil,
        boolean active,
        long revision,
        long listSeq,
        Instant createdAt,
        Instant updatedAt) {}
