package io.newsgraph.article.rest;

import io.micrometer.core.annotation.Timed;
import io.newsgraph.common.paging.NextLinks;
import io.newsgraph.article.service.ArticleQueries;
import io.newsgraph.common.problem.FieldError;
import io.newsgraph.common.problem.ProblemException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import io.newsgraph.common.paging.PageLimit;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Full-text search over articles.")
@RunOnVirtualThread
public class SearchResource {
    static final int MAX_QUERY_LENGTH = 500;

    @Inject
    ArticleQueries queries;

    @GET
    @Operation(operationId = "searchArticles", summary = "Full-text search",
            description = "Web-search syntax: words, \"quoted phrases\", `or`, `-excluded`. Any text is accepted; text "
                    + "without searchable words gives an empty result. Title matches rank above body matches. A query matching "
                    + "very many articles ranks the matches among the newest articles only (at least 1,000 of them; "
                    + "`totalExact` is then false), so that its cost does not grow with the corpus.")
    @APIResponse(responseCode = "200", description = "Ranked hits with snippets and source facets.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Pages.SearchPage.class)))
    @Timed(value = "newsgraph.search", histogram = true, description = "Search requests, from parsing to the ranked page")
    public Pages.SearchPage search(
            @Parameter(description = "Search text, up to 500 characters.", example = "cease-fire \"Black Sea\"", required = true) @QueryParam("q") String q,
            @Parameter(description = "Only hits from this source (case-insensitive).") @QueryParam("source") @Size(max = 300) String source,
            @Parameter(description = "`nextCursor` of the previous page.") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100 (default 10).", example = "10", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "10")) @QueryParam("limit") String limitParam) {
        int limit = PageLimit.parse(limitParam, 10, 100);
        if (q == null || q.isBlank()) {
            throw ProblemException.badRequest("Query parameter q is required", new FieldError("q", "must not be blank"));
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw ProblemException.badRequest("q has " + q.length() + " characters; the limit is " + MAX_QUERY_LENGTH,
                    new FieldError("q", "must be at most " + MAX_QUERY_LENGTH + " characters"));
        }
        // Control characters (NUL among them) cannot reach PostgreSQL and carry no meaning in a query.
        String query = q.replaceAll("\\p{Cntrl}", " ").strip();
        String sourceFilter = source == null || source.isBlank() ? null : source.replaceAll("\\p{Cntrl}", "");
        ArticleQueries.SearchResult result = queries.search(query, sourceFilter, cursor == null || cursor.isBlank() ? null : cursor, limit);
        String next = result.nextCursor() == null ? null : NextLinks.of("/api/v1/search", "q", q,
                "limit", String.valueOf(limit), "source", sourceFilter, "cursor", result.nextCursor());
        return new Pages.SearchPage(q, result.total(), result.totalExact(), result.hits().stream().map(Pages.SearchHit::of).toList(),
                new Pages.Facets(result.sources().stream().map(Pages.FacetValue::of).toList()), result.nextCursor(), next);
    }
}
