package io.newsgraph.k8s;

import io.newsgraph.common.testing.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The overlays of k8s/ rendered once per test JVM by {@link Kustomize}, on a copy of k8s/ (target/k8s-copy) whose
 * git-ignored secret files hold the test values below. The output is also written to target/rendered/<overlay>.yaml,
 * where scripts/validate-k8s finds it on machines without a kustomize v5.
 */
final class Rendered {
    static final List<String> OVERLAYS = List.of("dev", "prod");
    static final String API_KEY = "test-api-key-for-k8s-tests";
    static final String REDIS_PASSWORD = "test-redis-password";
    /** The managed Redis of the prod overlay's test Secret. */
    static final String PROD_REDIS_URL = "rediss://redis.example.com:6379";
    /** Redis: dev runs its own (a password only), prod names a managed one (URL and password). */
    static final Map<String, String> REDIS_FILES = Map.of(
            "dev", "password=" + REDIS_PASSWORD + "\n",
            "prod", "url=" + PROD_REDIS_URL + "\npassword=" + REDIS_PASSWORD + "\n");

    static final Map<String, String> SECRET_FILES = Map.ofEntries(
            Map.entry("postgres-superuser.env", "username=postgres\npassword=test-superuser-password\n"),
            Map.entry("db-articles.env", "username=articles\npassword=test-articles-password\n"),
            Map.entry("db-entities.env", "username=entities\npassword=test-entities-password\n"),
            Map.entry("db-alerts.env", "username=alerts\npassword=test-alerts-password\n"),
            Map.entry("gateway-api-keys.env", "api-keys=test:" + sha256(API_KEY) + ":read+write+admin\n"),
            Map.entry("opensearch-admin.env", "username=admin\npassword=test-opensearch-admin-password\n"),
            Map.entry("search-credentials.env", "username=newsgraph\npassword=test-search-password\n"),
            Map.entry("search-ca.crt", "test CA certificate\n"),
            Map.entry("opensearch-tls/ca.crt", "test CA certificate\n"),
            Map.entry("opensearch-tls/tls.crt", "test node certificate\n"),
            Map.entry("opensearch-tls/tls.key", "test node key\n"),
            Map.entry("opensearch-tls/admin.crt", "test admin certificate\n"),
            Map.entry("opensearch-tls/admin.key", "test admin key\n"));

    private static final Map<String, List<Map<String, Object>>> CACHE = new LinkedHashMap<>();
    private static Path copy;

    private Rendered() {}

    static Path root() {
        return TestPostgres.repositoryRoot();
    }

    /** The objects of one overlay, rendered by the Java renderer (a fresh deep copy per call). */
    static synchronized List<Map<String, Object>> overlay(String overlay) {
        List<Map<String, Object>> objects = CACHE.computeIfAbsent(overlay, o -> {
            List<Map<String, Object>> rendered =
                    Kustomize.build(k8sCopy().resolve("overlays").resolve(o));
            write(Path.of("target/rendered/" + o + ".yaml"), Kustomize.toYaml(rendered));
            return rendered;
        });
        return Kustomize.readObjectsFromString(Kustomize.toYaml(objects));
    }

    static synchronized Path k8sCopy() {
        if (copy == null) {
            Path source = root().resolve("k8s");
            Path target = Path.of("target/k8s-copy").toAbsolutePath();
            try {
                deleteTree(target);
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        Path rel = source.relativize(file);
                        if (rel.toString().matches("overlays/[^/]+/secrets(/.*)?") || rel.startsWith("tools")) {
                            continue; // the developer's own secret files never reach tests
                        }
                        Path dest = target.resolve(rel.toString());
                        if (Files.isDirectory(file)) {
                            Files.createDirectories(dest);
                        } else {
                            Files.copy(file, dest);
                        }
                    }
                }
                for (String overlay : OVERLAYS) {
                    Path secrets = target.resolve("overlays").resolve(overlay).resolve("secrets");
                    Files.createDirectories(secrets);
                    for (Map.Entry<String, String> file : SECRET_FILES.entrySet()) {
                        Files.createDirectories(secrets.resolve(file.getKey()).getParent());
                        Files.writeString(secrets.resolve(file.getKey()), file.getValue());
                    }
                    Files.writeString(secrets.resolve("redis.env"), REDIS_FILES.get(overlay));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            copy = target;
        }
        return copy;
    }

    /** A kustomize v5 on this machine: `kustomize`, or a kubectl whose built-in kustomize is v5+. */
    static Optional<List<String>> realKustomize() {
        if (run(List.of("kustomize", "version")).isPresent()) {
            return Optional.of(List.of("kustomize", "build"));
        }
        return run(List.of("kubectl", "version", "--client"))
                .filter(out -> out.matches("(?s).*Kustomize Version: v[5-9].*"))
                .map(out -> List.of("kubectl", "kustomize"));
    }

    static Optional<String> run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    // ---- navigation helpers over the map trees ----

    static List<Map<String, Object>> kind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    static Map<String, Object> find(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.get("kind")) && name.equals(name(o)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    static String name(Map<String, Object> object) {
        return (String) map(object, "metadata").get("name");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            current = current instanceof Map<?, ?> m ? m.get(key) : null;
        }
        return current instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object node, String... path) {
        Object current = node;
        for (int i = 0; i < path.length - 1; i++) {
            current = current instanceof Map<?, ?> m ? m.get(path[i]) : null;
        }
        Object value = current instanceof Map<?, ?> m ? m.get(path[path.length - 1]) : null;
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    /** Pod templates of the workloads (Deployments and StatefulSets). */
    static List<Map<String, Object>> workloads(List<Map<String, Object>> objects) {
        List<Map<String, Object>> out = new ArrayList<>(kind(objects, "Deployment"));
        out.addAll(kind(objects, "StatefulSet"));
        return out;
    }

    static Map<String, Object> podSpec(Map<String, Object> workload) {
        return map(workload, "spec", "template", "spec");
    }

    static Map<String, Object> podLabels(Map<String, Object> workload) {
        return map(workload, "spec", "template", "metadata", "labels");
    }

    static List<Map<String, Object>> containers(Map<String, Object> workload) {
        List<Map<String, Object>> out = new ArrayList<>(list(podSpec(workload), "containers"));
        out.addAll(list(podSpec(workload), "initContainers"));
        return out;
    }

    static boolean selects(Map<String, Object> matchLabels, Map<String, Object> labels) {
        return matchLabels.entrySet().stream()
                .allMatch(e -> String.valueOf(e.getValue()).equals(String.valueOf(labels.get(e.getKey()))));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
