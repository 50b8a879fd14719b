package io.newsgraph.article.rest;

import io.newsgraph.article.parse.PhotoCredit;
import io.newsgraph.article.repository.Article;
import io.newsgraph.article.repository.StoredCaption;
import io.newsgraph.article.repository.StoredCredit;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored article as the API returns it. */
@Schema(name = "Article", description = "A stored article: parsed structure plus provenance.")
public record ArticleView(
        @Schema(examples = "6f1c8a52-3a6e-4c8e-9a53-0d8f0b0f5d11")
        UUID id,

        @Schema(description = "Current version; also the ETag.", examples = "1")
        int version,

        @Schema(examples = "cd-2025-03-23-0042") String externalId,

        @Schema(examples = "US talks set on Russia-Ukraine war")
        String title,

        @Schema(examples = "HENG WEILI") String author,
        @Schema(examples = "chinadaily.com.cn") String source,

        @Schema(description = "Place named by the byline or dateline.", examples = "New York")
        String dateline,

        @Schema(
                description =
                        "The wire dateline exactly as it opened the text (it is not part of `body`); null when none.",
                examples = "KYIV, March 3 (Reuters) -")
        String datelineText,

        @Schema(
                description =
                        "The day the dateline names, ISO 8601 month-day (datelines rarely print the year); null when it names none.",
                examples = "--03-03")
        String datelineMonthDay,

        @Schema(
                description =
                        "That day with its year: printed, else the year that puts it closest before `publishedAt` (or `bylineDate`), at most two days after; null when unknown.",
                examples = "2025-03-03")
        LocalDate datelineDate,

        @Schema(
                description =
                        "Canonical news agency the copy credits (dateline, agency tag such as \"(Xinhua)\", or byline); see docs/decisions.md for the source table.",
                examples = "Reuters")
        String agency,

        @Schema(
                description =
                        "Date of a dated byline (\"By Jane Doe | China Daily | Updated: 2025-03-03 10:17\"); null when none.",
                examples = "2025-03-03")
        LocalDate bylineDate,

        String url,
        @Schema(examples = "en") String language,
        @Schema(examples = "2025-03-23T12:00:00Z") Instant publishedAt,

        @Schema(
                description =
                        "Where `publishedAt` comes from: REQUEST (the client sent it), PAGE (the page's meta tag, JSON-LD or <time>) or BYLINE (the day of a dated byline such as \"Updated: 2025-03-03 10:17\", at 00:00 UTC: day precision, and an update stamp is at most the publication day); null when there is no `publishedAt` or the article was stored before this field existed.",
                enumeration = {"REQUEST", "PAGE", "BYLINE"},
                examples = "REQUEST")
        String publishedAtSource,

        @Schema(description = "Paragraphs joined by a blank line; analysis offsets are character offsets into it.")
        String body,

        @Schema(description = "The paragraphs of `body`.") List<String> paragraphs,

        @Schema(description = "Photo captions with their credits.")
        List<CaptionView> captions,

        @Schema(
                description =
                        "Credit, byline and agency-tag lines found in the text, kept as metadata and not part of `body`.",
                examples = "[\"(Reporting by Jane Doe; Editing by John Roe)\"]")
        List<String> footers,

        @Schema(description = "The contributions those footers name, role by role.")
        List<CreditView> credits,

        @Schema(
                description = "SHA-256 of the normalised title and body (the dedup key).",
                examples = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        String contentHash,

        @Schema(description = "Media type the article was posted as.", examples = "text/plain")
        String originalMediaType,

        Instant createdAt,
        Instant updatedAt) {

    @Schema(name = "Caption")
    public record CaptionView(
            @Schema(
                    examples =
                            "This photo taken on Aug 15, 2024 shows a Ukrainian tank destroyed during Russian attacks in Toretsk.")
            String text,

            @Schema(
                    description =
                            "Photo credit as printed, marker words (\"Photo:\", \"[Photo/…]\") removed; null when the caption has none.",
                    examples = "AP Photo/Jane Roe")
            String credit,

            @Schema(
                    description =
                            "Canonical agency of the credit (a news agency before a distributor: \"Name/AFP via Getty Images\" is AFP); null when it names none.",
                    examples = "AP")
            String agency,

            @Schema(
                    description =
                            "Photographer named by the credit; null when it names none (handouts, pool pictures).",
                    examples = "Jane Roe")
            String photographer) {

        static CaptionView of(StoredCaption c) {
            PhotoCredit credit = PhotoCredit.of(c.credit());
            return new CaptionView(c.text(), c.credit(), credit.agency(), credit.photographer());
        }
    }

    @Schema(name = "Credit", description = "One contribution credit: \"Reporting by Jane Doe and John Roe\".")
    public record CreditView(
            @Schema(
                    description =
                            "Role as printed, lower case: reporting, additional reporting, writing, editing, compiled, contributing, …",
                    examples = "reporting")
            String role,

            @Schema(
                    description = "People or desks credited, places removed.",
                    examples = "[\"Jane Doe\", \"John Roe\"]")
            List<String> names) {}

    public static ArticleView of(Article a) {
        return new ArticleView(
                a.id,
                a.version,
                a.externalId,
                a.title,
                a.author,
                a.source,
                a.dateline,
                a.datelineText,
                a.datelineMonthDay,
                a.datelineDate,
                a.agency,
                a.bylineDate,
                a.url,
                a.language,
                a.publishedAt,
                a.publishedAtSource,
                a.body,
                paragraphs(a.body),
                captions(a.captions),
                a.footers == null ? List.of() : a.footers,
                credits(a.credits),
                a.contentHash,
                a.originalMediaType,
                a.createdAt,
                a.updatedAt);
    }

    static List<CreditView> credits(List<StoredCredit> credits) {
        return credits == null
                ? List.of()
                : credits.stream().map(c -> new CreditView(c.role(), c.names())).toList();
    }

    static List<String> paragraphs(String body) {
        return body == null || body.isEmpty() ? List.of() : List.of(body.split("\n\n"));
    }

    static List<CaptionView> captions(List<StoredCaption> captions) {
        return captions == null
                ? List.of()
                : captions.stream().map(CaptionView::of).toList();
    }
}
