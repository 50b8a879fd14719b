package io.newsgraph.article.rest;

import io.newsgraph.article.service.ArticleQueries;
import io.newsgraph.common.paging.PageLimit;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/articles/feed")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Change feed", description = "Every create, update and delete, in commit order.")
@RunOnVirtualThread
public class FeedResource {

    @Inject
    ArticleQueries queries;

    @GET
    @Operation(operationId = "readArticleFeed", summary = "Read the change feed")
    @APIResponse(
            responseCode = "200",
            description = "The next events.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Pages.FeedPage.class)))
    public Pages.FeedPage feed(
            @QueryParam("after") String after,
            @Parameter(
                            example = "100",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "1000",
                                            defaultValue = "100"))
                    @QueryParam("limit")
                    String limitParam) {
        int limit = PageLimit.parse(limitParam, 100, 1000);
        ArticleQueries.FeedSlice slice = queries.feed(after == null || after.isBlank() ? null : after, limit);
        return new Pages.FeedPage(
                slice.events().stream().map(Pages.FeedItem::of).toList(), slice.cursor(), slice.more());
    }
}
