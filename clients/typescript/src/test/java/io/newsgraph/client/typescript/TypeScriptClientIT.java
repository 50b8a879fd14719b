package io.newsgraph.client.typescript;

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
 * The typescript-fetch client generated from the gateway's OpenAPI document, compiled with tsc strict together with
 * its tests (src/test/ts, into target/ts-out by the build), run on Node.js (node --test) against the real stack:
 * ingest, read by the returned id, list, search, the analysis and its entities by the ids it carries, errors.
 */
class TypeScriptClientIT {
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
        ExternalTests.run(
                "typescript-client",
                module,
                Map.of(
                        "NEWSGRAPH_URL", stack.url(),
                        "NEWSGRAPH_API_KEY", stack.key(),
                        "NEWSGRAPH_SAMPLE",
                                TestPostgres.repositoryRoot()
                                        .resolve("samples/seed-article.txt")
                                        .toString()),
                300,
                List.of("node", "--test", "--test-reporter=spec", "target/ts-out/src/test/ts/gateway.test.js"));
    }
}
