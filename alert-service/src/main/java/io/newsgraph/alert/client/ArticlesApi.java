package io.newsgraph.alert.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** article-service as alert-service uses it: its change feed and two internal operations; wrapped by {@link ArticleClient}. */
@RegisterRestClient(configKey = "articles")
@Path("/")
interface ArticlesApi {

    @GET
    @Path("api/v1/articles/feed")
    ArticleFeedPage feed(@QueryParam("after") String after, @QueryParam("limit") int limit);

    @POST
    @Path("internal/search/compile")
    @Consumes(MediaType.APPLICATION_JSON)
    CompiledSearch compile(ObjectNode search);

    @POST
    @Path("internal/articles/search-documents")
    @Consumes(MediaType.APPLICATION_JSON)
    SearchDocuments searchDocuments(DocumentIds ids);

    record DocumentIds(List<UUID> ids) {}

    record SearchDocuments(List<JsonNode> documents) {}
}
