package io.newsgraph.common.openapi;

import io.newsgraph.common.problem.Problem;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every service's OpenAPI document gets without repeating annotations:
 * <ul>
 *   <li>the problem+json error responses every operation can give: 400 always, 404 with path parameters, 413/415
 *       with a request body, and a `default` for anything else (responses an operation documents itself stay);
 *   <li>the allowed values of a repeatable parameter on its items: MicroProfile's {@code @Schema} cannot describe
 *       items, so {@code enumeration} lands on the array itself, which says that the whole list must be one of the
 *       values (Spectral's typed-enum warning; generators then type the items as plain strings).
 * </ul>
 */
public class ServiceOpenApiFilter implements OASFilter {
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

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getEnumeration() != null
                && schema.getItems() != null
                && schema.getType() != null
                && schema.getType().contains(Schema.SchemaType.ARRAY)) {
            schema.getItems().setEnumeration(schema.getEnumeration());
            schema.setEnumeration(null);
        }
        return schema;
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
