package io.newsgraph.common.problem;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid input field inside a problem+json body. */
@Schema(description = "One invalid input field.")
@RegisterForReflection // also written by plain ObjectMappers (ProblemResponses, the gateway), not only by the REST
// layer
public record FieldError(
        @Schema(description = "Path of the offending field, e.g. `title` or `line[3].body`.", examples = "title")
        String field,

        @Schema(description = "What is wrong with it.", examples = "must not be blank")
        String message) {}
