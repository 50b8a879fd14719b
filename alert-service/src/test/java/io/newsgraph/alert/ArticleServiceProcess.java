package io.newsgraph.alert;

import io.newsgraph.common.testing.ServiceProcess;
import io.newsgraph.common.testing.TestOpenSearch;
import io.newsgraph.common.testing.TestPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * article-service as a real process (from article-service/target/quarkus-app: build it first) on a database of its own:
 * the compile and search-documents operations and the change feed alert-service follows are the real ones. The tests
 * stand in for entity-service by storing entity summaries through its internal operation, which announces ANALYSED.
 */
public class ArticleServiceProcess implements QuarkusTestResourceLifecycleManager {
    private static ServiceProcess process;
    private TestPostgres postgres;
    private String database;

    public static String url() {
        return process.url();
    }

    /** SIGKILL, as an outage; {@link #restart()} brings it back on the same port and database. */
    public static void kill() {
        process.kill();
    }

    public static void restart() {
        process.start();
    }

    @Override
    public Map<String, String> start() {
        postgres = TestPostgres.server()
                .orElseThrow(() -> new IllegalStateException("alert-service tests need PostgreSQL"));
        database = postgres.createDatabase("articles_for_alerts");
        Map<String, String> env = TestOpenSearch.withSearch(
                Map.of(
                        "QUARKUS_DATASOURCE_JDBC_URL",
                        postgres.jdbcUrl(database),
                        "QUARKUS_DATASOURCE_USERNAME",
                        postgres.user(),
                        "QUARKUS_DATASOURCE_PASSWORD",
                        postgres.password()),
                database);
        process = ServiceProcess.start("article-service", env);
        // Ad-hoc streams search article-service's index, which has its own prefix here.
        return Map.of(
                "newsgraph.articles.url",
                process.url(),
                "newsgraph.articles.index",
                env.get("NEWSGRAPH_SEARCH_INDEX_PREFIX") + "articles");
    }

    @Override
    public void stop() {
        if (process != null) {
            process.close();
        }
        if (postgres != null && database != null) {
            postgres.drop(database);
        }
    }
}
