package io.newsgraph.entity.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** article-service's internal operations (not on the public gateway) that entity-service calls; wrapped by {@link ArticleClient}. */
@RegisterRestClient(configKey = "articles")
@Path("/internal/articles")
interface InternalArticlesApi {

    /** 204 stored; 404 article unknown or deleted; 409 a newer version's summary is stored; 400 invalid summary. */
    @PUT
    @Path("{id}/entities")
    @Consumes(MediaType.APPLICATION_JSON)
    void putEntities(@PathParam("id") UUID id, EntitySummary summary);
}
