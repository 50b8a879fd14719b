package io.newsgraph.reliability.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.common.testing.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The whole of newsgraph as real processes on 127.0.0.1: a PostgreSQL cluster of its own, article-service,
 * entity-service and the gateway from their packaged jars. One shared instance serves the test classes of a
 * run (they are ordered: read-only checks first, destructive fault tests after them); it stops when the JVM ends.
 */
public final class Stack implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    /** Every scope; the admin rate (set practically unlimited here, so that load and fuzzing are not throttled). */
    public static final String ADMIN_KEY = "rel-admin-" + RUN;

    public static final String READ_KEY = "rel-read-" + RUN;
    public static final String WRITE_KEY = "rel-write-" + RUN;
    /** Read scope only, with its own bucket: the rate-limit test drains it. */
    public static final String LIMITED_KEY = "rel-limited-" + RUN;

    public static final int READ_QUOTA = 60;
    public static final int WRITE_QUOTA = 60;
    public static final Duration ARTICLES_CIRCUIT_DELAY = Duration.ofSeconds(3);

    private static Stack shared;

    public final PgCluster pg;
    public final ServiceProcess articles;
    public final ServiceProcess entities;
    public final ServiceProcess alerts;
    public final ServiceProcess gateway;
    public final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    /** A stack of its own (not the shared one), with {@code extraEnv} added to every service's environment. */
    public static Stack start(String name, Map<String, String> extraEnv) {
        return new Stack(name, extraEnv);
    }

    private Stack(String name, Map<String, String> extraEnv) {
        pg = PgCluster.start(name);
        pg.createDatabase("articles");
        pg.createDatabase("entities");
        pg.createDatabase("alerts");
        Map<String, String> articleEnv = new HashMap<>(datasource("articles"));
        articleEnv.putAll(extraEnv);
        articles = ServiceProcess.startFromSnapshot("article-service", articleEnv);
        Map<String, String> entityEnv = new HashMap<>(datasource("entities"));
        entityEnv.putAll(extraEnv);
        entityEnv.put("NEWSGRAPH_ARTICLES_URL", articles.url());
        entityEnv.put("NEWSGRAPH_FEED_POLL_INTERVAL", "200ms");
        entityEnv.put("NEWSGRAPH_WORKER_POLL_INTERVAL", "100ms");
        entities = ServiceProcess.startFromSnapshot("entity-service", entityEnv);
        Map<String, String> alertEnv = new HashMap<>(datasource("alerts"));
        alertEnv.putAll(extraEnv);
        alertEnv.put("NEWSGRAPH_ARTICLES_URL", articles.url());
        // Ad-hoc streams (GET /stream) search article-service's index, which has a prefix of its own here.
        alertEnv.put("NEWSGRAPH_ARTICLES_INDEX", articleEnv.get("NEWSGRAPH_SEARCH_INDEX_PREFIX") + "articles");
        alerts = ServiceProcess.startFromSnapshot("alert-service", alertEnv);
        Map<String, String> env = gatewayEnv(articles.url(), entities.url());
        env.put("NEWSGRAPH_GATEWAY_UPSTREAMS_ALERTS_URL", alerts.url());
        env.putAll(extraEnv);
        gateway = ServiceProcess.startFromSnapshot("gateway", env);
    }

    /** The gateway's environment for the given upstreams: the four test keys, quotas, a short article circuit delay. */
    public static Map<String, String> gatewayEnv(String articlesUrl, String entitiesUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NEWSGRAPH_GATEWAY_UPSTREAMS_ARTICLES_URL", articlesUrl);
        env.put("NEWSGRAPH_GATEWAY_UPSTREAMS_ENTITIES_URL", entitiesUrl);
        env.put(
                "NEWSGRAPH_GATEWAY_API_KEYS",
                String.join(
                        ",",
                        "admin:" + sha256(ADMIN_KEY) + ":admin",
                        "reader:" + sha256(READ_KEY) + ":read",
                        "writer:" + sha256(WRITE_KEY) + ":write",
                        "limited:" + sha256(LIMITED_KEY) + ":read"));
        env.put("NEWSGRAPH_GATEWAY_RATE_LIMITS_READ_REQUESTS", String.valueOf(READ_QUOTA));
        env.put("NEWSGRAPH_GATEWAY_RATE_LIMITS_WRITE_REQUESTS", String.valueOf(WRITE_QUOTA));
        env.put("NEWSGRAPH_GATEWAY_RATE_LIMITS_ADMIN_REQUESTS", "1000000000");
        env.put("NEWSGRAPH_GATEWAY_UPSTREAMS_ARTICLES_CIRCUIT_BREAKER_DELAY", ARTICLES_CIRCUIT_DELAY.toMillis() + "ms");
        return env;
    }

    public static synchronized Stack shared() {
        if (shared == null) {
            shared = new Stack("shared", Map.of());
            Stack s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::close));
        }
        return shared;
    }

    private Map<String, String> datasource(String database) {
        return io.newsgraph.common.testing.TestOpenSearch.withSearch(
                Map.of(
                        "QUARKUS_DATASOURCE_JDBC_URL",
                        pg.jdbcUrl(database),
                        "QUARKUS_DATASOURCE_USERNAME",
                        pg.user(),
                        "QUARKUS_DATASOURCE_PASSWORD",
                        pg.password()),
                database);
    }

    @Override
    public void close() {
        for (ServiceProcess s : new ServiceProcess[] {gateway, alerts, entities, articles}) {
            if (s != null) {
                s.close();
            }
        }
    }

    // ---------------------------------------------------------------- HTTP

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder gatewayRequest(String pathAndQuery, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway.url() + pathAndQuery));
        return key == null ? b : b.header("X-API-Key", key);
    }

    public JsonNode getJson(String pathAndQuery) {
        HttpResponse<String> r = send(gatewayRequest(pathAndQuery, ADMIN_KEY).GET());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + pathAndQuery + ": " + r.statusCode() + " " + r.body());
        }
        return readTree(r.body());
    }

    /** Ingests one article through the gateway; returns its id. */
    public String ingest(String json) {
        HttpResponse<String> r = send(gatewayRequest("/api/v1/articles", ADMIN_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        if (r.statusCode() != 201 && r.statusCode() != 200) {
            throw new IllegalStateException("ingest: " + r.statusCode() + " " + r.body());
        }
        return readTree(r.body()).get("id").asText();
    }

    /** The data of the gateway's readiness check "upstreams" (circuit state, in-flight calls per upstream). */
    public static JsonNode upstreamsHealth(HttpClient client, String gatewayUrl) {
        try {
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(URI.create(gatewayUrl + "/q/health/ready"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode check : readTree(r.body()).path("checks")) {
                if ("upstreams".equals(check.path("name").asText())) {
                    return check.path("data");
                }
            }
            throw new IllegalStateException("no 'upstreams' readiness check: " + r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    public static boolean ready(String baseUrl) {
        try {
            HttpResponse<Void> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                                    .timeout(Duration.ofSeconds(3))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ---------------------------------------------------------------- state

    public long liveArticles() {
        return pg.scalar("articles", "SELECT count(*) FROM article WHERE deleted_at IS NULL");
    }

    public long analysed() {
        return pg.scalar("entities", "SELECT count(*) FROM article_analysis");
    }

    public long pendingJobs() {
        return pg.scalar("entities", "SELECT count(*) FROM extraction_job WHERE state = 'PENDING'");
    }

    /** Waits until entity-service has analysed every live article and has no job left. */
    public void awaitAnalysed(Duration atMost) {
        Awaitility.await("every article analysed")
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> pendingJobs() == 0
                        && analysed() == liveArticles()
                        && pg.scalar("articles", "SELECT count(*) FROM article_change") == feedSeenByEntities());
    }

    private long feedSeenByEntities() {
        return pg.scalar("entities", "SELECT last_seq FROM feed_cursor");
    }

    /** Row counts of everything the services store: equal snapshots mean nothing was written. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("article", "article_version", "article_change")) {
            counts.put("articles." + table, pg.scalar("articles", "SELECT count(*) FROM " + table));
        }
        counts.put(
                "articles.deleted", pg.scalar("articles", "SELECT count(*) FROM article WHERE deleted_at IS NOT NULL"));
        counts.put("articles.max_version", pg.scalar("articles", "SELECT coalesce(sum(version), 0) FROM article"));
        for (String table : List.of(
                "entity",
                "entity_alias",
                "article_analysis",
                "article_entity",
                "mention",
                "quote",
                "claim",
                "date_mention",
                "extraction_job")) {
            counts.put("entities." + table, pg.scalar("entities", "SELECT count(*) FROM " + table));
        }
        return counts;
    }

    // ---------------------------------------------------------------- processes

    public static Optional<ProcessHandle> processOf(ServiceProcess service) {
        return service.isRunning() ? ProcessHandle.of(service.pid()) : Optional.empty();
    }

    /** Resident set size in MiB (from /proc), -1 when unknown. */
    public static double rssMiB(ServiceProcess service) {
        return processOf(service)
                .map(p -> {
                    try {
                        for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
                            if (line.startsWith("VmRSS:")) {
                                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                            }
                        }
                    } catch (IOException e) {
                        // gone
                    }
                    return -1.0;
                })
                .orElse(-1.0);
    }

    /** Heap in use right after a full GC (jcmd GC.run, then Micrometer's jvm_memory_used_bytes), MiB. */
    public static double heapAfterGcMiB(ServiceProcess service) {
        processOf(service).ifPresent(p -> {
            try {
                String jcmd = Path.of(ProcessHandle.current().info().command().orElse("java"))
                        .resolveSibling("jcmd")
                        .toString();
                Process gc = new ProcessBuilder(jcmd, String.valueOf(p.pid()), "GC.run")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                gc.waitFor(30, TimeUnit.SECONDS);
            } catch (IOException e) {
                // no jcmd: heap as it is
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(service.url() + "/q/metrics"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            double bytes = 0;
            for (String line : r.body().split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    bytes += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return bytes / (1024 * 1024);
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Live threads of a service (Micrometer's jvm_threads_live_threads), -1 when unknown. */
    public static double liveThreads(ServiceProcess service) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(service.url() + "/q/metrics"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            for (String line : r.body().split("\n")) {
                if (line.startsWith("jvm_threads_live_threads")) {
                    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -1;
    }

    public static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The operations of the public API, from the gateway's own OpenAPI document: method, path template, the operation. */
    public List<Operation> operations() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(gateway.url() + "/q/openapi?format=json"))
                .GET());
        JsonNode doc = readTree(r.body());
        List<Operation> ops = new ArrayList<>();
        doc.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    String method = op.getKey().toUpperCase();
                    if (List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD").contains(method)) {
                        ops.add(new Operation(method, path.getKey(), op.getValue(), doc));
                    }
                }));
        return ops;
    }

    public record Operation(String method, String path, JsonNode spec, JsonNode document) {
        /** Security requirement of the operation (its own, else the document's); empty means public. */
        public boolean isPublic() {
            JsonNode security = spec.has("security") ? spec.get("security") : document.get("security");
            if (security == null || security.isEmpty()) {
                return true;
            }
            for (JsonNode requirement : security) {
                if (requirement.isEmpty()) {
                    return true; // {} = anonymous allowed
                }
            }
            return false;
        }

        public List<String> queryParameters() {
            List<String> names = new ArrayList<>();
            spec.path("parameters").forEach(p -> {
                if ("query".equals(p.path("in").asText())) {
                    names.add(p.get("name").asText());
                }
            });
            return names;
        }

        public List<String> mediaTypes() {
            List<String> types = new ArrayList<>();
            spec.path("requestBody").path("content").fieldNames().forEachRemaining(types::add);
            return types;
        }

        public boolean isWrite() {
            // As the gateway's Scope: a search sent as JSON (POST /api/v1/search) is a read.
            return !method.equals("GET")
                    && !method.equals("HEAD")
                    && !(method.equals("POST") && path.equals("/api/v1/search"));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
