package io.newsgraph.common.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;

/**
 * Points a Quarkus test application at this JVM's {@link TestOpenSearch} node with an index prefix of its own, so
 * that the applications of one test run never see each other's documents.
 */
public class OpenSearchTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "newsgraph.search.url",
                TestOpenSearch.node().url(),
                "newsgraph.search.index-prefix",
                "t" + UUID.randomUUID().toString().substring(0, 8) + "-");
    }

    @Override
    public void stop() {
        // The node outlives the application (one per JVM); its indices go with it.
    }
}
