package io.newsgraph.common.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;

/** What every service's OpenAPI document must give a client generator and a reader. */
public final class OpenApiDocs {
    private OpenApiDocs() {
    }

    /**
     * Reads the document served at /q/openapi and checks it: OpenAPI 3.1; every operation has an operationId, a
     * summary, a description, an example somewhere in its request or responses, and documents its problem
     * responses (400 and default, as the Problem schema). Returns the number of operations.
     */
    public static int assertEveryOperationDocumented() throws Exception {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        JsonNode root = new ObjectMapper().readTree(document);
        assertTrue(root.path("openapi").asText().startsWith("3.1"), "OpenAPI 3.1");
        assertFalse(root.path("components").path("schemas").path("Problem").isMissingNode(), "Problem schema");
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (op.getKey().equals("parameters")) {
                    continue;
                }
                operations++;
                String where = op.getKey() + " " + path.getKey();
                JsonNode operation = op.getValue();
                assertNotNull(operation.get("operationId"), where + " operationId");
                assertNotNull(operation.get("summary"), where + " summary");
                assertNotNull(operation.get("description"), where + " description");
                JsonNode responses = operation.path("responses");
                assertTrue(responses.has("400") && responses.has("default"), where + " documents its problems");
                assertTrue(operation.toString().contains("example"), where + " has an example");
            }
        }
        assertTrue(operations > 0, "no operations");
        return operations;
    }
}
