package io.newsgraph.bench.quality;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The hand-made annotation of one dev-set article (devset/README.md describes every field). */
@JsonIgnoreProperties(ignoreUnknown = true)
record Gold(
        Input input,
        Metadata metadata,
        ReferenceDate referenceDate,
        List<Entity> entities,
        List<Quote> quotes,
        List<DateGold> dates) {

    Gold {
        entities = entities == null ? List.of() : entities;
        quotes = quotes == null ? List.of() : quotes;
        dates = dates == null ? List.of() : dates;
    }

    /** What the client would send beside the content: the publishedAt query parameter of a text ingest. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Input(String publishedAt) {}

    /** Each field is a string, an array of accepted strings (source aliases) or null when absent. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Metadata(
            JsonNode title,
            JsonNode author,
            JsonNode source,
            JsonNode place,
            List<String> photoCredits,
            String publishedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReferenceDate(String value, String source) {}

    /**
     * {@code place} (LOCATION only): Java null when not annotated; JSON null when the place belongs to no single country
     * and must stay unlinked (a sea, a continent, disputed islands); else {@code {country}} for a country or region, or
     * {@code {geonamesId, country}} for a place the GeoNames gazetteer knows.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entity(String surface, String type, String canonical, JsonNode place) {}

    /** {@code speaker}: canonical name, null for an unnamed speaker ("a senior official"). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Quote(String text, String speaker, String kind, String onBehalfOf, List<String> speakers, String role) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DateGold(String surface, String value) {}
}
