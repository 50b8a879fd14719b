package io.newsgraph.article.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsgraph.article.repository.ArticleDocument;
import io.newsgraph.article.repository.ArticleIndex;
import io.newsgraph.article.repository.EntitySummary;
import io.newsgraph.article.service.ArticleQueries;
import io.newsgraph.article.service.ArticleSearch;
import io.newsgraph.article.service.ArticleService;
import io.newsgraph.article.service.SearchRebuild;
import io.newsgraph.common.problem.FieldError;
import io.newsgraph.common.problem.ProblemException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operations for the other services and operators, never routed by the gateway (it routes /api/v1 only); in
 * Kubernetes the NetworkPolicy lets only entity-service and alert-service reach article-service besides the gateway.
 */
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Service-to-service and operator operations; not part of the public API.")
@RunOnVirtualThread
public class InternalResource {
    /** Ids per search-documents request: a page of the change feed fits. */
    static final int MAX_SEARCH_DOCUMENTS = 100;

    @Inject
    ArticleService articles;

    @Inject
    SearchRebuild rebuild;

    @Inject
    ArticleQueries queries;

    @Inject
    ArticleSearch search;

    @Inject
    ArticleIndex index;

    @PUT
    @Path("/articles/{id}/entities")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putEntitySummary", summary = "Store an article's entity summary (entity-service)")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SummaryInput.class)))
    @APIResponse(responseCode = "204", description = "Stored.")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    public void putEntities(
            @Parameter(
                            description = "Article id.",
                            example = ArticleResource.ID_EXAMPLE,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    UUID id,
            @Valid @NotNull SummaryInput input) {
        articles.storeSummary(id, input.toSummary());
    }

    @POST
    @Path("/search/rebuild")
    @Operation(operationId = "rebuildSearchIndex", summary = "Rebuild the articles search index with zero downtime")
    @APIResponse(
            responseCode = "200",
            description = "The new index and how long it took.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SearchRebuild.Report.class)))
    @APIResponse(responseCode = "409")
    public SearchRebuild.Report rebuild() {
        return rebuild.rebuild();
    }

    @POST
    @Path("/search/compile")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "compileSavedSearch", summary = "Validate a saved search and compile it (alert-service)")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SearchRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The compiled query and the mapping it is written for.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CompiledSearch.class)))
    @APIResponse(responseCode = "400")
    public CompiledSearch compile(SearchRequest request) {
        if (request == null) {
            throw ProblemException.badRequest(
                    "A JSON search request is required", new FieldError("body", "must not be empty"));
        }
        return new CompiledSearch(
                search.matchQuery(SearchResource.validate(request.withLimit(1))), index.documentMapping());
    }

    @POST
    @Path("/articles/search-documents")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getSearchDocuments", summary = "Articles as the search index holds them (alert-service)")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DocumentIds.class)))
    @APIResponse(
            responseCode = "200",
            description = "The documents of the live articles among the ids, in the order asked.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SearchDocuments.class)))
    @APIResponse(responseCode = "400")
    public SearchDocuments searchDocuments(@Valid @NotNull DocumentIds request) {
        return new SearchDocuments(queries.searchDocuments(request.ids()));
    }

    @Schema(
            name = "CompiledSearch",
            description = "A saved search as an OpenSearch query, and the index mapping it is written for.")
    public record CompiledSearch(
            @Schema(
                    type = SchemaType.OBJECT,
                    implementation = Object.class,
                    description = "OpenSearch query DSL selecting the matching articles.")
            ObjectNode query,

            @Schema(
                    type = SchemaType.OBJECT,
                    implementation = Object.class,
                    description =
                            "`mapping` generation, `analysis` settings and field `properties` of the articles index.")
            ObjectNode mapping) {}

    @Schema(name = "SearchDocumentIds", description = "Articles to read, by id.")
    public record DocumentIds(
            @NotNull @Size(min = 1, max = MAX_SEARCH_DOCUMENTS)
            List<@NotNull UUID> ids) {}

    @Schema(name = "SearchDocuments", description = "Articles as the search index holds them.")
    public record SearchDocuments(List<ArticleDocument> documents) {}

    @Schema(name = "EntitySummaryInput")
    public record SummaryInput(
            @NotNull @Min(1) Integer version,
            @NotNull @Size(max = 500) List<@Valid @NotNull SummaryEntity> entities,
            @NotNull @Size(max = 200) List<@Valid @NotNull SummarySpeaker> speakers,
            @NotNull @Size(max = 50) List<@NotNull @Pattern(regexp = "[A-Z]{2}") String> countries) {
        EntitySummary toSummary() {
            return new EntitySummary(
                    version,
                    entities.stream()
                            .map(e -> new EntitySummary.SummaryEntity(
                                    e.id(), e.name(), e.type(), e.salience() == null ? 0 : e.salience()))
                            .toList(),
                    speakers.stream()
                            .map(s -> new EntitySummary.SummarySpeaker(s.id(), s.name()))
                            .toList(),
                    List.copyOf(countries));
        }
    }

    @Schema(name = "SummaryEntityInput")
    public record SummaryEntity(
            @NotNull UUID id,
            @NotBlank @Size(max = 300) String name,

            @NotNull @Pattern(regexp = "PERSON|ORGANIZATION|LOCATION")
            String type,

            @DecimalMin("0") Double salience) {}

    @Schema(name = "SummarySpeakerInput")
    public record SummarySpeaker(
            @NotNull UUID id, @NotBlank @Size(max = 300) String name) {}
}
