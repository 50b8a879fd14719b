package io.newsgraph.common.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a Quarkus test application its own fresh database on the {@link TestPostgres} server and drops it
 * when the application stops. Argument `database`: the name prefix (e.g. `articles`).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private String prefix = "newsgraph";
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        prefix = initArgs.getOrDefault("database", prefix);
    }

    @Override
    public Map<String, String> start() {
        return TestPostgres.server()
                .map(server -> {
                    database = server.createDatabase(prefix);
                    return Map.of(
                            "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                            "quarkus.datasource.username", server.user(),
                            "quarkus.datasource.password", server.password());
                })
                .orElse(Map.of());
    }

    @Override
    public void stop() {
        if (database != null) {
            TestPostgres.server().ifPresent(server -> server.drop(database));
        }
    }
}
