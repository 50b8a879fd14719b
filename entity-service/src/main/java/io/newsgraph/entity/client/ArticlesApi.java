package io.newsgraph.entity.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** article-service's API as entity-service uses it; wrapped by {@link ArticleClient}. */
@RegisterRestClient(configKey = "articles")
@Path("/api/v1/articles")
interface ArticlesApi {

    @GET
    @Path("feed")
    ArticleFeedPage feed(@QueryParam("after") String after, @QueryParam("limit") int limit);

    @GET
    @Path("{id}/versions/{version}")
    ArticleVersion version(@PathParam("id") UUID id, @PathParam("version") int version);
}
