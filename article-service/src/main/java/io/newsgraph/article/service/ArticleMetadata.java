package io.newsgraph.article.service;

import java.time.Instant;

/** What a client states about an article beside its text; any value given here wins over a parsed one. */
public record ArticleMetadata(
        String externalId,
        String title,
        String author,
        String source,
        String url,
        String language,
        Instant publishedAt) {
    public static final ArticleMetadata NONE = new ArticleMetadata(null, null, null, null, null, null, null);
}
