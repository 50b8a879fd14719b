package io.newsgraph.entity.rest;

import io.newsgraph.common.http.QueryValues;
import io.newsgraph.common.problem.FieldError;
import io.newsgraph.common.problem.ProblemException;
import io.newsgraph.entity.extract.ExtractionInput;
import io.newsgraph.entity.service.ExtractionEngine;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/extract")
@Tag(name = "Extraction", description = "Entities, quotes, claims and dates.")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class ExtractResource {
    static final int MAX_TEXT = 200_000;

    @Inject
    ExtractionEngine engine;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "extract", summary = "Analyse a text (stateless)")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.ExtractRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The analysis.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AnalysisView.class)))
    public AnalysisView extract(@Valid @NotNull Views.ExtractRequest request) {
        return AnalysisView.of(engine.analyse(new ExtractionInput(
                request.title(),
                request.text(),
                request.publishedAt() == null ? null : request.publishedAt().toInstant())));
    }

    // Shares POST /api/v1/extract with extract(): the document has one operation, with extract()'s id and summary and
    // the description of META-INF/openapi.yaml, which a description here would replace. Its body example is there too.
    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(operationId = "extractPlainText", summary = "Analyse plain text (stateless)")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "200",
            description = "The analysis.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AnalysisView.class)))
    public AnalysisView extractText(
            String text,
            @Parameter(description = "Publication time (RFC 3339).", example = "2025-03-23T12:00:00Z")
                    @QueryParam("publishedAt")
                    String publishedAt) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("The text is empty", new FieldError("body", "must not be empty"));
        }
        if (text.length() > MAX_TEXT) {
            throw ProblemException.badRequest(
                    "The text has " + text.length() + " characters; the limit is " + MAX_TEXT,
                    new FieldError("body", "must be at most " + MAX_TEXT + " characters"));
        }
        return AnalysisView.of(
                engine.analyse(new ExtractionInput(null, text, QueryValues.instant("publishedAt", publishedAt))));
    }
}
