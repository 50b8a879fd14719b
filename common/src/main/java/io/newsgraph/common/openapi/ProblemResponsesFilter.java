package io.newsgraph.common.openapi;

import io.newsgraph.common.problem.Problem;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problem+json error responses every operation can give, so that each service's OpenAPI shows
 * them without repeating annotations: 400 always, 404 with path parameters, 413/415 with a request body, and
 * a `default` for anything else. Responses an operation documents itself are left alone.
 */
public class ProblemResponsesFilter implements OASFilter {
    private static final String SCHEMA_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    item.getOperations().entrySet()) {
                Operation operation = entry.getValue();
                if (operation.getResponses() == null) {
                    operation.setResponses(OASFactory.createAPIResponses());
                }
                APIResponses responses = operation.getResponses();
                add(responses, "400", "The request is not valid (see `errors` for the fields).");
                if (hasPathParameter(item, operation)) {
                    add(responses, "404", "No such resource.");
                }
                if (operation.getRequestBody() != null) {
                    add(responses, "413", "The request body is larger than the limit.");
                    add(responses, "415", "The content type is not accepted.");
                }
                add(responses, "default", "Any other error, as RFC 9457 problem details.");
            }
        }
    }

    private static boolean hasPathParameter(PathItem item, Operation operation) {
        return hasPath(item.getParameters()) || hasPath(operation.getParameters());
    }

    private static boolean hasPath(java.util.List<Parameter> parameters) {
        return parameters != null && parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
    }

    private static void add(APIResponses responses, String code, String description) {
        if (responses.hasAPIResponse(code)) {
            return;
        }
        Content content = OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(SCHEMA_REF)));
        responses.addAPIResponse(
                code, OASFactory.createAPIResponse().description(description).content(content));
    }
}
