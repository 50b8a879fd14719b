package io.newsgraph.article;

import io.newsgraph.common.testing.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * OpenSearch unreachable (nothing listens on the port): what clients see, and that ingest goes on. The module's
 * global test resources are off (the OpenSearch one would point the application at the test node); PostgreSQL is
 * brought back explicitly.
 */
public class SearchDown implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("newsgraph.search.url", "http://127.0.0.1:9", "newsgraph.search.connect-timeout", "200ms",
                "newsgraph.indexer.max-backoff", "200ms");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresTestResource.class, Map.of("database", "articles")));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
