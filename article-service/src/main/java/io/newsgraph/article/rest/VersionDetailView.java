package io.newsgraph.article.rest;

import io.newsgraph.article.repository.ArticleVersion;
import io.newsgraph.article.repository.ChangeKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A whole version, including exactly what the client posted. */
@Schema(name = "ArticleVersionDetail", description = "One full version of an article, with the original text as posted.")
public record VersionDetailView(
        UUID articleId,
        @Schema(examples = "1") int version,
        ChangeKind change,
        String contentHash,
        String title,
        String author,
        String source,
        String dateline,
        String url,
        String language,
        Instant publishedAt,
        String body,
        List<ArticleView.CaptionView> captions,
        List<String> footers,
        @Schema(description = "The content exactly as posted (JSON document, wire copy or HTML page).") String original,
        @Schema(examples = "text/plain") String originalMediaType,
        Instant createdAt) {

    public static VersionDetailView of(ArticleVersion v) {
        return new VersionDetailView(v.articleId, v.version, v.changeKind, v.contentHash, v.title, v.author, v.source,
                v.dateline, v.url, v.language, v.publishedAt, v.body, ArticleView.captions(v.captions),
                v.footers == null ? List.of() : v.footers, v.originalText, v.originalMediaType, v.createdAt);
    }
}
