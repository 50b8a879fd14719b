package io.newsgraph.common.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/** What every service's OpenAPI document must give a client generator and a reader. */
public final class OpenApiDocs {
    private OpenApiDocs() {}

    /**
     * Reads the document served at /q/openapi and checks it: OpenAPI 3.1; every operation has an operationId, a
     * summary, a description, an example somewhere in its request or responses, and documents its problem
     * responses (400 and default, as the Problem schema); and it is portable (see {@link #assertPortable}). Returns the
     * number of operations.
     */
    public static int assertEveryOperationDocumented() throws Exception {
        String document = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
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
        assertPortable(root);
        return operations;
    }

    /** Regex syntax Java has and ECMA-262 (JSON Schema's dialect) or Python's {@code re} reads otherwise or not at all. */
    private static final Pattern NOT_PORTABLE_REGEX =
            Pattern.compile("\\\\[pPhHRXAZzGQEK]|\\\\x\\{|\\(\\?[a-zA-Z-]+[):]|\\(\\?>|[*+?}]\\+|&&|\\[\\[");

    /**
     * What generated clients in other languages need: every {@code pattern} in ECMA-262 syntax that Python reads alike
     * (no {@code \p{..}} classes, possessive quantifiers, inline flags or class intersections), and every {@code id}
     * path parameter typed as the UUID the responses carry, so that an id read from one answer can be passed back.
     */
    public static void assertPortable(JsonNode root) {
        List<String> problems = new ArrayList<>();
        visit(root, "#", (where, node) -> {
            JsonNode pattern = node.get("pattern");
            if (pattern != null
                    && pattern.isTextual()
                    && NOT_PORTABLE_REGEX.matcher(pattern.asText()).find()) {
                problems.add(where + ": pattern " + pattern.asText() + " is not portable");
            }
            if ("path".equals(node.path("in").asText())
                    && "id".equals(node.path("name").asText())
                    && !"uuid".equals(node.path("schema").path("format").asText())) {
                problems.add(where + ": path parameter id is not a uuid");
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void visit(JsonNode node, String where, BiConsumer<String, JsonNode> visitor) {
        if (node.isObject()) {
            visitor.accept(where, node);
            node.fields().forEachRemaining(field -> visit(field.getValue(), where + "/" + field.getKey(), visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                visit(node.get(i), where + "/" + i, visitor);
            }
        }
    }
}
