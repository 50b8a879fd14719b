package io.newsgraph.article.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A search as JSON (`POST /search`), the same parameters as `GET /search`; lists where the query string repeats. */
@Schema(name = "SearchRequest", description = "The parameters of GET /search as one JSON object.")
public record SearchRequest(
        @Schema(
                description = "Search text (see the operation for the syntax), up to 500 characters.",
                examples = "cease-fire \"Black Sea\"")
        String q,

        @Schema(examples = "[\"reuters.com\"]") List<String> source,
        List<String> author,
        @Schema(examples = "[\"en\"]") List<String> language,
        @Schema(examples = "now-30d") String from,
        @Schema(examples = "now") String to,
        List<String> entity,
        @Schema(enumeration = {"all", "any"}) String entityMode,
        List<String> entityType,
        List<String> speaker,
        @Schema(examples = "[\"UA\"]") List<String> place,

        @Schema(enumeration = {"relevance", "date", "-date"})
        String sort,

        @Schema(examples = "source,entity,date") String facets,

        @Schema(enumeration = {"auto", "day", "week", "month"})
        String interval,

        @Schema(enumeration = {"collapse", "show"}) String duplicates,
        String cursor,

        @Schema(minimum = "1", maximum = "100", examples = "10")
        Integer limit) {

    SearchRequest withLimit(int newLimit) {
        return new SearchRequest(
                q,
                source,
                author,
                language,
                from,
                to,
                entity,
                entityMode,
                entityType,
                speaker,
                place,
                sort,
                facets,
                interval,
                duplicates,
                cursor,
                newLimit);
    }

    /** The query string of the next page's link: every parameter as given, the cursor replaced. */
    String[] linkParams(String nextCursor) {
        List<String> params = new ArrayList<>(Arrays.asList("q", q));
        for (Object[] list : new Object[][] {
            {"source", source},
            {"author", author},
            {"language", language},
            {"entity", entity},
            {"entityType", entityType},
            {"speaker", speaker},
            {"place", place}
        }) {
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) list[1];
            if (values != null) {
                values.forEach(v -> params.addAll(Arrays.asList((String) list[0], v)));
            }
        }
        params.addAll(Arrays.asList(
                "from",
                from,
                "to",
                to,
                "entityMode",
                entityMode,
                "sort",
                sort,
                "facets",
                facets,
                "interval",
                interval,
                "duplicates",
                duplicates,
                "limit",
                String.valueOf(limit),
                "cursor",
                nextCursor));
        return params.toArray(String[]::new);
    }
}
