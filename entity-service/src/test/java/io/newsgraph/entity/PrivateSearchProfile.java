package io.newsgraph.entity;

import io.newsgraph.common.testing.PrivateSearchNode;

/** entity-service on an OpenSearch node of its own, which the test may stop, kill and restart. */
public class PrivateSearchProfile extends PrivateSearchNode.Profile {
    @Override
    protected String database() {
        return "entities";
    }
}
