package io.newsgraph.entity.rest;

import io.newsgraph.common.paging.NextLinks;
import io.newsgraph.common.paging.OffsetPage;
import io.newsgraph.common.paging.PageLimit;
import io.newsgraph.common.paging.Slice;
import io.newsgraph.common.problem.ProblemException;
import io.newsgraph.entity.search.QuotesIndex;
import io.newsgraph.entity.search.QuotesIndex.QuoteHit;
import io.newsgraph.entity.search.SearchAfterCursor;
import io.newsgraph.entity.service.EntityQueries;
import io.newsgraph.entity.service.ExtractionEngine;
import io.newsgraph.entity.service.ExtractionStatus;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opensearch.client.opensearch._types.FieldValue;

/** Reads across the corpus: an article's analysis, quotes, claims, and the extraction status. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Extraction")
@RunOnVirtualThread
public class CorpusResource {

    @Inject
    EntityQueries queries;

    @Inject
    ExtractionEngine engine;

    @Inject
    ExtractionStatus status;

    @Inject
    QuotesIndex quotesIndex;

    @GET
    @Path("articles/{id}/analysis")
    @Operation(operationId = "getArticleAnalysis", summary = "Analysis of a stored article")
    @APIResponse(
            responseCode = "200",
            description = "The analysis of the article's current version.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AnalysisView.class)))
    public AnalysisView analysis(
            @Parameter(
                            description = "Article id.",
                            example = "6f1c8a52-3a6e-4c8e-9a53-0d8f0b0f5d11",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id) {
        UUID articleId = Params.id(id, "article");
        return queries.analysis(articleId)
                .map(AnalysisView::of)
                .orElseThrow(() -> new ProblemException(
                        404,
                        "not-found",
                        "Analysis not available",
                        "Article " + articleId + " has no analysis (unknown, deleted, or not analysed yet)"));
    }

    @GET
    @Path("quotes")
    @Operation(operationId = "listQuotes", summary = "Quotes across the corpus, or searched by their words")
    @APIResponse(
            responseCode = "200",
            description = "One page of quotes; `next` links to the following page.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.QuotePage.class)))
    @APIResponse(
            responseCode = "503",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = io.newsgraph.common.problem.Problem.class)))
    public Views.QuotePage quotes(
            @Parameter(example = EntityResource.ID_EXAMPLE, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("speaker")
                    String speaker,
            @Parameter(example = "war crimes") @QueryParam("q") String q,
            @QueryParam("cursor") String cursor,
            @Parameter(example = "20", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
                    @QueryParam("limit")
                    String limitParam) {
        UUID speakerId = Params.optionalId(speaker, "speaker");
        String text = Params.text(q, "q", 500);
        if (text == null) {
            OffsetPage page = OffsetPage.of(cursor, limitParam, 20, 100);
            Slice<QuoteView> slice =
                    page.slice(queries.quotes(queries.live(speakerId), page.offset(), page.fetch()), QuoteView::of);
            return new Views.QuotePage(
                    slice.items(), slice.nextCursor(), page.nextLink(slice, "/api/v1/quotes", "speaker", speaker));
        }
        int limit = PageLimit.parse(limitParam, 20, 100);
        List<FieldValue> after = SearchAfterCursor.decode(cursor);
        List<QuoteHit> hits = quotesIndex.search(text, queries.live(speakerId), after, limit + 1);
        List<QuoteHit> page = hits.subList(0, Math.min(limit, hits.size()));
        String nextCursor = hits.size() > limit
                ? SearchAfterCursor.encode(page.get(page.size() - 1).sort())
                : null;
        return new Views.QuotePage(
                page.stream().map(QuoteView::ofHit).toList(),
                nextCursor,
                nextCursor == null
                        ? null
                        : NextLinks.of(
                                "/api/v1/quotes",
                                "speaker",
                                speaker,
                                "q",
                                q,
                                "limit",
                                String.valueOf(limit),
                                "cursor",
                                nextCursor));
    }

    @GET
    @Path("claims")
    @Operation(operationId = "listClaims", summary = "Numeric claims across the corpus")
    @APIResponse(
            responseCode = "200",
            description = "One page of claims.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.ClaimPage.class)))
    public Views.ClaimPage claims(
            @Parameter(
                            description = "Claimant entity id.",
                            example = EntityResource.ID_EXAMPLE,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("entity")
                    String entity,
            @Parameter(description = "`nextCursor` of the previous page.") @QueryParam("cursor") String cursor,
            @Parameter(
                            description = "Page size, 1 to 100 (default 20).",
                            example = "20",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
                    @QueryParam("limit")
                    String limitParam) {
        OffsetPage page = OffsetPage.of(cursor, limitParam, 20, 100);
        UUID entityId = Params.optionalId(entity, "entity");
        Slice<Views.ClaimView> slice =
                page.slice(queries.claims(queries.live(entityId), page.offset(), page.fetch()), Views.ClaimView::of);
        return new Views.ClaimPage(
                slice.items(), slice.nextCursor(), page.nextLink(slice, "/api/v1/claims", "entity", entity));
    }

    @GET
    @Path("extraction/status")
    @Operation(operationId = "getExtractionStatus", summary = "Extraction progress")
    @APIResponse(
            responseCode = "200",
            description = "Current status.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.Status.class)))
    public Views.Status status() {
        var backlog = status.now();
        var parked = queries.parkedJobs(100).stream()
                .map(p -> new Views.ParkedJob(
                        p.articleId(), p.version(), p.kind(), p.attempts(), p.lastError(), p.createdAt()))
                .toList();
        return new Views.Status(
                engine.ready(),
                engine.loadTime() == null ? null : engine.loadTime().toMillis(),
                backlog.feedSeq(),
                backlog.pending(),
                backlog.done(),
                backlog.parked(),
                backlog.oldestPendingSeconds(),
                parked);
    }
}
