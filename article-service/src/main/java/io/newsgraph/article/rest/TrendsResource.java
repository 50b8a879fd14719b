package io.newsgraph.article.rest;

import io.micrometer.core.annotation.Timed;
import io.newsgraph.article.service.ArticleSearch;
import io.newsgraph.article.service.EntityTrends;
import io.newsgraph.common.paging.PageLimit;
import io.newsgraph.common.problem.FieldError;
import io.newsgraph.common.problem.ProblemException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/trends")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search")
@RunOnVirtualThread
public class TrendsResource {
    static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
    static final Duration MAX_WINDOW = Duration.ofDays(366);
    private static final Set<String> TYPES = Set.of("PERSON", "ORGANIZATION", "LOCATION");

    @Inject
    EntityTrends trends;

    @GET
    @Path("entities")
    @Operation(
            operationId = "listRisingEntities",
            summary = "Rising entities",
            description =
                    "Entities whose mention count (stories mentioning them; near-duplicates count once) rises most in "
                            + "[from, to) against the window of the same length just before. `rise` = (count + 1) / (previousCount + 1); "
                            + "only entities with at least " + EntityTrends.MIN_COUNT
                            + " stories in the window take part. Each carries a "
                            + "daily series (UTC days) over the window, empty days included.")
    @APIResponse(
            responseCode = "200",
            description = "Entities by rise, steepest first.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TrendPage.class)))
    @APIResponse(responseCode = "503")
    @Timed(value = "newsgraph.trends", histogram = true, description = "Entity-trend requests")
    public TrendPage entities(
            @Parameter(example = "now-7d") @QueryParam("from") String from,
            @Parameter(example = "now") @QueryParam("to") String to,
            @Parameter(schema = @Schema(enumeration = {"PERSON", "ORGANIZATION", "LOCATION"})) @QueryParam("type")
                    String type,
            @Parameter(
                            example = "10",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "50",
                                            defaultValue = "10"))
                    @QueryParam("limit")
                    String limit) {
        List<FieldError> errors = new ArrayList<>();
        Instant end = time("to", to, Instant.now(), errors);
        Instant start = end == null ? null : time("from", from, end.minus(DEFAULT_WINDOW), errors);
        if (start != null && end != null) {
            if (!start.isBefore(end)) {
                errors.add(new FieldError("from", "must be before to"));
            } else if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
                errors.add(new FieldError("from", "the window may span at most 366 days"));
            }
        }
        String entityType = type == null || type.isBlank() ? null : type.strip().toUpperCase(Locale.ROOT);
        if (entityType != null && !TYPES.contains(entityType)) {
            errors.add(new FieldError("type", "must be PERSON, ORGANIZATION or LOCATION"));
        }
        int size = 10;
        try {
            size = PageLimit.parse(limit, 10, 50);
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(
                    String.join(
                            "; ",
                            errors.stream()
                                    .map(e -> e.field() + ": " + e.message())
                                    .toList()),
                    errors.toArray(FieldError[]::new));
        }
        return new TrendPage(start, end, entityType, trends.rising(start, end, entityType, size));
    }

    /** The parameter as an instant (milliseconds, the index's precision), the fallback when absent, null when invalid. */
    private static Instant time(String field, String value, Instant fallback, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback.truncatedTo(ChronoUnit.MILLIS);
        }
        Instant parsed = value.length() > 64 ? null : ArticleSearch.parseTime(value.strip());
        if (parsed == null) {
            errors.add(
                    new FieldError(field, "must be an RFC 3339 time, a date (2025-03-23) or date math such as now-7d"));
            return null;
        }
        return parsed.truncatedTo(ChronoUnit.MILLIS);
    }

    @Schema(name = "TrendPage", description = "Rising entities of a window, steepest rise first.")
    public record TrendPage(
            Instant from,
            Instant to,

            @Schema(description = "The type asked for; absent: all types.")
            String type,

            List<EntityTrends.Trend> entities) {}
}
