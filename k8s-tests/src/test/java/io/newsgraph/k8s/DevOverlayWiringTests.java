package io.newsgraph.k8s;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsgraph.common.testing.ServiceProcess;
import io.newsgraph.common.testing.TestPostgres;
import io.newsgraph.common.testing.TestRedis;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dev overlay's wiring, run locally: PostgreSQL's init script (ConfigMap postgres-init) creates the databases and
 * roles on the test PostgreSQL with the environment the postgres StatefulSet gets, then the four packaged services
 * start as processes with exactly the environment their Deployments get from ConfigMaps and Secrets. Only these are
 * translated: Service host names to the local ports of the processes, the PostgreSQL host to the test server, the
 * OpenSearch Service to the test node (plain HTTP: its CA file is dropped, an index prefix added), and
 * database and role names get a random suffix (the test server is shared); Secret values are the test values of
 * {@link Rendered}. ServiceProcess itself adds QUARKUS_HTTP_HOST/PORT (free local ports). The Redis Service's URL goes
 * to a throwaway Redis (TestRedis) that requires the password the redis Deployment gets from its Secret, so the
 * gateway counts in it only when both sides are wired to the same Secret key. A smoke through the gateway with the
 * API key whose hash the gateway Secret holds ingests the sample article and reads its analysis.
 */
class DevOverlayWiringTests {
    private static final String SUFFIX =
            "_wt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private static List<Map<String, Object>> objects;
    private static TestPostgres postgres;
    private static TestRedis redis;
    private static final Map<String, String> names = new LinkedHashMap<>();
    private static final List<ServiceProcess> processes = new ArrayList<>();
    private static final Map<String, ServiceProcess> byHost = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        objects = Rendered.overlay("dev");
        postgres = TestPostgres.server()
                .orElseThrow(() ->
                        new IllegalStateException("the wiring test needs PostgreSQL binaries or a configured server"));
        // database and role names as the dev overlay gives them, made unique on the shared test server
        Map<String, String> pgEnv = podEnvironment("StatefulSet", "postgres");
        for (String key : List.of(
                "ARTICLES_DB", "ENTITIES_DB", "ALERTS_DB", "ARTICLES_DB_USER", "ENTITIES_DB_USER", "ALERTS_DB_USER")) {
            names.put(pgEnv.get(key), pgEnv.get(key) + SUFFIX);
        }
        runInitScript(pgEnv);
        redis = TestRedis.start(
                "dev-overlay-wiring", podEnvironment("Deployment", "redis").get("REDIS_PASSWORD"));
        for (String service : PolicyTests.SERVICES) {
            ServiceProcess process = ServiceProcess.start(service, localEnvironment(service));
            processes.add(process);
            byHost.put(service, process);
        }
    }

    @AfterAll
    static void stop() throws SQLException {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
        if (redis != null) {
            redis.stop();
        }
        if (postgres != null) {
            try (Connection c = DriverManager.getConnection(
                            postgres.jdbcUrl("postgres"), postgres.user(), postgres.password());
                    Statement s = c.createStatement()) {
                // the dev overlay names each database after its owner role: one suffixed name per service
                for (String name : names.values()) {
                    s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
                for (String name : names.values()) {
                    s.execute("DROP ROLE IF EXISTS " + name);
                }
            }
        }
    }

    /** The variables of a workload's first container, Secret references resolved to the (test) Secret values. */
    private static Map<String, String> podEnvironment(String kind, String name) {
        Map<String, Object> c =
                Rendered.containers(Rendered.find(objects, kind, name)).get(0);
        Map<String, String> env = new LinkedHashMap<>();
        for (Map<String, Object> from : Rendered.list(c, "envFrom")) {
            String cm = (String) Rendered.map(from, "configMapRef").get("name");
            Rendered.map(Rendered.find(objects, "ConfigMap", cm), "data")
                    .forEach((k, v) -> env.put(k, String.valueOf(v)));
        }
        for (Map<String, Object> e : Rendered.list(c, "env")) {
            Map<String, Object> ref = Rendered.map(e, "valueFrom", "secretKeyRef");
            String value = ref.isEmpty()
                    ? String.valueOf(e.get("value"))
                    : new String(
                            Base64.getDecoder()
                                    .decode(String.valueOf(Rendered.map(
                                                            Rendered.find(objects, "Secret", (String) ref.get("name")),
                                                            "data")
                                                    .get(ref.get("key")))
                                            .replaceAll("\\s+", "")),
                            StandardCharsets.UTF_8);
            env.put((String) e.get("name"), value);
        }
        return env;
    }

    /** A service's environment with cluster names translated to this machine (see the class comment). */
    private static Map<String, String> localEnvironment(String service) {
        Map<String, String> env = podEnvironment("Deployment", service);
        env.replaceAll((key, value) -> {
            if (value.startsWith("jdbc:postgresql://newsgraph-pg-rw:5432/")) {
                String db = value.substring(value.lastIndexOf('/') + 1);
                return postgres.jdbcUrl(names.getOrDefault(db, db));
            }
            if (value.startsWith("redis://")) {
                if (!"redis".equals(java.net.URI.create(value).getHost())) {
                    throw new IllegalStateException(
                            service + " " + key + " names " + value + ", not the redis Service");
                }
                return redis.url();
            }
            if (value.startsWith("https://opensearch:")) {
                // The test node speaks plain HTTP without the security plugin (none on Maven Central): same wiring, no
                // TLS.
                return io.newsgraph.common.testing.TestOpenSearch.node().url();
            }
            if (value.startsWith("http://")) {
                java.net.URI uri = java.net.URI.create(value);
                ServiceProcess target = byHost.get(uri.getHost());
                if (target == null) {
                    throw new IllegalStateException(
                            service + " " + key + " names " + uri.getHost() + ", which is not running (yet)");
                }
                return target.url();
            }
            return names.getOrDefault(value, value);
        });
        if (env.containsKey("NEWSGRAPH_SEARCH_URL")) {
            // The CA file is mounted from Secret newsgraph-search-ca in the pod; a plain-HTTP node needs none.
            if (!"/etc/newsgraph/search-ca/ca.crt".equals(env.remove("NEWSGRAPH_SEARCH_CA_FILE"))) {
                throw new IllegalStateException(
                        service + ": NEWSGRAPH_SEARCH_CA_FILE is not the mounted CA of Secret newsgraph-search-ca");
            }
            env.put("NEWSGRAPH_SEARCH_INDEX_PREFIX", "wiring" + SUFFIX + "-");
        }
        return env;
    }

    /** ConfigMap postgres-init's script, run by bash/psql against the test server as its admin user. */
    private static void runInitScript(Map<String, String> pgEnv) throws IOException, InterruptedException {
        Map<String, Object> data = Rendered.map(Rendered.find(objects, "ConfigMap", "postgres-init"), "data");
        assertEquals(1, data.size());
        Path script = Path.of("target/e2e/postgres-init.sh").toAbsolutePath();
        Files.createDirectories(script.getParent());
        Files.writeString(script, String.valueOf(data.values().iterator().next()));
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/e2e/postgres-init.log")));
        Map<String, String> env = pb.environment();
        pgEnv.forEach((k, v) -> env.put(k, names.getOrDefault(v, v)));
        env.put("POSTGRES_USER", postgres.user());
        env.put("PGHOST", postgres.host());
        env.put("PGPORT", String.valueOf(postgres.port()));
        env.put("PGPASSWORD", postgres.password());
        env.put("PATH", psqlDirectory() + File.pathSeparator + System.getenv("PATH"));
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("postgres-init script failed: see target/e2e/postgres-init.log");
        }
    }

    private static String psqlDirectory() throws IOException {
        for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "psql"))) {
                return dir;
            }
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("psql")))
                    .max(Comparator.comparing(Path::toString))
                    .orElseThrow(() -> new IllegalStateException("psql not found"))
                    .toString();
        }
    }

    @Test
    void theSampleGoesInThroughTheGatewayAndItsAnalysisComesBack() throws IOException {
        String gateway = byHost.get("gateway").url();
        String sample = Files.readString(Rendered.root().resolve("samples/seed-article.txt"));
        // prod profile, no default key: without a key nothing passes
        given().baseUri(gateway).get("/api/v1/articles").then().statusCode(401);
        String id = given().baseUri(gateway)
                .header("X-API-Key", Rendered.API_KEY)
                .contentType("text/plain; charset=utf-8")
                .body(sample)
                .queryParam("publishedAt", "2025-03-23T12:00:00Z")
                .post("/api/v1/articles")
                .then()
                .statusCode(oneOf(200, 201))
                .extract()
                .path("id");
        Awaitility.await("analysis of " + id)
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> given().baseUri(gateway)
                                .header("X-API-Key", Rendered.API_KEY)
                                .get("/api/v1/articles/" + id + "/analysis")
                                .statusCode()
                        == 200);
        given().baseUri(gateway)
                .header("X-API-Key", Rendered.API_KEY)
                .queryParam("include", "analysis")
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("analysis", notNullValue())
                .body("analysis.entities.type", hasItem("PERSON"));
    }

    /**
     * Every metric the Grafana dashboards and the alerts of k8s/components/monitoring read is one the services really
     * expose: after an ingest, its analysis and a search through the gateway (what registers the lazily created
     * meters), the three services' /q/metrics are scraped and the names compared (DashboardTests reads the names).
     */
    @Test
    void everyMetricOfTheDashboardsAndAlertsIsExposed() {
        String gateway = byHost.get("gateway").url();
        String id = given().baseUri(gateway)
                .header("X-API-Key", Rendered.API_KEY)
                .contentType("application/json")
                .body(
                        "{\"title\":\"Harbour reopens\",\"body\":\"The harbour of Rotterdam reopened on Monday, port officials said.\",\"source\":\"k8s-tests\"}")
                .post("/api/v1/articles")
                .then()
                .statusCode(oneOf(200, 201))
                .extract()
                .path("id");
        Awaitility.await("analysis of " + id)
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> given().baseUri(gateway)
                                .header("X-API-Key", Rendered.API_KEY)
                                .get("/api/v1/articles/" + id + "/analysis")
                                .statusCode()
                        == 200);
        given().baseUri(gateway)
                .header("X-API-Key", Rendered.API_KEY)
                .queryParam("q", "harbour")
                .get("/api/v1/search")
                .then()
                .statusCode(200);
        java.util.Set<String> exposed = new java.util.TreeSet<>();
        for (ServiceProcess service : byHost.values()) {
            exposed.addAll(PromQl.exposed(given().baseUri(service.url())
                    .get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString()
                    .lines()
                    .toList()));
        }
        java.util.Set<String> missing = new java.util.TreeSet<>(DashboardTests.usedMetricNames());
        missing.removeAll(exposed);
        assertEquals(java.util.Set.of(), missing, "read by a panel or an alert but exposed by no service");
    }

    /** The gateway reached Redis with the password from the Secret: its rate limits are shared, not per replica. */
    @Test
    void theGatewayCountsRateLimitsInTheOverlaysRedis() {
        String gateway = byHost.get("gateway").url();
        given().baseUri(gateway)
                .header("X-API-Key", Rendered.API_KEY)
                .get("/api/v1/articles?limit=1")
                .then()
                .statusCode(200);
        Awaitility.await("rate limits shared")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> "shared"
                        .equals(given().baseUri(gateway)
                                .get("/q/health/ready")
                                .then()
                                .extract()
                                .path("checks.find { it.name == 'rate-limit-store' }.data.mode")));
    }

    @Test
    void everyServiceIsReadyOnItsProbePathsWithTheOverlayEnvironment() {
        for (Map.Entry<String, ServiceProcess> e : byHost.entrySet()) {
            for (String probe : List.of("started", "ready", "live")) {
                given().baseUri(e.getValue().url())
                        .get("/q/health/" + probe)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("UP"));
            }
        }
    }
}
