package io.newsgraph.article.rest;

import io.newsgraph.article.config.BatchConfig;
import io.newsgraph.article.service.ArticleService;
import io.newsgraph.article.service.StoredArticle;
import io.newsgraph.common.http.RequestIds;
import io.newsgraph.common.problem.FieldError;
import io.newsgraph.common.problem.Problem;
import io.newsgraph.common.problem.ProblemException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/articles/batch")
@Tag(name = "Articles")
@RunOnVirtualThread
public class BatchResource {
    static final String NDJSON = "application/x-ndjson";

    @Inject
    ArticleService service;

    @Inject
    ArticleRequests requests;

    @Inject
    BatchConfig config;

    @POST
    @Consumes({NDJSON, "application/jsonl"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "ingestArticleBatch", summary = "Ingest many articles (NDJSON)")
    @RequestBody(required = true, content = @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "200",
            description = "Per-line results (also when some lines failed).",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Pages.BatchResult.class)))
    public Pages.BatchResult ingest(
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
            byte[] body,
            @HeaderParam(RequestIds.HEADER) String requestId) {
        String[] lines = ArticleRequests.decode(body, type).split("\n", -1);
        long nonEmpty = java.util.Arrays.stream(lines).filter(l -> !l.isBlank()).count();
        if (nonEmpty == 0) {
            throw ProblemException.badRequest(
                    "The batch has no lines", new FieldError("body", "must hold at least one JSON line"));
        }
        if (nonEmpty > config.maxLines()) {
            throw ProblemException.badRequest(
                    "The batch has " + nonEmpty + " lines; the limit is " + config.maxLines(),
                    new FieldError("body", "must hold at most " + config.maxLines() + " lines"));
        }
        List<Pages.BatchLine> results = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                results.add(ingestLine(i + 1, lines[i], requestId));
            }
        }
        results.sort(Comparator.comparingInt(Pages.BatchLine::line));
        int created = (int) results.stream().filter(r -> r.status() == 201).count();
        int duplicates = (int) results.stream().filter(r -> r.status() == 200).count();
        return new Pages.BatchResult(created, duplicates, results.size() - created - duplicates, results);
    }

    private Pages.BatchLine ingestLine(int line, String json, String requestId) {
        String instance = "/api/v1/articles/batch#line=" + line;
        try {
            StoredArticle stored = service.ingest(requests.fromJson(json));
            return new Pages.BatchLine(
                    line, stored.changed() ? 201 : 200, stored.article().id, stored.article().version, null);
        } catch (ProblemException e) {
            return new Pages.BatchLine(
                    line,
                    e.status(),
                    null,
                    null,
                    new Problem(
                            Problem.type(e.slug()),
                            e.title(),
                            e.status(),
                            e.getMessage(),
                            instance,
                            requestId,
                            e.errors()));
        } catch (ConstraintViolationException e) {
            List<FieldError> errors = e.getConstraintViolations().stream()
                    .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field))
                    .toList();
            return new Pages.BatchLine(
                    line,
                    400,
                    null,
                    null,
                    new Problem(
                            Problem.type("validation-failed"),
                            "Request is not valid",
                            400,
                            "Line " + line + " is not a valid article",
                            instance,
                            requestId,
                            errors));
        }
    }
}
