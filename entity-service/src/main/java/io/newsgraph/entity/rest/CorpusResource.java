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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
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
    @Operation(
            operationId = "getArticleAnalysis",
            summary = "Analysis of a stored article",
            description =
                    "Entities with offsets into the article body, roles and salience; quotes with speakers; claims; dates. "
                            + "404 until the article has been analysed (usually within a second or two of ingest).")
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
    @Operation(
            operationId = "listQuotes",
            summary = "Quotes across the corpus, or searched by their words",
            description =
                    "With `q`: full-text search of the quote texts in the quotes index, best matches first (BM25; ties: "
                            + "newer articles first), each hit with its score and highlights (fragments with `<mark>` and offsets into "
                            + "the quote text). Query syntax: words (all must occur; English stemming, so `attacks` finds `attack`), "
                            + "`\"a phrase\"`, `-word` (must not occur), `a | b` (either), `prefix*`, parentheses. Any text is accepted: "
                            + "characters that are not syntax are searched as words. The index follows stored analyses within about "
                            + "a second; 503 with Retry-After while the search cluster is unavailable. "
                            + "Without `q`: every quote, newest articles first. `speaker` limits both to one speaker entity.")
    @APIResponse(
            responseCode = "200",
            description = "One page of quotes; `next` links to the following page.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.QuotePage.class),
                            examples = {
                                @ExampleObject(
                                        name = "search",
                                        description = "`q=war crimes`: a ranked hit with highlights.",
                                        value = """
                            {"items": [{"articleId": "3f1c2b9e-7a4d-4e21-9c55-0d6b8a1f2e33", "quote": {"start": 212, "end": 287,
                              "text": "Attacks on humanitarian workers are unacceptable and may amount to war crimes", "kind": "DIRECT",
                              "verb": "told", "speaker": {"entityId": "0b6f3c1e-5d2a-4c7e-8f3b-2a1d9e4c7b10",
                              "name": "Stephane Dumont", "surface": "Stephane Dumont", "role": "UN spokesman"},
                              "onBehalfOf": {"entityId": "7c2d4e6f-1a3b-4c5d-9e8f-0a1b2c3d4e5f", "name": "Antonio Guterres"},
                              "confidence": 0.95}, "score": 7.91,
                              "highlights": [{"fragment": "Attacks on humanitarian workers are unacceptable and may amount to <mark>war</mark> <mark>crimes</mark>",
                                "start": 0, "end": 75, "marks": [{"start": 64, "end": 67}, {"start": 68, "end": 74}]}]}],
                             "nextCursor": "djEfcx83LjkxHzE3NDI3MzEyMDAwMDAfM2YxYzJiOWUtN2E0ZC00ZTIxLTljNTUtMGQ2YjhhMWYyZTMzLTA",
                             "next": "/api/v1/quotes?q=war+crimes&limit=1&cursor=djEfcx83LjkxHzE3NDI3MzEyMDAwMDAfM2YxYzJiOWUtN2E0ZC00ZTIxLTljNTUtMGQ2YjhhMWYyZTMzLTA"}"""),
                                @ExampleObject(
                                        name = "spokesperson",
                                        description = "Without `q`: a spokesman speaking for his principal.",
                                        value = """
                            {"items": [{"articleId": "3f1c2b9e-7a4d-4e21-9c55-0d6b8a1f2e33", "quote": {"start": 212, "end": 287,
                              "text": "Attacks on humanitarian workers are unacceptable and may amount to war crimes", "kind": "DIRECT",
                              "verb": "told", "speaker": {"entityId": "0b6f3c1e-5d2a-4c7e-8f3b-2a1d9e4c7b10",
                              "name": "Stephane Dumont", "surface": "Stephane Dumont", "role": "UN spokesman"},
                              "onBehalfOf": {"entityId": "7c2d4e6f-1a3b-4c5d-9e8f-0a1b2c3d4e5f", "name": "Antonio Guterres"},
                              "confidence": 0.95}}]}""")
                            }))
    @APIResponse(
            responseCode = "503",
            description = "`q` given while the search cluster is unavailable; retry after `Retry-After` seconds.",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = io.newsgraph.common.problem.Problem.class)))
    public Views.QuotePage quotes(
            @Parameter(
                            description = "Speaker entity id.",
                            example = EntityResource.ID_EXAMPLE,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("speaker")
                    String speaker,
            @Parameter(
                            description = "Words to search the quote texts for (at most 500 characters; syntax above).",
                            example = "war crimes")
                    @QueryParam("q")
                    String q,
            @Parameter(description = "`nextCursor` of the previous page (of the same query).") @QueryParam("cursor")
                    String cursor,
            @Parameter(
                            description = "Page size, 1 to 100 (default 20).",
                            example = "20",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
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
    @Operation(
            operationId = "listClaims",
            summary = "Numeric claims across the corpus",
            description =
                    "Numbers with their unit, qualifier and claimant; filter by claimant entity; newest articles first.")
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
    @Operation(
            operationId = "getExtractionStatus",
            summary = "Extraction progress",
            description =
                    "Whether the model is loaded, the feed position reached, pending/done/parked jobs, lag, and the parked jobs themselves.")
    @APIResponse(
            responseCode = "200",
            description = "Current status.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.Status.class),
                            examples = @ExampleObject(name = "caught-up", value = """
                            {"modelLoaded": true, "modelLoadMillis": 2300, "feedPosition": 1042, "pendingJobs": 0,
                             "doneJobs": 1042, "parkedJobs": 0, "lagSeconds": 0.0, "parked": []}""")))
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
