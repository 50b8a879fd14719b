package io.newsgraph.article.rest;

import io.newsgraph.article.repository.ArticleVersion;
import io.newsgraph.article.repository.ChangeKind;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One version in an article's history. */
@Schema(name = "ArticleVersion", description = "One version of an article: what changed, when, and the content hash.")
public record VersionView(
        @Schema(examples = "2") int version,

        @Schema(description = "CREATED, UPDATED or DELETED.")
        ChangeKind change,

        @Schema(examples = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        String contentHash,

        @Schema(examples = "US talks set on Russia-Ukraine war")
        String title,

        @Schema(examples = "2025-03-23T12:05:00.123456Z") Instant createdAt) {

    public static VersionView of(ArticleVersion v) {
        return new VersionView(v.version, v.changeKind, v.contentHash, v.title, v.createdAt);
    }
}
