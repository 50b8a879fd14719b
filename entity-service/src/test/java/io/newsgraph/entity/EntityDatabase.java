package io.newsgraph.entity;

import io.newsgraph.common.testing.OpenSearchTestResource;
import io.newsgraph.common.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every @QuarkusTest of this module runs against its own fresh `entities_test_*` database on a real PostgreSQL, and
 * against the test JVM's OpenSearch node with an index prefix of its own.
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "entities"))
@QuarkusTestResource(OpenSearchTestResource.class)
public final class EntityDatabase {
    private EntityDatabase() {}
}
