package io.newsgraph.article.rest;

import io.micrometer.core.annotation.Timed;
import io.newsgraph.article.service.Suggestions;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/suggest")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search")
@RunOnVirtualThread
public class SuggestResource {
    static final int MAX_PREFIX = 100;

    @Inject
    Suggestions suggestions;

    @GET
    @Operation(operationId = "suggest", summary = "Autocomplete for building queries")
    @APIResponse(
            responseCode = "200",
            description = "Completions, most frequent first.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SuggestPage.class)))
    @APIResponse(responseCode = "503")
    @Timed(value = "newsgraph.suggest", histogram = true, description = "Suggest requests")
    public SuggestPage suggest(
            @Parameter(example = "rust", required = true) @QueryParam("prefix") String prefix,
            @Parameter(schema = @Schema(enumeration = {"entity", "source", "author"})) @QueryParam("kind") String kind,
            @Parameter(
                            example = "10",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "20",
                                            defaultValue = "10"))
                    @QueryParam("limit")
                    String limit) {
        List<FieldError> errors = new ArrayList<>();
        // Control characters are dropped (one of them separates the parts of indexed entity keys); runs of spaces are
        // one.
        String text = prefix == null
                ? ""
                : prefix.replaceAll("\\p{Cntrl}", "").replaceAll("\\s+", " ").stripLeading();
        if (text.isBlank()) {
            errors.add(new FieldError("prefix", "is required (1 to " + MAX_PREFIX + " characters)"));
        } else if (text.length() > MAX_PREFIX) {
            errors.add(new FieldError(
                    "prefix", "must be at most " + MAX_PREFIX + " characters (has " + text.length() + ")"));
        }
        Suggestions.Kind parsedKind = Suggestions.Kind.ENTITY;
        if (kind != null && !kind.isBlank()) {
            try {
                parsedKind = Suggestions.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("kind", "must be one of entity, source, author"));
            }
        }
        int size = 10;
        try {
            size = PageLimit.parse(limit, 10, 20);
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
        return new SuggestPage(
                text, parsedKind.name().toLowerCase(Locale.ROOT), suggestions.suggest(text, parsedKind, size));
    }

    @Schema(name = "SuggestPage", description = "Completions of a prefix, most frequent first.")
    public record SuggestPage(
            String prefix,

            @Schema(enumeration = {"entity", "source", "author"})
            String kind,

            List<Suggestions.Suggestion> suggestions) {}
}
