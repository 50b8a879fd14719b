package io.newsgraph.article;

import io.newsgraph.common.testing.PrivateSearchNode;
import java.util.Map;

/** article-service on an OpenSearch node of its own, which the test may stop, kill and restart. */
public class PrivateSearchProfile extends PrivateSearchNode.Profile {
    @Override
    protected String database() {
        return "articles";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        // Notice the node's return quickly: short connect timeout, retries at most 500 ms apart.
        return Map.of("newsgraph.search.connect-timeout", "300ms", "newsgraph.indexer.max-backoff", "500ms");
    }
}
