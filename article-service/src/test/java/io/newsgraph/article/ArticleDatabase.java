package io.newsgraph.article;

import io.newsgraph.common.testing.OpenSearchTestResource;
import io.newsgraph.common.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every @QuarkusTest of this module runs against its own fresh `articles_test_*` database on a real PostgreSQL and
 * its own index prefix on the test run's real OpenSearch node.
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "articles"))
@QuarkusTestResource(OpenSearchTestResource.class)
public final class ArticleDatabase {
    private ArticleDatabase() {}
}
