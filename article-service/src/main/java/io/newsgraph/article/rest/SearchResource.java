package io.newsgraph.article.rest;

import io.micrometer.core.annotation.Timed;
import io.newsgraph.article.query.QueryNode;
import io.newsgraph.article.query.QueryParser;
import io.newsgraph.article.query.QuerySyntaxException;
import io.newsgraph.article.service.ArticleSearch;
import io.newsgraph.article.service.SearchQuery;
import io.newsgraph.article.service.SearchResult;
import io.newsgraph.common.paging.NextLinks;
import io.newsgraph.common.paging.PageLimit;
import io.newsgraph.common.problem.FieldError;
import io.newsgraph.common.problem.ProblemException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Full-text search over articles with filters, facets and highlights.")
@RunOnVirtualThread
public class SearchResource {
    static final int MAX_QUERY_LENGTH = 500;
    static final int MAX_VALUES = 20;

    @Inject
    ArticleSearch search;

    @GET
    @Operation(operationId = "searchArticles", summary = "Search articles")
    @APIResponse(
            responseCode = "200",
            description = "Ranked hits with highlights, and the facets asked for.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SearchPage.class)))
    @APIResponse(responseCode = "503")
    @Timed(
            value = "newsgraph.search",
            histogram = true,
            description = "Search requests, from parsing to the ranked page")
    public SearchPage search(
            @Parameter(example = "cease-fire \"Black Sea\"") @QueryParam("q") String q,
            @QueryParam("source") List<String> source,
            @QueryParam("author") List<String> author,
            @QueryParam("language") List<String> language,
            @Parameter(example = "now-7d") @QueryParam("from") String from,
            @Parameter(example = "now") @QueryParam("to") String to,
            @Parameter(schema = @Schema(type = SchemaType.ARRAY, implementation = UUID.class)) @QueryParam("entity")
                    List<String> entity,
            @Parameter(schema = @Schema(enumeration = {"all", "any"})) @QueryParam("entityMode") String entityMode,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = String.class,
                                            enumeration = {"PERSON", "ORGANIZATION", "LOCATION"}))
                    @QueryParam("entityType")
                    List<String> entityType,
            @QueryParam("speaker") List<String> speaker,
            @QueryParam("place") List<String> place,
            @Parameter(schema = @Schema(enumeration = {"relevance", "date", "-date"})) @QueryParam("sort") String sort,
            @Parameter(example = "source,entity,date") @QueryParam("facets") String facets,
            @Parameter(schema = @Schema(enumeration = {"auto", "day", "week", "month"})) @QueryParam("interval")
                    String interval,
            @Parameter(schema = @Schema(enumeration = {"collapse", "show"})) @QueryParam("duplicates")
                    String duplicates,
            @QueryParam("cursor") String cursor,
            @Parameter(
                            example = "10",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "100",
                                            defaultValue = "10"))
                    @QueryParam("limit")
                    String limit) {
        SearchRequest request = new SearchRequest(
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
                PageLimit.parse(limit, 10, 100));
        return run(request, true);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "searchArticlesPost", summary = "Search articles (query as JSON)")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SearchRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "Ranked hits with highlights, and the facets asked for.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SearchPage.class)))
    @APIResponse(responseCode = "503")
    @Timed(
            value = "newsgraph.search",
            histogram = true,
            description = "Search requests, from parsing to the ranked page")
    public SearchPage searchPost(SearchRequest request) {
        if (request == null) {
            throw ProblemException.badRequest(
                    "A JSON search request is required", new FieldError("body", "must not be empty"));
        }
        return run(
                request.withLimit(
                        request.limit() == null ? 10 : PageLimit.parse(String.valueOf(request.limit()), 10, 100)),
                false);
    }

    private SearchPage run(SearchRequest request, boolean linkable) {
        SearchQuery query = validate(request);
        SearchResult result = search.search(query);
        String next = result.nextCursor() == null || !linkable
                ? null
                : NextLinks.of("/api/v1/search", request.linkParams(result.nextCursor()));
        return new SearchPage(request.q(), result.total(), result.hits(), result.facets(), result.nextCursor(), next);
    }

    static SearchQuery validate(SearchRequest r) {
        List<FieldError> errors = new ArrayList<>();
        String text = r.q() == null ? null : r.q().replaceAll("\\p{Cntrl}", " ").strip();
        QueryNode parsed = null;
        if (text != null && text.length() > MAX_QUERY_LENGTH) {
            errors.add(new FieldError(
                    "q", "must be at most " + MAX_QUERY_LENGTH + " characters (has " + text.length() + ")"));
        } else if (text != null && !text.isEmpty()) {
            try {
                parsed = QueryParser.parse(text);
            } catch (QuerySyntaxException e) {
                errors.add(new FieldError("q", e.getMessage()));
            }
        }
        List<String> sources = texts("source", r.source(), 300, errors);
        List<String> authors = texts("author", r.author(), 300, errors);
        List<String> languages = texts("language", r.language(), 16, errors);
        List<UUID> entities = ids("entity", r.entity(), errors);
        List<UUID> speakers = ids("speaker", r.speaker(), errors);
        List<String> places = texts("place", r.place(), 2, errors).stream()
                .map(p -> p.toUpperCase(Locale.ROOT))
                .toList();
        places.stream()
                .filter(p -> !p.matches("[A-Z]{2}"))
                .findFirst()
                .ifPresent(p ->
                        errors.add(new FieldError("place", "must be ISO 3166-1 alpha-2 country codes such as UA")));
        List<String> types = texts("entityType", r.entityType(), 20, errors).stream()
                .map(t -> t.toUpperCase(Locale.ROOT))
                .toList();
        types.stream()
                .filter(t -> !Set.of("PERSON", "ORGANIZATION", "LOCATION").contains(t))
                .findFirst()
                .ifPresent(t -> errors.add(new FieldError("entityType", "must be PERSON, ORGANIZATION or LOCATION")));
        for (String[] time : new String[][] {{"from", r.from()}, {"to", r.to()}}) {
            if (time[1] != null && ArticleSearch.parseTime(time[1]) == null) {
                errors.add(new FieldError(
                        time[0], "must be an RFC 3339 time, a date (2025-03-23) or date math such as now-7d"));
            }
        }
        boolean all = choice("entityMode", r.entityMode(), List.of("all", "any"), "all", errors)
                .equals("all");
        String sortName = choice(
                "sort",
                r.sort(),
                List.of("relevance", "date", "-date"),
                parsed == null ? "-date" : "relevance",
                errors);
        SearchQuery.Sort sort = switch (sortName) {
            case "date" -> SearchQuery.Sort.DATE;
            case "-date" -> SearchQuery.Sort.DATE_DESC;
            default -> parsed == null ? SearchQuery.Sort.DATE_DESC : SearchQuery.Sort.RELEVANCE;
        };
        Set<SearchQuery.Facet> facets = EnumSet.noneOf(SearchQuery.Facet.class);
        if (r.facets() != null && !r.facets().isBlank()) {
            for (String facet : r.facets().split(",")) {
                try {
                    facets.add(SearchQuery.Facet.valueOf(facet.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(
                            "facets",
                            "unknown facet '" + facet.strip() + "'; use source, entity, author, language, date"));
                }
            }
        }
        SearchQuery.Interval interval = SearchQuery.Interval.valueOf(
                choice("interval", r.interval(), List.of("auto", "day", "week", "month"), "auto", errors)
                        .toUpperCase(Locale.ROOT));
        boolean show = choice("duplicates", r.duplicates(), List.of("collapse", "show"), "collapse", errors)
                .equals("show");
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(
                    String.join(
                            "; ",
                            errors.stream()
                                    .map(e -> e.field() + ": " + e.message())
                                    .toList()),
                    errors.toArray(FieldError[]::new));
        }
        String cursor = r.cursor() == null || r.cursor().isBlank() ? null : r.cursor();
        return new SearchQuery(
                text,
                parsed,
                sources,
                authors,
                languages,
                blankToNull(r.from()),
                blankToNull(r.to()),
                entities,
                all,
                types,
                speakers,
                places,
                sort,
                facets,
                interval,
                show,
                cursor,
                r.limit() == null ? 10 : r.limit());
    }

    private static List<String> texts(String field, List<String> values, int maxLength, List<FieldError> errors) {
        List<String> clean = values == null
                ? List.of()
                : values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(v -> v.replaceAll("\\p{Cntrl}", "").strip())
                        .distinct()
                        .toList();
        if (clean.size() > MAX_VALUES) {
            errors.add(new FieldError(field, "at most " + MAX_VALUES + " values"));
        }
        if (clean.stream().anyMatch(v -> v.length() > maxLength)) {
            errors.add(new FieldError(field, "each value must be at most " + maxLength + " characters"));
        }
        return clean;
    }

    private static List<UUID> ids(String field, List<String> values, List<FieldError> errors) {
        List<UUID> ids = new ArrayList<>();
        for (String value : texts(field, values, 36, errors)) {
            try {
                ids.add(UUID.fromString(value));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field, "'" + value + "' is not an entity id (UUID)"));
            }
        }
        return ids;
    }

    private static String choice(
            String field, String value, List<String> allowed, String fallback, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.strip().toLowerCase(Locale.ROOT).equals("-date")
                ? "-date"
                : value.strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            errors.add(new FieldError(field, "must be one of " + String.join(", ", allowed)));
            return fallback;
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Schema(name = "SearchPage", description = "Ranked hits with highlights, and the facets asked for.")
    public record SearchPage(
            @Schema(examples = "cease-fire \"Black Sea\"") String query,
            SearchResult.Total total,
            List<SearchResult.Hit> hits,

            @Schema(description = "Present when `facets` asked for some.")
            SearchResult.Facets facets,

            @Schema(description = "Opaque cursor of the next page; absent on the last page.")
            String nextCursor,

            @Schema(description = "Link to the next page (GET only); absent on the last page.")
            String next) {}
}
