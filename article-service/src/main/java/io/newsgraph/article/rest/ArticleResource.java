package io.newsgraph.article.rest;

import io.newsgraph.article.parse.Agencies;
import io.newsgraph.article.repository.Article;
import io.newsgraph.article.repository.ArticleRepository.ArticleFilter;
import io.newsgraph.article.service.ArticleQueries;
import io.newsgraph.article.service.ArticleService;
import io.newsgraph.article.service.StoredArticle;
import io.newsgraph.common.http.QueryValues;
import io.newsgraph.common.paging.NextLinks;
import io.newsgraph.common.paging.PageLimit;
import io.newsgraph.common.problem.FieldError;
import io.newsgraph.common.problem.ProblemException;
import io.newsgraph.common.validation.TextPatterns;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles", description = "Ingest, read, version and delete articles.")
@RunOnVirtualThread
public class ArticleResource {
    static final String ID_EXAMPLE = "6f1c8a52-3a6e-4c8e-9a53-0d8f0b0f5d11";

    @Inject
    ArticleService service;

    @Inject
    ArticleQueries queries;

    @Inject
    ArticleRequests requests;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.TEXT_HTML})
    @Operation(operationId = "ingestArticle", summary = "Ingest one article")
    @RequestBody(
            required = true,
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleInput.class)),
                @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "201",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(
            responseCode = "200",
            description = "Duplicate: the article already stored.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ArticleView.class)))
    public Response ingest(
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, byte[] body, @Valid @BeanParam MetadataParams meta) {
        StoredArticle stored = service.ingest(requests.draft(type, body, meta));
        // Location stays relative: behind the gateway the service's own host name means nothing to clients.
        Response.ResponseBuilder response = stored.changed()
                ? Response.status(Response.Status.CREATED)
                        .header(HttpHeaders.LOCATION, "/api/v1/articles/" + stored.article().id)
                : Response.ok();
        return response.tag(etag(stored.article()))
                .entity(ArticleView.of(stored.article()))
                .build();
    }

    @GET
    @Operation(operationId = "listArticles", summary = "List articles")
    @APIResponse(
            responseCode = "200",
            description = "One page of articles.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Pages.ArticlePage.class)))
    public Response list(
            @Parameter(example = "chinadaily.com.cn")
                    @QueryParam("source")
                    @Size(max = 300)
                    @Pattern(regexp = TextPatterns.SINGLE_LINE, message = TextPatterns.SINGLE_LINE_MESSAGE)
                    String source,
            @Parameter(example = "HENG WEILI")
                    @QueryParam("author")
                    @Size(max = 300)
                    @Pattern(regexp = TextPatterns.SINGLE_LINE, message = TextPatterns.SINGLE_LINE_MESSAGE)
                    String author,
            @Parameter(example = "2025-03-01T00:00:00Z") @QueryParam("publishedFrom") String publishedFrom,
            @Parameter(example = "2025-04-01T00:00:00Z") @QueryParam("publishedTo") String publishedTo,
            @QueryParam("cursor") String cursor,
            @Parameter(
                            example = "20",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "100",
                                            defaultValue = "20"))
                    @QueryParam("limit")
                    String limitParam) {
        int limit = PageLimit.parse(limitParam, 20, 100);
        // Sources are stored under their canonical name: "Agence France-Presse" finds the articles of AFP.
        ArticleFilter filter = new ArticleFilter(
                Agencies.canonical(blankToNull(source)),
                blankToNull(author),
                QueryValues.instant("publishedFrom", publishedFrom),
                QueryValues.instant("publishedTo", publishedTo));
        ArticleQueries.Page<Article> page = queries.list(filter, blankToNull(cursor), limit);
        String next = page.nextCursor() == null
                ? null
                : NextLinks.of(
                        "/api/v1/articles",
                        "limit",
                        String.valueOf(limit),
                        "source",
                        source,
                        "author",
                        author,
                        "publishedFrom",
                        publishedFrom,
                        "publishedTo",
                        publishedTo,
                        "cursor",
                        page.nextCursor());
        Pages.ArticlePage body = new Pages.ArticlePage(
                page.items().stream()
                        .map(a -> new Pages.ArticleSummary(
                                a.id, a.version, a.title, a.author, a.source, a.dateline, a.publishedAt, a.createdAt))
                        .toList(),
                page.nextCursor(),
                next);
        Response.ResponseBuilder response = Response.ok(body);
        if (next != null) {
            response.link(next, "next");
        }
        return response.build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getArticle", summary = "Read one article")
    @APIResponse(
            responseCode = "200",
            description = "The article.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "304")
    public Response get(
            @Parameter(
                            description = "Article id.",
                            example = ID_EXAMPLE,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Article article = service.get(uuid(id));
        EntityTag tag = etag(article);
        if (ifNoneMatch != null && (ifNoneMatch.strip().equals("*") || ifNoneMatch.contains(tag.toString()))) {
            return Response.notModified(tag).build();
        }
        return Response.ok(ArticleView.of(article)).tag(tag).build();
    }

    @PUT
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.TEXT_HTML})
    @Operation(operationId = "updateArticle", summary = "Store a new version")
    @RequestBody(
            required = true,
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleInput.class)),
                @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "200",
            description = "The article at its new (or unchanged) version.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(
            responseCode = "412",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = io.newsgraph.common.problem.Problem.class)))
    @APIResponse(
            responseCode = "428",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = io.newsgraph.common.problem.Problem.class)))
    public Response update(
            @Parameter(
                            description = "Article id.",
                            example = ID_EXAMPLE,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id,
            @Parameter(description = "ETag of the version being replaced.", example = "\"1\"", required = true)
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
            byte[] body,
            @Valid @BeanParam MetadataParams meta) {
        UUID articleId = uuid(id);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(
                    428,
                    "precondition-required",
                    "If-Match required",
                    "Send If-Match with the ETag of the version you are replacing",
                    java.util.List.of(new FieldError("If-Match", "is required")));
        }
        StoredArticle stored =
                service.update(articleId, expectedVersion(ifMatch, articleId), requests.draft(type, body, meta));
        return Response.ok(ArticleView.of(stored.article()))
                .tag(etag(stored.article()))
                .build();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteArticle", summary = "Delete an article (soft)")
    @APIResponse(responseCode = "204")
    public Response delete(
            @Parameter(
                            description = "Article id.",
                            example = ID_EXAMPLE,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id,
            @Parameter(description = "ETag of the current version (optional).") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        UUID articleId = uuid(id);
        service.delete(articleId, ifMatch == null || ifMatch.isBlank() ? null : expectedVersion(ifMatch, articleId));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/versions")
    @Operation(operationId = "listArticleVersions", summary = "Version history")
    @APIResponse(
            responseCode = "200",
            description = "Versions, oldest first.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Pages.VersionList.class)))
    public Pages.VersionList versions(
            @Parameter(
                            description = "Article id.",
                            example = ID_EXAMPLE,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id) {
        return new Pages.VersionList(
                service.history(uuid(id)).stream().map(VersionView::of).toList());
    }

    @GET
    @Path("{id}/versions/{version}")
    @Operation(operationId = "getArticleVersion", summary = "Read one version")
    @APIResponse(
            responseCode = "200",
            description = "The version.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VersionDetailView.class)))
    public VersionDetailView version(
            @Parameter(
                            description = "Article id.",
                            example = ID_EXAMPLE,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id,
            @Parameter(description = "Version number.", example = "1") @PathParam("version") @Min(1) int version) {
        return VersionDetailView.of(service.version(uuid(id), version));
    }

    static EntityTag etag(Article article) {
        return new EntityTag(String.valueOf(article.version));
    }

    /** Ids that are not UUIDs name no article: 404 like any unknown id. */
    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(404, "not-found", "Resource not found", "No article has the id given");
        }
    }

    private static Integer expectedVersion(String ifMatch, UUID id) {
        String value = ifMatch.strip();
        if (value.equals("*")) {
            return null;
        }
        try {
            if (value.startsWith("W/")) {
                throw new NumberFormatException("If-Match compares strongly (RFC 9110): a weak ETag never matches");
            }
            return Integer.parseInt(value.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new ProblemException(
                    412,
                    "version-mismatch",
                    "Article has changed",
                    "If-Match " + ifMatch + " does not name a version of article " + id);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
