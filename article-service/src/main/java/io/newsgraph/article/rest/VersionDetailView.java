package io.newsgraph.article.rest;

import io.newsgraph.article.repository.ArticleVersion;
import io.newsgraph.article.repository.ChangeKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A whole version, including exactly what the client posted. */
@Schema(
        name = "ArticleVersionDetail",
        description = "One full version of an article, with the original text as posted.")
public record VersionDetailView(
        UUID articleId,
        @Schema(examples = "1") int version,
        ChangeKind change,
        String contentHash,
        String title,
        String author,
        String source,
        String dateline,

        @Schema(description = "The wire dateline as printed; null when none.", examples = "KYIV, March 3 (Reuters) -")
        String datelineText,

        @Schema(description = "The day the dateline names (ISO month-day); null when none.", examples = "--03-03")
        String datelineMonthDay,

        @Schema(description = "That day with its year; null when unknown.", examples = "2025-03-03")
        LocalDate datelineDate,

        @Schema(description = "Canonical news agency the copy credits.", examples = "Reuters")
        String agency,

        @Schema(description = "Date of a dated byline; null when none.", examples = "2025-03-03")
        LocalDate bylineDate,

        String url,
        String language,
        Instant publishedAt,

        @Schema(
                description = "Where `publishedAt` comes from (see Article).",
                enumeration = {"REQUEST", "PAGE", "BYLINE"},
                examples = "REQUEST")
        String publishedAtSource,

        String body,
        List<ArticleView.CaptionView> captions,
        List<String> footers,
        List<ArticleView.CreditView> credits,

        @Schema(description = "The content exactly as posted (JSON document, wire copy or HTML page).")
        String original,

        @Schema(examples = "text/plain") String originalMediaType,
        Instant createdAt) {

    public static VersionDetailView of(ArticleVersion v) {
        return new VersionDetailView(
                v.articleId,
                v.version,
                v.changeKind,
                v.contentHash,
                v.title,
                v.author,
                v.source,
                v.dateline,
                v.datelineText,
                v.datelineMonthDay,
                v.datelineDate,
                v.agency,
                v.bylineDate,
                v.url,
                v.language,
                v.publishedAt,
                v.publishedAtSource,
                v.body,
                ArticleView.captions(v.captions),
                v.footers == null ? List.of() : v.footers,
                ArticleView.credits(v.credits),
                v.originalText,
                v.originalMediaType,
                v.createdAt);
    }
}
