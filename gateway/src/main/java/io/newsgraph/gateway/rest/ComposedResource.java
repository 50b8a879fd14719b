package io.newsgraph.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsgraph.common.http.RequestIds;
import io.newsgraph.common.problem.Problem;
import io.newsgraph.common.problem.ProblemMappers;
import io.newsgraph.gateway.client.UpstreamReply;
import io.newsgraph.gateway.service.CompositionService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The gateway's own operations: reads composed from two services. Everything else is proxied before JAX-RS
 * sees it. Documented in the merged OpenAPI document by {@code GatewayOpenApiFilter}, on the operations
 * they extend, hence hidden from annotation scanning here.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ComposedResource {
    private static final Pattern ARTICLE = Pattern.compile("/api/v1/articles/(?!batch$|feed$)[^/]+");
    private static final Pattern ENTITY = Pattern.compile("/api/v1/entities/[^/]+");

    private final CompositionService composition;

    ComposedResource(CompositionService composition) {
        this.composition = composition;
    }

    /** Whether the proxy should leave this request to this resource. */
    public static boolean handles(HttpServerRequest request, String path) {
        if (request.method() != HttpMethod.GET) {
            return false;
        }
        if (path.startsWith("/api/v1/entities/")) {
            return ENTITY.matcher(path).matches();
        }
        // Every proxied request asks: the cheap tests first (no query, no parsing of it).
        String query = request.query();
        return query != null
                && query.contains("include")
                && ARTICLE.matcher(path).matches()
                && includesAnalysis(request.params().getAll("include"));
    }

    private static boolean includesAnalysis(java.util.List<String> includes) {
        for (String include : includes) {
            for (String part : include.split(",")) {
                if (part.trim().equals("analysis")) {
                    return true;
                }
            }
        }
        return false;
    }

    @GET
    @Path("articles/{id}")
    @Operation(hidden = true)
    public Uni<Response> articleWithAnalysis(@PathParam("id") String id, HttpServerRequest request) {
        return composition.articleWithAnalysis(id, RequestIds.of(request)).map(c -> respond(c, request));
    }

    @GET
    @Path("entities/{id}")
    @Operation(hidden = true)
    public Uni<Response> entityWithArticles(@PathParam("id") String id, HttpServerRequest request) {
        return composition.entityWithArticles(id, RequestIds.of(request)).map(c -> respond(c, request));
    }

    private static Response respond(CompositionService.Composed composed, HttpServerRequest request) {
        if (composed.body() != null) {
            return Response.ok(composed.body(), MediaType.APPLICATION_JSON_TYPE).build();
        }
        UpstreamReply primary = composed.primary();
        if (primary.unavailable() != null) {
            Problem problem = new Problem(
                    Problem.type("upstream-unavailable"),
                    "Upstream unavailable",
                    503,
                    primary.unavailable(),
                    request.path(),
                    RequestIds.of(request),
                    null);
            return Response.fromResponse(ProblemMappers.respond(problem))
                    .header("Retry-After", "10")
                    .build();
        }
        // The primary's own answer (e.g. its 404 problem) passes through unchanged.
        JsonNode body = primary.body();
        Response.ResponseBuilder response = Response.status(primary.status());
        if (body != null) {
            response.entity(body)
                    .type(primary.contentType() != null ? primary.contentType() : MediaType.APPLICATION_JSON);
        }
        return response.build();
    }
}
