package io.newsgraph.gateway.client;

import io.newsgraph.common.http.RequestIds;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** article-service, as far as composition needs it. Only {@link ArticleClient} uses it. */
@RegisterRestClient(configKey = "articles")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
interface ArticleApi {

    @GET
    @Path("/articles/{id}")
    Uni<Response> article(@PathParam("id") String id, @HeaderParam(RequestIds.HEADER) String requestId);
}
