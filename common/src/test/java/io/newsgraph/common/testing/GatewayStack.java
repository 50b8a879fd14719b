package io.newsgraph.common.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The whole public API as a client meets it: article-service, entity-service (consuming the feed) and the gateway in
 * front of both, run from their packaged apps on fresh databases of a real PostgreSQL, with one API key of scopes
 * read and write. For the end-to-end tests of the generated clients.
 */
public final class GatewayStack implements AutoCloseable {
    private final TestPostgres postgres;
    private final List<String> databases = new ArrayList<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private final String key = "e2e-" + System.nanoTime();
    private final ServiceProcess gateway;

    private GatewayStack(Map<String, String> extraEnv) {
        postgres = TestPostgres.server()
                .orElseThrow(() -> new IllegalStateException("the end-to-end test needs a real PostgreSQL"));
        try {
            ServiceProcess articles = start("article-service", datasource("articles"), extraEnv);
            Map<String, String> entityEnv = new HashMap<>(datasource("entities"));
            entityEnv.put("NEWSGRAPH_ARTICLES_URL", articles.url());
            entityEnv.put("NEWSGRAPH_FEED_POLL_INTERVAL", "200ms");
            ServiceProcess entities = start("entity-service", entityEnv, extraEnv);
            // Generous upstream timeouts: these tests are about clients, and a cold service on a busy CI machine
            // may take seconds for its first write.
            gateway = start(
                    "gateway",
                    Map.of(
                            "NEWSGRAPH_GATEWAY_UPSTREAMS_ARTICLES_TIMEOUT",
                            "30s",
                            "NEWSGRAPH_GATEWAY_UPSTREAMS_ENTITIES_TIMEOUT",
                            "30s",
                            "NEWSGRAPH_GATEWAY_UPSTREAMS_ARTICLES_URL",
                            articles.url(),
                            "NEWSGRAPH_GATEWAY_UPSTREAMS_ENTITIES_URL",
                            entities.url(),
                            "NEWSGRAPH_GATEWAY_API_KEYS",
                            "e2e:" + sha256(key) + ":read+write"),
                    extraEnv);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts the three services; {@code extraEnv} is given to each of them. */
    public static GatewayStack start(Map<String, String> extraEnv) {
        return new GatewayStack(extraEnv);
    }

    public String url() {
        return gateway.url();
    }

    /** An API key with the scopes read and write. */
    public String key() {
        return key;
    }

    private ServiceProcess start(String name, Map<String, String> env, Map<String, String> extraEnv) {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(extraEnv);
        ServiceProcess service = ServiceProcess.start(name, all);
        services.add(service);
        return service;
    }

    private Map<String, String> datasource(String prefix) {
        String database = postgres.createDatabase(prefix);
        databases.add(database);
        return TestOpenSearch.withSearch(
                Map.of(
                        "QUARKUS_DATASOURCE_JDBC_URL",
                        postgres.jdbcUrl(database),
                        "QUARKUS_DATASOURCE_USERNAME",
                        postgres.user(),
                        "QUARKUS_DATASOURCE_PASSWORD",
                        postgres.password()),
                database);
    }

    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        databases.forEach(postgres::drop);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
