package io.newsgraph.client.python;

import io.newsgraph.common.testing.ExternalTests;
import io.newsgraph.common.testing.GatewayStack;
import io.newsgraph.common.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Python client generated from the gateway's OpenAPI document (target/generated-sources/python), run by its own
 * unittest suite (src/test/python) against the real stack: ingest, read by the returned id, list, search, the
 * analysis and its entities by the ids it carries, and errors as problem+json.
 */
class PythonClientIT {
    private static GatewayStack stack;

    @BeforeAll
    static void start() {
        stack = GatewayStack.start(Map.of());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void generatedClientPassesItsTestsThroughTheGateway() throws Exception {
        Path module = Path.of("").toAbsolutePath();
        String python = System.getProperty("newsgraph.python", "python3");
        ExternalTests.run("python-check", module, Map.of(), 60, List.of("../check-python", python));
        ExternalTests.run(
                "python-client",
                module,
                Map.of(
                        "NEWSGRAPH_URL", stack.url(),
                        "NEWSGRAPH_API_KEY", stack.key(),
                        "NEWSGRAPH_SAMPLE",
                                TestPostgres.repositoryRoot()
                                        .resolve("samples/seed-article.txt")
                                        .toString(),
                        "PYTHONPATH",
                                module.resolve("target/generated-sources/python")
                                        .toString(),
                        "PYTHONDONTWRITEBYTECODE", "1"),
                300,
                List.of(python, "-m", "unittest", "-v", "src/test/python/test_gateway.py"));
    }
}
