package io.newsgraph.article.rest;

import io.newsgraph.article.repository.Article;
import io.newsgraph.article.repository.StoredCaption;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored article as the API returns it. */
@Schema(name = "Article", description = "A stored article: parsed structure plus provenance.")
public record ArticleView(
        @Schema(examples = "6f1c8a52-3a6e-4c8e-9a53-0d8f0b0f5d11") UUID id,
        @Schema(description = "Current version; also the ETag.", examples = "1") int version,
        @Schema(examples = "cd-2025-03-23-0042") String externalId,
        @Schema(examples = "US talks set on Russia-Ukraine war") String title,
        @Schema(examples = "HENG WEILI") String author,
        @Schema(examples = "chinadaily.com.cn") String source,
        @Schema(description = "Place named by the byline or dateline.", examples = "New York") String dateline,
        String url,
        @Schema(examples = "en") String language,
        @Schema(examples = "2025-03-23T12:00:00Z") Instant publishedAt,
        @Schema(description = "Paragraphs joined by a blank line; analysis offsets are character offsets into it.") String body,
        @Schema(description = "The paragraphs of `body`.") List<String> paragraphs,
        @Schema(description = "Photo captions with their credits.") List<CaptionView> captions,
        @Schema(description = "Contribution lines kept as metadata.", examples = "[\"Agencies contributed to this story.\"]") List<String> footers,
        @Schema(description = "SHA-256 of the normalised title and body (the dedup key).", examples = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String contentHash,
        @Schema(description = "Media type the article was posted as.", examples = "text/plain") String originalMediaType,
        Instant createdAt,
        Instant updatedAt) {

    @Schema(name = "Caption")
    public record CaptionView(
            @Schema(examples = "This photo taken on Aug 15, 2024 shows a Ukrainian tank destroyed during Russian attacks in Toretsk.") String text,
            @Schema(description = "Photo credit; null when the caption has none.", examples = "Xinhua") String credit) {
    }

    public static ArticleView of(Article a) {
        return new ArticleView(a.id, a.version, a.externalId, a.title, a.author, a.source, a.dateline, a.url, a.language,
                a.publishedAt, a.body, paragraphs(a.body), captions(a.captions), a.footers == null ? List.of() : a.footers,
                a.contentHash, a.originalMediaType, a.createdAt, a.updatedAt);
    }

    static List<String> paragraphs(String body) {
        return body == null || body.isEmpty() ? List.of() : List.of(body.split("\n\n"));
    }

    static List<CaptionView> captions(List<StoredCaption> captions) {
        return captions == null ? List.of() : captions.stream().map(c -> new CaptionView(c.text(), c.credit())).toList();
    }
}
