package io.newsgraph.entity.rest;

import io.newsgraph.common.paging.OffsetPage;
import io.newsgraph.common.paging.Slice;
import io.newsgraph.entity.service.EntityGraph;
import io.newsgraph.entity.service.EntityQueries;
import io.newsgraph.entity.service.EntityQueries.EntityDetail;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/entities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Entities", description = "The entity graph: people, organisations and places across articles.")
@RunOnVirtualThread
public class EntityResource {
    static final String ID_EXAMPLE = "0b6f3c1e-5d2a-4c7e-8f3b-2a1d9e4c7b10";

    @Inject
    EntityQueries queries;

    @Inject
    EntityGraph graph;

    @GET
    @Operation(operationId = "listEntities", summary = "Search entities")
    @APIResponse(
            responseCode = "200",
            description = "One page of entities.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.EntityPage.class)))
    public Views.EntityPage list(
            @Parameter(example = "witk") @QueryParam("q") String q,
            @Parameter(example = "PERSON") @QueryParam("type") String type,
            @Parameter(example = "UA", schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z]{2}$"))
                    @QueryParam("country")
                    String country,
            @QueryParam("cursor") String cursor,
            @Parameter(example = "20", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
                    @QueryParam("limit")
                    String limitParam) {
        OffsetPage page = OffsetPage.of(cursor, limitParam, 20, 100);
        String countryCode = Params.country(country);
        Slice<Views.EntitySummary> slice = page.slice(
                queries.search(Params.text(q, "q", 200), Params.type(type), countryCode, page.offset(), page.fetch()),
                r -> new Views.EntitySummary(
                        r.id(), r.canonicalName(), r.type(), r.articleCount(), Views.PlaceView.of(r.place())));
        return new Views.EntityPage(
                slice.items(),
                slice.nextCursor(),
                page.nextLink(slice, "/api/v1/entities", "q", q, "type", type, "country", countryCode));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getEntity", summary = "Read an entity")
    @APIResponse(
            responseCode = "200",
            description = "The entity.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.EntityView.class)))
    @APIResponse(responseCode = "301")
    public Views.EntityView get(
            @Parameter(
                            description = "Entity id.",
                            example = ID_EXAMPLE,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id) {
        return view(queries.detail(Params.id(id, "entity")));
    }

    @GET
    @Path("{id}/articles")
    @Operation(operationId = "listEntityArticles", summary = "Articles mentioning an entity")
    @APIResponse(
            responseCode = "200",
            description = "One page of articles.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.ArticlePage.class)))
    public Views.ArticlePage articles(
            @Parameter(
                            description = "Entity id.",
                            example = ID_EXAMPLE,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id,
            @Parameter(description = "`nextCursor` of the previous page.") @QueryParam("cursor") String cursor,
            @Parameter(
                            description = "Page size, 1 to 100 (default 20).",
                            example = "5",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
                    @QueryParam("limit")
                    String limitParam) {
        UUID entityId = queries.live(Params.id(id, "entity"));
        OffsetPage page = OffsetPage.of(cursor, limitParam, 20, 100);
        Slice<Views.ArticleRef> slice = page.slice(
                queries.articles(entityId, page.offset(), page.fetch()),
                r -> new Views.ArticleRef(r.articleId(), r.title(), r.publishedAt(), r.salience(), r.mentionCount()));
        return new Views.ArticlePage(
                slice.items(), slice.nextCursor(), page.nextLink(slice, "/api/v1/entities/" + entityId + "/articles"));
    }

    @GET
    @Path("{id}/quotes")
    @Operation(operationId = "listEntityQuotes", summary = "Quotes of an entity")
    @APIResponse(
            responseCode = "200",
            description = "One page of quotes.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.QuotePage.class)))
    public Views.QuotePage quotes(
            @Parameter(
                            description = "Entity id.",
                            example = ID_EXAMPLE,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id,
            @Parameter(description = "`nextCursor` of the previous page.") @QueryParam("cursor") String cursor,
            @Parameter(
                            description = "Page size, 1 to 100 (default 20).",
                            example = "20",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
                    @QueryParam("limit")
                    String limitParam) {
        UUID entityId = queries.live(Params.id(id, "entity"));
        OffsetPage page = OffsetPage.of(cursor, limitParam, 20, 100);
        Slice<QuoteView> slice = page.slice(queries.quotes(entityId, page.offset(), page.fetch()), QuoteView::of);
        return new Views.QuotePage(
                slice.items(), slice.nextCursor(), page.nextLink(slice, "/api/v1/entities/" + entityId + "/quotes"));
    }

    @GET
    @Path("{id}/cooccurrences")
    @Operation(operationId = "listEntityCooccurrences", summary = "Graph edges of an entity")
    @APIResponse(
            responseCode = "200",
            description = "One page of edges.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.CooccurrencePage.class)))
    public Views.CooccurrencePage cooccurrences(
            @Parameter(
                            description = "Entity id.",
                            example = ID_EXAMPLE,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id,
            @Parameter(description = "Only neighbours of this type.", example = "PERSON") @QueryParam("type")
                    String type,
            @Parameter(description = "`nextCursor` of the previous page.") @QueryParam("cursor") String cursor,
            @Parameter(
                            description = "Page size, 1 to 100 (default 20).",
                            example = "20",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
                    @QueryParam("limit")
                    String limitParam) {
        UUID entityId = queries.live(Params.id(id, "entity"));
        OffsetPage page = OffsetPage.of(cursor, limitParam, 20, 100);
        Slice<Views.Cooccurrence> slice = page.slice(
                queries.cooccurrences(entityId, Params.type(type), page.offset(), page.fetch()),
                r -> new Views.Cooccurrence(
                        r.entityId(), r.name(), r.type(), r.weight(), Views.PlaceView.of(r.place())));
        return new Views.CooccurrencePage(
                slice.items(),
                slice.nextCursor(),
                page.nextLink(slice, "/api/v1/entities/" + entityId + "/cooccurrences", "type", type));
    }

    @POST
    @Path("{id}/aliases")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addEntityAlias", summary = "Add an alias (correction)")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.AliasRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The entity with its aliases.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.EntityView.class)))
    public Views.EntityView addAlias(
            @Parameter(
                            description = "Entity id.",
                            example = ID_EXAMPLE,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id,
            @Valid @NotNull Views.AliasRequest request) {
        return view(queries.detail(
                graph.addAlias(Params.id(id, "entity"), request.alias().strip())));
    }

    @POST
    @Path("{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "mergeEntity", summary = "Merge another entity into this one (correction)")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.MergeRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The merged entity.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.EntityView.class)))
    public Views.EntityView merge(
            @Parameter(
                            description = "Entity id (the target).",
                            example = ID_EXAMPLE,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id,
            @Valid @NotNull Views.MergeRequest request) {
        return view(queries.detail(graph.merge(Params.id(id, "entity"), request.source())));
    }

    private static Views.EntityView view(EntityDetail detail) {
        var row = detail.entity();
        var stats = detail.stats();
        List<Views.AliasItem> aliases = detail.aliases().entrySet().stream()
                .filter(a -> !a.getKey().equals(row.canonicalName()))
                .map(a -> new Views.AliasItem(a.getKey(), a.getValue()))
                .toList();
        List<Views.RoleItem> roles = detail.roles().stream()
                .map(r -> new Views.RoleItem(r.role(), r.count()))
                .toList();
        return new Views.EntityView(
                row.id(),
                row.canonicalName(),
                row.type(),
                aliases,
                roles,
                stats.articleCount(),
                stats.mentionCount(),
                stats.averageSalience(),
                stats.maxSalience(),
                List.of(),
                Views.PlaceView.of(row.place()));
    }
}
