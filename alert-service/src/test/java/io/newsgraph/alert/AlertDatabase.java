package io.newsgraph.alert;

import io.newsgraph.common.testing.OpenSearchTestResource;
import io.newsgraph.common.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every @QuarkusTest of this module runs against its own fresh `alerts_test_*` database on a real PostgreSQL, the test
 * JVM's OpenSearch node with an index prefix of its own, and a real article-service process (its packaged jar).
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "alerts"))
@QuarkusTestResource(OpenSearchTestResource.class)
@QuarkusTestResource(ArticleServiceProcess.class)
public final class AlertDatabase {
    private AlertDatabase() {}
}
