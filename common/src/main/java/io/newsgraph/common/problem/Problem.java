package io.newsgraph.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, the body of every error response of every service. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (`application/problem+json`).")
@RegisterForReflection // also written by plain ObjectMappers (ProblemResponses, the gateway), not only by the REST
// layer
public record Problem(
        @Schema(
                description = "URI identifying the problem type; `about:blank` for plain HTTP errors.",
                examples = "https://newsgraph.io/problems/validation-failed")
        String type,

        @Schema(description = "Short, human-readable summary of the problem type.", examples = "Request is not valid")
        String title,

        @Schema(description = "HTTP status code.", examples = "400")
        int status,

        @Schema(description = "Explanation specific to this occurrence.", examples = "title: must not be blank")
        String detail,

        @Schema(description = "URI reference of this occurrence: the request path.", examples = "/api/v1/articles")
        String instance,

        @Schema(
                description = "The request id (same as the `X-Request-Id` response header).",
                examples = "3f1c2a9e-6c1d-4a63-9a4e-1f0c5b2e7d11")
        String requestId,

        @Schema(description = "Invalid fields, when the problem is about input.")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://newsgraph.io/problems/";

    /** Problem type URI for a slug documented in docs/errors.md. */
    public static String type(String slug) {
        return slug == null ? "about:blank" : TYPE_BASE + slug;
    }
}
