package io.newsgraph.article.rest;

import io.micrometer.core.annotation.Timed;
import io.newsgraph.article.service.RelatedStories;
import io.newsgraph.common.paging.PageLimit;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/articles/{id}/related")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search")
@RunOnVirtualThread
public class RelatedResource {
    @Inject
    RelatedStories stories;

    @GET
    @Operation(operationId = "listRelatedArticles", summary = "Related stories")
    @APIResponse(
            responseCode = "200",
            description = "Related stories, best first (empty while the article is not yet indexed).",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RelatedPage.class)))
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "503")
    @Timed(value = "newsgraph.related", histogram = true, description = "Related-stories requests")
    public RelatedPage related(
            @Parameter(
                            description = "Article id.",
                            example = ArticleResource.ID_EXAMPLE,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id,
            @Parameter(
                            description = "How many stories, 1 to 50 (default 10).",
                            example = "10",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "50",
                                            defaultValue = "10"))
                    @QueryParam("limit")
                    String limit) {
        int size = PageLimit.parse(limit, 10, 50);
        var article = ArticleResource.uuid(id);
        return new RelatedPage(article, stories.related(article, size));
    }

    @Schema(name = "RelatedPage", description = "Stories related to one article, best first.")
    public record RelatedPage(
            @Schema(description = "The article asked about.")
            java.util.UUID id,

            List<RelatedStories.Related> related) {}
}
