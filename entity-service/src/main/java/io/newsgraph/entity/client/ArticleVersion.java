package io.newsgraph.entity.client;

import java.time.Instant;
import java.util.UUID;

/** One article version from article-service (only the fields extraction needs). */
public record ArticleVersion(UUID articleId, int version, String change, String title, String body, Instant publishedAt) {
}
