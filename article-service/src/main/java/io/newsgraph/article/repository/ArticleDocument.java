package io.newsgraph.article.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An article as the `articles` search index holds it (mapping: resources/search/articles-index.json). Built from
 * the store of record only, so that it can be rebuilt at any time. {@code date} is what date filters, sorts and
 * histograms use: the publication time, else when the article was first stored. Near-duplicates share
 * {@code duplicateKey}; the first stored of a group is its {@code representative} and lists the others.
 */
public record ArticleDocument(
        UUID id,
        int version,
        String title,
        String body,
        String author,
        String source,
        String language,
        String dateline,
        Instant publishedAt,
        Instant storedAt,
        Instant date,
        List<EntitySummary.SummaryEntity> entities,
        List<UUID> entityIds,
        List<String> entityTypes,
        List<String> entityKeys,
        List<UUID> speakerIds,
        List<String> countries,
        String duplicateKey,
        boolean representative,
        List<UUID> duplicateIds) {

    /** Separates type, id and name in {@code entityKeys}, the field entity facets count (one terms aggregation for all). */
    public static final String KEY_SEPARATOR = "\u001f";
}
