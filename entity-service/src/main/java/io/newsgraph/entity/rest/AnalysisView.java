package io.newsgraph.entity.rest;

import io.newsgraph.entity.extract.Analysis;
import io.newsgraph.entity.extract.EntityType;
import io.newsgraph.entity.repository.AnalysisRepository.StoredAnalysis;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Everything extracted from one text: entities with offsets, quotes, numeric claims and dates. */
@Schema(
        name = "Analysis",
        description =
                "Entities with character offsets into the article body, roles and salience; quotes with speakers; numeric claims; dates.")
public record AnalysisView(
        @Schema(description = "The analysed article; null for stateless extraction.")
        UUID articleId,

        @Schema(description = "Article version analysed; null for stateless extraction.", examples = "1")
        Integer version,

        Instant analysedAt,
        List<EntityItem> entities,
        List<QuoteItem> quotes,
        List<ClaimItem> claims,
        List<DateItem> dates,

        @Schema(
                description =
                        "The day relative dates were resolved against and where it comes from; null when the article gives "
                                + "none (relative dates then stay unresolved).")
        ReferenceDateItem referenceDate) {

    @Schema(name = "ReferenceDate")
    public record ReferenceDateItem(
            @Schema(examples = "2025-03-03") LocalDate value,

            @Schema(
                    description =
                            "PUBLISHED_AT (the article's publication time), DATELINE (\"KYIV, March 3 (Reuters) -\"), "
                                    + "CAPTION (a dated photo caption), BYLINE (an \"Updated: 2025-03-03\" byline) or BODY (the latest "
                                    + "explicit full date in the text), in that order of trust.",
                    examples = "DATELINE",
                    enumeration = {"PUBLISHED_AT", "DATELINE", "CAPTION", "BYLINE", "BODY"})
            String source) {

        static ReferenceDateItem of(LocalDate value, String source) {
            return value == null ? null : new ReferenceDateItem(value, source);
        }
    }

    @Schema(name = "AnalysisEntity")
    public record EntityItem(
            @Schema(description = "Entity id in the graph; null for stateless extraction.")
            UUID id,

            @Schema(
                    description = "Key of the entity within this analysis (TYPE:canonical name).",
                    examples = "PERSON:Steve Witkoff")
            String key,

            @Schema(examples = "Steve Witkoff") String name,
            EntityType type,

            @Schema(description = "0..1; the most salient entity of the text has 1.", examples = "0.84")
            double salience,

            @Schema(
                    description = "Titles and appositives attached to it in this text.",
                    examples = "[\"US special envoy\"]")
            List<String> roles,

            List<MentionItem> mentions,

            @Schema(
                    description =
                            "Where a LOCATION is (GeoNames); null when unlinked. Stateless extraction: the link this text's context "
                                    + "gives; a stored analysis: the entity's place in the graph.")
            Views.PlaceView place) {}

    @Schema(name = "Mention")
    public record MentionItem(
            @Schema(description = "Offset of the first character in the body.", examples = "1234")
            int start,

            @Schema(description = "Offset after the last character.", examples = "1247")
            int end,

            @Schema(examples = "Witkoff") String surface) {}

    @Schema(name = "Speaker")
    public record SpeakerItem(
            @Schema(description = "Entity id; null when unnamed or unknown (or stateless).")
            UUID entityId,

            @Schema(
                    description = "Key within the analysis; null when unnamed or unknown.",
                    examples = "PERSON:Steve Witkoff")
            String key,

            @Schema(examples = "Steve Witkoff") String name,

            @Schema(description = "How the text refers to the speaker at this quote.", examples = "he")
            String surface,

            @Schema(description = "For unnamed speakers.", examples = "A Ukrainian official")
            String description,

            @Schema(examples = "US special envoy") String role) {}

    @Schema(name = "Quote")
    public record QuoteItem(
            int start,
            int end,

            @Schema(examples = "The agenda is stop the killing, stop the carnage.")
            String text,

            @Schema(
                    description =
                            "DIRECT (a full quotation in quote marks), PARTIAL (a fragment in quote marks inside the "
                                    + "reporter's sentence) or INDIRECT (reported speech without quote marks).",
                    examples = "DIRECT",
                    enumeration = {"DIRECT", "PARTIAL", "INDIRECT"})
            String kind,

            @Schema(examples = "said") String verb,
            SpeakerItem speaker,

            @Schema(
                    description =
                            "The principal a spokesperson speaks for (\"..., quoting Secretary-General Y\", \"on behalf "
                                    + "of Y\", \"a spokesman for Y\"); null when the speaker speaks for themselves.")
            PrincipalItem onBehalfOf,

            @Schema(
                    description =
                            "0..1, how sure the attribution is: highest for a speaker named next to the quote, lower "
                                    + "for a pronoun, a role (\"the envoy said\"), a continued paragraph or the sentence's subject; 0 when "
                                    + "no speaker was found; null for quotes analysed before confidences were stored.",
                    examples = "0.95")
            Double confidence) {}

    @Schema(name = "Principal", description = "The person a spokesperson speaks for.")
    public record PrincipalItem(
            @Schema(description = "Entity id; null for stateless extraction.")
            UUID entityId,

            @Schema(description = "Key within the analysis.", examples = "PERSON:Antonio Guterres")
            String key,

            @Schema(examples = "Antonio Guterres") String name) {

        static PrincipalItem of(UUID id, String key, String name) {
            return id == null && key == null ? null : new PrincipalItem(id, key, name);
        }
    }

    @Schema(name = "Claim")
    public record ClaimItem(
            int start,
            int end,
            @Schema(examples = "almost 1,100 strike drones") String surface,
            @Schema(examples = "1100") BigDecimal value,
            @Schema(examples = "almost") String qualifier,
            @Schema(examples = "strike drones") String unit,

            @Schema(description = "Whether the number sits inside a quotation.")
            boolean inQuote,

            @Schema(description = "Who states it, when known.")
            SpeakerItem claimant) {}

    @Schema(name = "DateMention")
    public record DateItem(
            int start,
            int end,
            @Schema(examples = "on Sunday") String surface,

            @Schema(description = "First day of the period; null when it cannot be resolved.", examples = "2025-03-23")
            LocalDate resolved,

            @Schema(description = "DAY, WEEK, MONTH or YEAR.", examples = "DAY")
            String granularity) {}

    /** Stateless extraction: entities are identified by their key only. */
    static AnalysisView of(Analysis a) {
        Map<String, String> names =
                a.entities().stream().collect(Collectors.toMap(e -> e.key(), e -> e.canonicalName(), (x, y) -> x));
        return new AnalysisView(
                null,
                null,
                null,
                a.entities().stream()
                        .map(e -> new EntityItem(
                                null,
                                e.key(),
                                e.canonicalName(),
                                e.type(),
                                e.salience(),
                                e.roles(),
                                e.mentions().stream()
                                        .map(m -> new MentionItem(m.start(), m.end(), m.surface()))
                                        .toList(),
                                Views.PlaceView.of(e.place())))
                        .toList(),
                a.quotes().stream()
                        .map(q -> new QuoteItem(
                                q.start(),
                                q.end(),
                                q.text(),
                                q.kind().name(),
                                q.verb(),
                                new SpeakerItem(
                                        null,
                                        q.speakerKey(),
                                        names.get(q.speakerKey()),
                                        q.speakerSurface(),
                                        q.speakerDescription(),
                                        q.speakerRole()),
                                PrincipalItem.of(null, q.onBehalfOfKey(), names.get(q.onBehalfOfKey())),
                                q.confidence()))
                        .toList(),
                a.claims().stream()
                        .map(c -> new ClaimItem(
                                c.start(),
                                c.end(),
                                c.surface(),
                                c.value(),
                                c.qualifier(),
                                c.unit(),
                                c.inQuote(),
                                c.claimantKey() == null
                                        ? null
                                        : new SpeakerItem(
                                                null, c.claimantKey(), names.get(c.claimantKey()), null, null, null)))
                        .toList(),
                a.dates().stream()
                        .map(d -> new DateItem(d.start(), d.end(), d.surface(), d.resolved(), d.granularity()))
                        .toList(),
                a.referenceDate() == null
                        ? null
                        : ReferenceDateItem.of(
                                a.referenceDate().value(),
                                a.referenceDate().source().name()));
    }

    static AnalysisView of(StoredAnalysis a) {
        Map<UUID, String> keys =
                a.entities().stream().collect(Collectors.toMap(e -> e.entityId(), e -> e.type() + ":" + e.name()));
        Function<UUID, String> key = id -> id == null ? null : keys.get(id);
        return new AnalysisView(
                a.articleId(),
                a.version(),
                a.analysedAt(),
                a.entities().stream()
                        .map(e -> new EntityItem(
                                e.entityId(),
                                key.apply(e.entityId()),
                                e.name(),
                                e.type(),
                                e.salience(),
                                e.roles(),
                                e.mentions().stream()
                                        .map(m -> new MentionItem(m.start(), m.end(), m.surface()))
                                        .toList(),
                                Views.PlaceView.of(e.place())))
                        .toList(),
                a.quotes().stream()
                        .map(q -> QuoteView.speakerQuote(q, key.apply(q.speakerId()), key.apply(q.onBehalfOfId())))
                        .toList(),
                a.claims().stream()
                        .map(c -> new ClaimItem(
                                c.start(),
                                c.end(),
                                c.surface(),
                                c.value(),
                                c.qualifier(),
                                c.unit(),
                                c.inQuote(),
                                c.claimantId() == null
                                        ? null
                                        : new SpeakerItem(
                                                c.claimantId(),
                                                key.apply(c.claimantId()),
                                                c.claimantName(),
                                                null,
                                                null,
                                                null)))
                        .toList(),
                a.dates().stream()
                        .map(d -> new DateItem(d.start(), d.end(), d.surface(), d.resolved(), d.granularity()))
                        .toList(),
                ReferenceDateItem.of(a.referenceDate(), a.referenceDateSource()));
    }
}
