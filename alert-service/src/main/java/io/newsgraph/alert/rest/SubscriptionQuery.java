package io.newsgraph.alert.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a subscription follows: the filtering parameters of `GET /search` (validated by article-service exactly as a search;
 * ranking, facets and paging do not apply). Sizes here only bound the body; the search rules say the rest.
 */
@Schema(
        name = "SubscriptionQuery",
        description = "The search a subscription follows: the filter parameters of GET /search.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionQuery(
        @Schema(
                description = "Search text (the syntax of GET /search), up to 500 characters.",
                examples = "cease-fire \"Black Sea\"")
        @Size(max = 2000)
        String q,

        @Schema(examples = "[\"reuters.com\"]") @Size(max = 50)
        List<String> source,

        @Size(max = 50) List<String> author,
        @Schema(examples = "[\"en\"]") @Size(max = 50) List<String> language,

        @Schema(
                description = "Only articles dated from this time (RFC 3339, a date, or date math such as now-1d).",
                examples = "2025-01-01")
        @Size(max = 100)
        String from,

        @Size(max = 100) String to,

        @Schema(
                description = "Entity ids the articles mention.",
                examples = "[\"0b6f3f0e-4a53-4a38-9a41-0f8d2a7c1e11\"]")
        @Size(max = 50)
        List<String> entity,

        @Schema(enumeration = {"all", "any"}) @Size(max = 10)
        String entityMode,

        @Size(max = 50) List<String> entityType,
        @Size(max = 50) List<String> speaker,
        @Schema(examples = "[\"UA\"]") @Size(max = 50) List<String> place) {}
