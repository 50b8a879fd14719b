package io.newsgraph.entity.rest;

import io.newsgraph.common.validation.TextPatterns;
import io.newsgraph.entity.extract.EntityType;
import io.newsgraph.entity.extract.Place;
import io.newsgraph.entity.repository.AnalysisRepository.StoredClaim;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of entity-service besides the analysis itself. */
public final class Views {
    private Views() {}

    @Schema(name = "ExtractRequest", description = "A text to analyse; nothing is stored.")
    public record ExtractRequest(
            @Schema(
                    description = "Headline (raises the salience of entities it names).",
                    examples = "US talks set on Russia-Ukraine war")
            @Size(max = 1000)
            String title,

            @Schema(
                    description = "The text; paragraphs separated by blank lines.",
                    examples = "US special envoy Steve Witkoff said on Sunday: \"We will see real progress.\"")
            @NotBlank
            @Size(max = 200_000)
            String text,

            @Schema(
                    description = "Publication time, the anchor for relative dates such as \"on Sunday\".",
                    examples = "2025-03-23T12:00:00Z")
            OffsetDateTime publishedAt) {}

    @Schema(name = "Entity", description = "An entity of the graph with what is known of it across articles.")
    public record EntityView(
            UUID id,
            @Schema(examples = "Steve Witkoff") String name,
            EntityType type,

            @Schema(description = "Other names: extracted surfaces and user corrections.")
            List<AliasItem> aliases,

            @Schema(description = "Roles seen, most frequent first.")
            List<RoleItem> roles,

            @Schema(examples = "12") long articleCount,
            @Schema(examples = "57") long mentionCount,

            @Schema(description = "Average salience over its articles (0..1).", examples = "0.41")
            double averageSalience,

            @Schema(description = "Highest salience in any article (0..1).", examples = "1.0")
            double maxSalience,

            @Schema(description = "Most recent articles (filled in by the gateway's composition; empty here).")
            List<ArticleRef> recentArticles,

            @Schema(
                    description =
                            "Where a LOCATION is, from the GeoNames gazetteer; null when it is not linked (and for people and "
                                    + "organisations).")
            PlaceView place) {}

    @Schema(
            name = "Place",
            description =
                    "A LOCATION's link to the GeoNames gazetteer (data: geonames.org, CC BY 4.0). A city or town has "
                            + "all four fields; a country, or a first-level region of one (a state, province or county), only the country's code.")
    public record PlaceView(
            @Schema(
                    description =
                            "Id of the place at geonames.org (https://www.geonames.org/{id}); null for a country or a region.",
                    examples = "703448")
            Long geonamesId,

            @Schema(
                    description =
                            "ISO 3166-1 alpha-2 code of the country the place or region is in, or of the country itself.",
                    examples = "UA",
                    pattern = "^[A-Z]{2}$")
            String countryCode,

            @Schema(description = "WGS84 latitude in degrees; null for a country or a region.", examples = "50.45466")
            Double latitude,

            @Schema(description = "WGS84 longitude in degrees; null for a country or a region.", examples = "30.5238")
            Double longitude) {

        static PlaceView of(Place p) {
            return p == null ? null : new PlaceView(p.geonamesId(), p.countryCode(), p.latitude(), p.longitude());
        }
    }

    @Schema(name = "Alias")
    public record AliasItem(
            @Schema(examples = "Kiev") String alias,

            @Schema(description = "EXTRACTED (seen in an article) or USER (a correction).", examples = "USER")
            String origin) {}

    @Schema(name = "Role")
    public record RoleItem(
            @Schema(examples = "US special envoy") String role,
            @Schema(examples = "3") long count) {}

    @Schema(name = "EntitySummary")
    public record EntitySummary(
            UUID id,
            @Schema(examples = "Kyiv") String name,
            EntityType type,
            @Schema(examples = "7") long articleCount,

            @Schema(description = "GeoNames link of a LOCATION; null when unlinked.")
            PlaceView place) {}

    @Schema(name = "EntityPage", description = "One page of entities, most mentioned first.")
    public record EntityPage(List<EntitySummary> items, String nextCursor, String next) {}

    @Schema(name = "EntityArticle", description = "An article that mentions the entity.")
    public record ArticleRef(
            UUID articleId,

            @Schema(examples = "US talks set on Russia-Ukraine war")
            String title,

            Instant publishedAt,
            @Schema(examples = "0.8") double salience,
            @Schema(examples = "4") int mentionCount) {}

    @Schema(name = "EntityArticlePage")
    public record ArticlePage(List<ArticleRef> items, String nextCursor, String next) {}

    @Schema(name = "Cooccurrence", description = "A graph edge: another entity in the same articles.")
    public record Cooccurrence(
            UUID entityId,
            @Schema(examples = "Vladimir Putin") String name,
            EntityType type,

            @Schema(description = "Number of articles mentioning both.", examples = "5")
            long weight,

            @Schema(description = "GeoNames link of a LOCATION; null when unlinked.")
            PlaceView place) {}

    @Schema(name = "CooccurrencePage")
    public record CooccurrencePage(List<Cooccurrence> items, String nextCursor, String next) {}

    @Schema(name = "QuotePage")
    public record QuotePage(List<QuoteView> items, String nextCursor, String next) {}

    @Schema(name = "CorpusClaim", description = "A numeric claim with the article it appears in.")
    public record ClaimView(UUID articleId, AnalysisView.ClaimItem claim) {
        static ClaimView of(StoredClaim c) {
            return new ClaimView(
                    c.articleId(),
                    new AnalysisView.ClaimItem(
                            c.start(),
                            c.end(),
                            c.surface(),
                            c.value(),
                            c.qualifier(),
                            c.unit(),
                            c.inQuote(),
                            c.claimantId() == null
                                    ? null
                                    : new AnalysisView.SpeakerItem(
                                            c.claimantId(), null, c.claimantName(), null, null, null)));
        }
    }

    @Schema(name = "ClaimPage")
    public record ClaimPage(List<ClaimView> items, String nextCursor, String next) {}

    @Schema(name = "AliasRequest")
    public record AliasRequest(
            @Schema(description = "Another name of the entity.", examples = "Kiev")
            @NotBlank
            @Size(max = 300)
            @Pattern(regexp = TextPatterns.SINGLE_LINE, message = TextPatterns.SINGLE_LINE_MESSAGE)
            String alias) {}

    @Schema(name = "MergeRequest")
    public record MergeRequest(
            @Schema(
                    description = "Entity to merge into this one; it forwards here afterwards.",
                    examples = "1b7a2c9e-0f7e-4d0b-9d1e-0d8f0b0f5d11")
            @NotNull
            UUID source) {}

    @Schema(name = "ExtractionStatus", description = "Progress of feed consumption and extraction.")
    public record Status(
            @Schema(description = "Whether the NER model is loaded.")
            boolean modelLoaded,

            @Schema(description = "Model load time in milliseconds.", examples = "2300")
            Long modelLoadMillis,

            @Schema(description = "Last article-feed position pulled.", examples = "1042")
            long feedPosition,

            @Schema(examples = "3") long pendingJobs,
            @Schema(examples = "1040") long doneJobs,
            @Schema(examples = "0") long parkedJobs,

            @Schema(description = "Age of the oldest pending job, seconds.", examples = "0.4")
            double lagSeconds,

            @Schema(description = "Parked jobs (oldest first, at most 100).")
            List<ParkedJob> parked) {}

    @Schema(name = "ParkedJob")
    public record ParkedJob(
            UUID articleId, int version, String kind, int attempts, String lastError, Instant createdAt) {}
}
