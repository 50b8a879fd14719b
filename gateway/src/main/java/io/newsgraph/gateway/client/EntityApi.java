package io.newsgraph.gateway.client;

import io.newsgraph.common.http.RequestIds;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** entity-service, as far as composition needs it. Only {@link EntityClient} uses it. */
@RegisterRestClient(configKey = "entities")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
interface EntityApi {

    @GET
    @Path("/articles/{id}/analysis")
    Uni<Response> analysis(@PathParam("id") String articleId, @HeaderParam(RequestIds.HEADER) String requestId);

    @GET
    @Path("/entities/{id}")
    Uni<Response> entity(@PathParam("id") String id, @HeaderParam(RequestIds.HEADER) String requestId);

    @GET
    @Path("/entities/{id}/articles")
    Uni<Response> articlesOf(
            @PathParam("id") String id,
            @QueryParam("limit") int limit,
            @HeaderParam(RequestIds.HEADER) String requestId);
}
