package io.newsgraph.k8s;

import static io.newsgraph.k8s.Rendered.containers;
import static io.newsgraph.k8s.Rendered.find;
import static io.newsgraph.k8s.Rendered.kind;
import static io.newsgraph.k8s.Rendered.list;
import static io.newsgraph.k8s.Rendered.map;
import static io.newsgraph.k8s.Rendered.name;
import static io.newsgraph.k8s.Rendered.podLabels;
import static io.newsgraph.k8s.Rendered.podSpec;
import static io.newsgraph.k8s.Rendered.selects;
import static io.newsgraph.k8s.Rendered.workloads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Security, availability and wiring rules over the rendered overlays. The services' side of every comparison
 * (ports, configuration) comes from their own sources ({@link ServiceConfig}), never from the manifests.
 */
class PolicyTests {
    /** In start order: each after the services it calls (DevOverlayWiringTests starts them so). */
    static final List<String> SERVICES = List.of("article-service", "entity-service", "alert-service", "gateway");

    private static final Map<String, ServiceConfig> CONFIG = new HashMap<>();

    static synchronized ServiceConfig config(String service) {
        return CONFIG.computeIfAbsent(service, ServiceConfig::of);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerMeetsPodSecurityRestricted(String overlay) {
        List<Map<String, Object>> objects = Rendered.overlay(overlay);
        assertEquals(
                "restricted",
                map(find(objects, "Namespace", "newsgraph"), "metadata", "labels")
                        .get("pod-security.kubernetes.io/enforce"));
        for (Map<String, Object> w : workloads(objects)) {
            String where = overlay + " " + w.get("kind") + "/" + name(w);
            Map<String, Object> pod = podSpec(w);
            Map<String, Object> podSc = map(pod, "securityContext");
            assertEquals(false, pod.get("automountServiceAccountToken"), where + " automountServiceAccountToken");
            for (String hostField : List.of("hostNetwork", "hostPID", "hostIPC")) {
                assertFalse(Boolean.TRUE.equals(pod.get(hostField)), where + " " + hostField);
            }
            for (Map<String, Object> volume : list(pod, "volumes")) {
                Set<String> allowed = Set.of(
                        "name", "emptyDir", "configMap", "secret", "persistentVolumeClaim", "projected", "downwardAPI");
                assertTrue(allowed.containsAll(volume.keySet()), where + " volume type " + volume.keySet());
            }
            ServiceAccountCheck.assertAccount(objects, w, where);
            for (Map<String, Object> c : containers(w)) {
                String cw = where + " container " + c.get("name");
                Map<String, Object> sc = map(c, "securityContext");
                assertEquals(false, sc.get("allowPrivilegeEscalation"), cw + " allowPrivilegeEscalation");
                assertEquals(true, sc.get("readOnlyRootFilesystem"), cw + " readOnlyRootFilesystem");
                assertFalse(Boolean.TRUE.equals(sc.get("privileged")), cw + " privileged");
                assertEquals(List.of("ALL"), map(sc, "capabilities").get("drop"), cw + " capabilities.drop");
                assertFalse(map(sc, "capabilities").containsKey("add"), cw + " capabilities.add");
                assertTrue(
                        Boolean.TRUE.equals(sc.getOrDefault("runAsNonRoot", podSc.get("runAsNonRoot"))),
                        cw + " runAsNonRoot");
                Object uid = sc.getOrDefault("runAsUser", podSc.get("runAsUser"));
                assertTrue(uid == null || ((Number) uid).intValue() != 0, cw + " runAsUser 0");
                Map<String, Object> seccomp =
                        sc.containsKey("seccompProfile") ? map(sc, "seccompProfile") : map(podSc, "seccompProfile");
                assertEquals("RuntimeDefault", seccomp.get("type"), cw + " seccompProfile");
                boolean tmp = list(c, "volumeMounts").stream()
                        .anyMatch(m -> "/tmp".equals(m.get("mountPath"))
                                && list(pod, "volumes").stream()
                                        .anyMatch(
                                                v -> v.get("name").equals(m.get("name")) && v.containsKey("emptyDir")));
                assertTrue(tmp, cw + " /tmp on an emptyDir");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerIsProbedAndResourced(String overlay) {
        for (Map<String, Object> w : workloads(Rendered.overlay(overlay))) {
            for (Map<String, Object> c : containers(w)) {
                String cw = overlay + " " + name(w) + "/" + c.get("name");
                // Init containers run to completion before the pod starts: Kubernetes allows them no probes.
                boolean init = list(podSpec(w), "initContainers").contains(c);
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    assertEquals(init, map(c, probe).isEmpty(), cw + " " + probe);
                }
                for (String section : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        assertNotNull(
                                map(c, "resources", section).get(resource),
                                cw + " resources." + section + "." + resource);
                    }
                }
                for (String resource : List.of("cpu", "memory")) {
                    assertTrue(
                            quantity(map(c, "resources", "requests").get(resource))
                                    <= quantity(map(c, "resources", "limits").get(resource)),
                            cw + " requests." + resource + " <= limits." + resource);
                }
            }
        }
    }

    /**
     * Prod runs the native executables, dev the JVM jars: prod's memory is sized from the native figures
     * (bench/native/RESULTS.md), well below what a JVM needs, so a JVM image in prod would not fit.
     */
    @org.junit.jupiter.api.Test
    void prodIsSizedForNativeExecutables() {
        List<Map<String, Object>> dev = Rendered.overlay("dev");
        List<Map<String, Object>> prod = Rendered.overlay("prod");
        for (String service : SERVICES) {
            double jvm =
                    quantity(map(containers(find(dev, "Deployment", service)).get(0), "resources", "limits")
                            .get("memory"));
            double nativeLimit =
                    quantity(map(containers(find(prod, "Deployment", service)).get(0), "resources", "limits")
                            .get("memory"));
            assertTrue(nativeLimit < jvm, service + ": prod memory limit " + nativeLimit + " below the JVM's " + jvm);
        }
    }

    /** A Kubernetes quantity ("250m", "1", "384Mi", "1Gi") as a number of cores or bytes. */
    static double quantity(Object value) {
        String q = String.valueOf(value);
        Map<String, Double> suffixes = Map.of(
                "m", 1e-3, "Ki", 1024.0, "Mi", 1024.0 * 1024, "Gi", 1024.0 * 1024 * 1024, "k", 1e3, "M", 1e6, "G", 1e9);
        for (Map.Entry<String, Double> suffix : suffixes.entrySet()) {
            if (q.endsWith(suffix.getKey())
                    && q.length() > suffix.getKey().length()
                    && Character.isDigit(q.charAt(q.length() - suffix.getKey().length() - 1))) {
                return Double.parseDouble(
                                q.substring(0, q.length() - suffix.getKey().length()))
                        * suffix.getValue();
            }
        }
        return Double.parseDouble(q);
    }

    /** Probe paths and ports, container ports and Service ports against the services' own configuration. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void probesAndPortsMatchWhatTheServicesServe(String overlay) {
        List<Map<String, Object>> objects = Rendered.overlay(overlay);
        for (String service : SERVICES) {
            int port = config(service).port();
            Map<String, Object> d = find(objects, "Deployment", service);
            Map<String, Object> c = containers(d).stream()
                    .filter(x -> service.equals(x.get("name")))
                    .findFirst()
                    .orElseThrow();
            Map<String, Object> ports = new HashMap<>();
            list(c, "ports").forEach(p -> ports.put((String) p.get("name"), p.get("containerPort")));
            assertEquals(port, ports.get("http"), service + " containerPort http");
            Map<String, String> paths = Map.of(
                    "startupProbe",
                    "/q/health/started",
                    "readinessProbe",
                    "/q/health/ready",
                    "livenessProbe",
                    "/q/health/live");
            paths.forEach((probe, path) -> {
                Map<String, Object> get = map(c, probe, "httpGet");
                assertEquals(path, get.get("path"), service + " " + probe);
                Object probePort = get.get("port") instanceof String named ? ports.get(named) : get.get("port");
                assertEquals(port, probePort, service + " " + probe + " port");
            });
            Map<String, Object> svc = find(objects, "Service", service);
            assertTrue(selects(map(svc, "spec", "selector"), podLabels(d)), service + " Service selects its pods");
            Map<String, Object> svcPort = list(svc, "spec", "ports").get(0);
            assertEquals(port, svcPort.get("port"), service + " Service port");
            assertEquals(
                    port,
                    svcPort.get("targetPort") instanceof String named ? ports.get(named) : svcPort.get("targetPort"));
        }
        for (Map<String, Object> svc : kind(objects, "Service")) {
            long selected = workloads(objects).stream()
                    .filter(w -> selects(map(svc, "spec", "selector"), podLabels(w)))
                    .count();
            assertEquals(1, selected, "Service " + name(svc) + " selects exactly one workload");
        }
    }

    /**
     * Every variable a service needs in Kubernetes is set, and every variable set is one it reads; URLs name a
     * Service of the overlay on the port its pods serve; JDBC URLs name the database that overlay's PostgreSQL creates.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void environmentMatchesWhatTheServicesRead(String overlay) {
        List<Map<String, Object>> objects = Rendered.overlay(overlay);
        for (String service : SERVICES) {
            ServiceConfig config = config(service);
            Map<String, String> env = environment(objects, service);
            Set<String> missing = new TreeSet<>(config.required());
            missing.removeAll(env.keySet());
            assertEquals(Set.of(), missing, overlay + " " + service + ": required but not set");
            Set<String> unread = new TreeSet<>(env.keySet());
            unread.removeAll(config.known());
            assertEquals(Set.of(), unread, overlay + " " + service + ": set but never read");
            env.forEach((key, value) -> {
                if (value.startsWith("http://") && key.equals("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT")) {
                    // The OpenTelemetry Collector: a Service `name.namespace` outside the overlay, on OTLP/gRPC's port.
                    java.net.URI uri = java.net.URI.create(value);
                    String[] host = uri.getHost().split("\\.");
                    assertEquals(2, host.length, key + " names a Service of another namespace: " + value);
                    assertTrue(
                            NetworkPolicies.allowsEgressToNamespace(
                                    objects,
                                    podLabels(find(objects, "Deployment", service)),
                                    host[1],
                                    Map.of("app.kubernetes.io/name", host[0]),
                                    uri.getPort()),
                            overlay + " " + service + " may reach " + value);
                } else if (value.startsWith("http://")) {
                    java.net.URI uri = java.net.URI.create(value);
                    Map<String, Object> svc = find(objects, "Service", uri.getHost());
                    assertEquals(
                            uri.getPort(), list(svc, "spec", "ports").get(0).get("port"), key);
                    assertEquals(
                            config(uri.getHost()).port(),
                            uri.getPort(),
                            key + " port is what " + uri.getHost() + " serves");
                }
                if (value.startsWith("jdbc:postgresql://")) {
                    java.net.URI uri = java.net.URI.create(value.substring(5));
                    assertEquals("newsgraph-pg-rw", uri.getHost(), key);
                    assertEquals(5432, uri.getPort(), key);
                    assertTrue(
                            databases(objects).contains(uri.getPath().substring(1)),
                            key + ": database " + uri.getPath() + " is created by " + overlay);
                }
            });
        }
    }

    /**
     * The gateway counts rate limits in Redis in every overlay: dev in its own (components/redis: the redis Service,
     * in memory only, the password from the same Secret key on both sides), prod in a managed one over TLS whose URL
     * and password come from a Secret and whose port the gateway may reach.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theGatewaySharesRateLimitsThroughRedis(String overlay) {
        List<Map<String, Object>> objects = Rendered.overlay(overlay);
        Map<String, String> env = environment(objects, "gateway");
        assertEquals(
                "secret:newsgraph-redis/password", env.get("NEWSGRAPH_GATEWAY_RATE_LIMITS_REDIS_PASSWORD"), overlay);
        String url = env.get("NEWSGRAPH_GATEWAY_RATE_LIMITS_REDIS_URL");
        if (overlay.equals("dev")) {
            java.net.URI uri = java.net.URI.create(url);
            assertEquals("redis", uri.getScheme());
            Map<String, Object> svc = find(objects, "Service", uri.getHost());
            assertEquals(uri.getPort(), list(svc, "spec", "ports").get(0).get("port"));
            Map<String, Object> redis = find(objects, "Deployment", "redis");
            assertTrue(selects(map(svc, "spec", "selector"), podLabels(redis)));
            assertEquals("Recreate", map(redis, "spec", "strategy").get("type"), "never two counter stores at once");
            Map<String, Object> c = containers(redis).get(0);
            assertEquals(uri.getPort(), list(c, "ports").get(0).get("containerPort"));
            Map<String, String> redisEnv = new HashMap<>();
            list(c, "env")
                    .forEach(e -> redisEnv.put(
                            (String) e.get("name"),
                            map(e, "valueFrom", "secretKeyRef").get("name") + "/"
                                    + map(e, "valueFrom", "secretKeyRef").get("key")));
            assertEquals(
                    "newsgraph-redis/password", redisEnv.get("REDIS_PASSWORD"), "Redis' password is the gateway's");
            String command = String.join(
                    " ",
                    Stream.concat(((List<?>) c.get("command")).stream(), ((List<?>) c.get("args")).stream())
                            .map(String::valueOf)
                            .toList());
            assertTrue(
                    command.contains("--save ''") && command.contains("--appendonly no"), "in memory only: " + command);
            assertFalse(command.contains("--requirepass"), "no password on the command line: " + command);
            assertTrue(list(podSpec(redis), "volumes").stream().noneMatch(v -> v.containsKey("persistentVolumeClaim")));
        } else {
            assertEquals("secret:newsgraph-redis/url", url);
            String secretUrl = new String(
                    java.util.Base64.getDecoder()
                            .decode(String.valueOf(map(find(objects, "Secret", "newsgraph-redis"), "data")
                                    .get("url"))),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(Rendered.PROD_REDIS_URL, secretUrl);
            assertTrue(
                    kind(objects, "Deployment").stream().noneMatch(d -> name(d).equals("redis")),
                    "prod has no Redis of its own");
            // The managed Redis is outside the cluster: some egress rule of the gateway allows its port to any address.
            int port = java.net.URI.create(secretUrl).getPort();
            boolean egress = kind(objects, "NetworkPolicy").stream()
                    .filter(np -> selects(
                            map(np, "spec", "podSelector", "matchLabels"),
                            podLabels(find(objects, "Deployment", "gateway"))))
                    .flatMap(np -> list(np, "spec", "egress").stream())
                    .anyMatch(rule -> !rule.containsKey("to")
                            && list(rule, "ports").stream()
                                    .anyMatch(p -> Integer.valueOf(port).equals(p.get("port"))
                                            && "TCP".equals(p.get("protocol"))));
            assertTrue(egress, "gateway egress to the managed Redis' port " + port);
        }
    }

    /** Variable name to value ("secret:<name>/<key>" for Secret references) of a service's container. */
    static Map<String, String> environment(List<Map<String, Object>> objects, String service) {
        Map<String, Object> c = containers(find(objects, "Deployment", service)).get(0);
        Map<String, String> env = new LinkedHashMap<>();
        for (Map<String, Object> from : list(c, "envFrom")) {
            String cm = (String) map(from, "configMapRef").get("name");
            map(find(objects, "ConfigMap", cm), "data").forEach((k, v) -> env.put(k, String.valueOf(v)));
        }
        for (Map<String, Object> e : list(c, "env")) {
            Map<String, Object> ref = map(e, "valueFrom", "secretKeyRef");
            if (!ref.isEmpty()) {
                Map<String, Object> secret = find(objects, "Secret", (String) ref.get("name"));
                assertTrue(map(secret, "data").containsKey(ref.get("key")), "Secret " + ref + " has the key");
                env.put((String) e.get("name"), "secret:" + ref.get("name") + "/" + ref.get("key"));
            } else {
                env.put((String) e.get("name"), String.valueOf(e.get("value")));
            }
        }
        return env;
    }

    private static Set<String> databases(List<Map<String, Object>> objects) {
        Set<String> dbs = new LinkedHashSet<>();
        kind(objects, "ConfigMap").stream()
                .filter(cm -> name(cm).equals("postgres-databases"))
                .forEach(cm -> map(cm, "data").forEach((k, v) -> {
                    if (k.endsWith("_DB")) {
                        dbs.add(String.valueOf(v));
                    }
                }));
        kind(objects, "Cluster")
                .forEach(c ->
                        dbs.add((String) map(c, "spec", "bootstrap", "initdb").get("database")));
        kind(objects, "Database").forEach(d -> dbs.add((String) map(d, "spec").get("name")));
        return dbs;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyWorkloadHasItsOwnNetworkPolicyAndEveryDeploymentAPdb(String overlay) {
        List<Map<String, Object>> objects = Rendered.overlay(overlay);
        for (Map<String, Object> w : workloads(objects)) {
            boolean own = kind(objects, "NetworkPolicy").stream()
                    .anyMatch(
                            np -> !map(np, "spec", "podSelector", "matchLabels").isEmpty()
                                    && selects(map(np, "spec", "podSelector", "matchLabels"), podLabels(w)));
            assertTrue(own, overlay + " " + name(w) + " is selected by a NetworkPolicy of its own");
        }
        for (Map<String, Object> d : kind(objects, "Deployment")) {
            long pdbs = kind(objects, "PodDisruptionBudget").stream()
                    .filter(p -> selects(map(p, "spec", "selector", "matchLabels"), podLabels(d)))
                    .count();
            assertEquals(1, pdbs, overlay + " " + name(d) + " PDB");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shutdownIsGraceful(String overlay) {
        List<Map<String, Object>> objects = Rendered.overlay(overlay);
        for (String service : SERVICES) {
            Map<String, Object> d = find(objects, "Deployment", service);
            Map<String, Object> c = containers(d).get(0);
            int preStop = ((Number) map(c, "lifecycle", "preStop", "sleep").get("seconds")).intValue();
            long shutdown = Duration.parse("PT"
                            + environment(objects, service)
                                    .get("QUARKUS_SHUTDOWN_TIMEOUT")
                                    .toUpperCase())
                    .toSeconds();
            int grace = ((Number) podSpec(d).get("terminationGracePeriodSeconds")).intValue();
            assertTrue(preStop >= 3 && shutdown >= 5, service + " drains");
            assertTrue(
                    grace > preStop + shutdown,
                    service + ": terminationGracePeriodSeconds " + grace + " > preStop " + preStop + " + shutdown "
                            + shutdown);
            assertEquals(
                    0,
                    map(d, "spec", "strategy", "rollingUpdate").get("maxUnavailable"),
                    service + " rolling update keeps capacity");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void imagesArePinnedJvmInDevNativeInProd(String overlay) {
        for (Map<String, Object> w : workloads(Rendered.overlay(overlay))) {
            for (Map<String, Object> c : containers(w)) {
                String image = (String) c.get("image");
                assertTrue(image.matches(".+:[\\w.-]+") && !image.endsWith(":latest"), image + " is pinned");
                if (SERVICES.contains(c.get("name"))) {
                    assertEquals(overlay.equals("prod"), image.endsWith("-native"), overlay + " " + image);
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void prodScalesAndSpreads() {
        List<Map<String, Object>> objects = Rendered.overlay("prod");
        for (String service : SERVICES) {
            Map<String, Object> d = find(objects, "Deployment", service);
            assertTrue(((Number) map(d, "spec").get("replicas")).intValue() >= 2, service + " replicas");
            List<Map<String, Object>> hpas = kind(objects, "HorizontalPodAutoscaler").stream()
                    .filter(h -> service.equals(map(h, "spec", "scaleTargetRef").get("name"))
                            && "Deployment"
                                    .equals(map(h, "spec", "scaleTargetRef").get("kind")))
                    .toList();
            assertEquals(1, hpas.size(), service + " HPA");
            assertTrue(
                    ((Number) map(hpas.get(0), "spec").get("minReplicas")).intValue() >= 2,
                    service + " HPA minReplicas");
            List<Map<String, Object>> spread = list(podSpec(d), "topologySpreadConstraints");
            assertFalse(spread.isEmpty(), service + " topologySpreadConstraints");
            spread.forEach(t -> assertTrue(
                    selects(map(t, "labelSelector", "matchLabels"), podLabels(d)),
                    service + " spread selects its pods"));
        }
        Map<String, Object> ingress = find(objects, "Ingress", "gateway");
        assertNotNull(map(ingress, "metadata", "annotations").get("cert-manager.io/cluster-issuer"));
        Map<String, Object> backend = map(
                list(map(list(ingress, "spec", "rules").get(0), "http"), "paths")
                        .get(0),
                "backend",
                "service");
        assertEquals("gateway", backend.get("name"));
        assertTrue(list(find(objects, "Service", "gateway"), "spec", "ports").stream()
                .anyMatch(p -> p.get("name").equals(map(backend, "port").get("name"))));
        assertFalse(list(ingress, "spec", "tls").isEmpty());
    }

    /** No Secret in git: every Secret is generated from git-ignored files at deploy time. */
    @org.junit.jupiter.api.Test
    void noSecretIsCommitted() throws IOException {
        Path k8s = Rendered.root().resolve("k8s");
        try (Stream<Path> files = Files.walk(k8s)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                if (f.toString().contains("/secrets/")) {
                    continue;
                }
                for (Map<String, Object> o : Kustomize.readObjects(f)) {
                    if ("Secret".equals(o.get("kind"))) {
                        fail(f + " holds a Secret");
                    }
                }
            }
        }
        assertTrue(Files.readString(k8s.resolve(".gitignore")).contains("overlays/*/secrets/"));
    }

    /**
     * Evaluates the NetworkPolicies between the pods of the overlay (CloudNativePG's instance pods modelled from the
     * Cluster: its `cnpg.io/cluster` label plus inheritedMetadata) and compares the allowed connections with the
     * architecture: nothing else may be reachable.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void networkPoliciesAllowExactlyTheArchitecture(String overlay) {
        List<Map<String, Object>> objects = Rendered.overlay(overlay);
        Map<String, Map<String, Object>> pods = new LinkedHashMap<>();
        Map<String, Set<Integer>> listens = new LinkedHashMap<>();
        for (Map<String, Object> w : workloads(objects)) {
            pods.put(name(w), podLabels(w));
            Set<Integer> ports = new TreeSet<>();
            containers(w)
                    .forEach(c ->
                            list(c, "ports").forEach(p -> ports.add(((Number) p.get("containerPort")).intValue())));
            listens.put(name(w), ports);
        }
        for (Map<String, Object> cluster : kind(objects, "Cluster")) {
            Map<String, Object> labels = new LinkedHashMap<>(map(cluster, "spec", "inheritedMetadata", "labels"));
            labels.put("cnpg.io/cluster", name(cluster));
            pods.put("postgres", labels);
            listens.put("postgres", Set.of(5432, 8000));
        }
        Set<String> allowed = new TreeSet<>();
        for (String from : pods.keySet()) {
            for (String to : pods.keySet()) {
                for (int port : listens.get(to)) {
                    if (NetworkPolicies.allows(objects, pods.get(from), pods.get(to), port)) {
                        allowed.add(from + " -> " + to + ":" + port);
                    }
                }
            }
        }
        Set<String> expected = new TreeSet<>(List.of(
                "gateway -> article-service:8081",
                "gateway -> entity-service:8082",
                "gateway -> alert-service:8083",
                "entity-service -> article-service:8081",
                "alert-service -> article-service:8081",
                "article-service -> postgres:5432",
                "entity-service -> postgres:5432",
                "alert-service -> postgres:5432"));
        if (overlay.equals("prod")) {
            expected.add("postgres -> postgres:5432"); // streaming replication between the instances
        } else {
            expected.add("gateway -> redis:6379"); // the rate-limit store (components/redis)
            expected.addAll(List.of(
                    "article-service -> opensearch:9200",
                    "entity-service -> opensearch:9200",
                    "alert-service -> opensearch:9200"));
        }
        assertEquals(expected, allowed, overlay);
        // From outside the namespace: only the ingress controller, only to the gateway.
        Map<String, Object> ingressController = Map.of("app.kubernetes.io/name", "ingress-nginx");
        List<String> fromIngress = new ArrayList<>();
        for (String to : pods.keySet()) {
            for (int port : listens.get(to)) {
                if (NetworkPolicies.allowsIngressFromNamespace(
                        objects, "ingress-nginx", ingressController, pods.get(to), port)) {
                    fromIngress.add(to + ":" + port);
                }
            }
        }
        assertEquals(List.of("gateway:8080"), fromIngress);
        // To the internet: only alert-service (webhooks), only https.
        List<String> toInternet = new ArrayList<>();
        for (Map<String, Object> np : kind(objects, "NetworkPolicy")) {
            for (Map<String, Object> rule : list(np, "spec", "egress")) {
                if (list(rule, "to").stream().anyMatch(peer -> peer.containsKey("ipBlock"))) {
                    toInternet.add(map(np, "spec", "podSelector", "matchLabels").get("app.kubernetes.io/name") + ":"
                            + list(rule, "ports").stream()
                                    .map(p -> String.valueOf(p.get("port")))
                                    .toList());
                }
            }
        }
        assertEquals(List.of("alert-service:[443]"), toInternet, overlay);
        // To outside the namespace: only the OpenTelemetry Collector, only in prod (where tracing exports), from every
        // service.
        Map<String, Object> collector = Map.of("app.kubernetes.io/name", "otel-collector");
        List<String> toCollector = new ArrayList<>();
        for (String from : pods.keySet()) {
            if (NetworkPolicies.allowsEgressToNamespace(objects, pods.get(from), "observability", collector, 4317)) {
                toCollector.add(from);
            }
        }
        assertEquals(
                overlay.equals("prod") ? SERVICES.stream().sorted().toList() : List.of(),
                toCollector.stream().sorted().toList(),
                overlay);
    }

    /**
     * dev runs one OpenSearch node of the launcher's version with security on; prod runs none and names an external
     * cluster over HTTPS. Both give the services the same ConfigMap and Secrets (docs/search.md).
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void searchIsTheLaunchersVersionInDevAndExternalWithVerifiedTlsInProd(String overlay) throws IOException {
        List<Map<String, Object>> objects = Rendered.overlay(overlay);
        String url = String.valueOf(
                map(find(objects, "ConfigMap", "newsgraph-search"), "data").get("NEWSGRAPH_SEARCH_URL"));
        assertTrue(url.startsWith("https://"), overlay + " search over TLS: " + url);
        assertEquals(
                "kubernetes.io/basic-auth",
                find(objects, "Secret", "newsgraph-search-credentials").get("type"));
        assertEquals(
                Set.of("username", "password"),
                map(find(objects, "Secret", "newsgraph-search-credentials"), "data")
                        .keySet());
        assertEquals(
                Set.of("ca.crt"),
                map(find(objects, "Secret", "newsgraph-search-ca"), "data").keySet());
        List<Map<String, Object>> nodes = kind(objects, "StatefulSet").stream()
                .filter(s -> name(s).equals("opensearch"))
                .toList();
        if (overlay.equals("prod")) {
            assertEquals(List.of(), nodes, "prod runs no search node of its own");
            return;
        }
        java.net.URI uri = java.net.URI.create(url);
        Map<String, Object> svc = find(objects, "Service", uri.getHost());
        assertEquals(uri.getPort(), list(svc, "spec", "ports").get(0).get("port"), "the URL names the Service's port");
        Map<String, Object> node = nodes.get(0);
        Map<String, Object> c = containers(node).stream()
                .filter(x -> "opensearch".equals(x.get("name")))
                .findFirst()
                .orElseThrow();
        String pom = Files.readString(Rendered.root().resolve("search-node/pom.xml"));
        String version = pom.replaceAll("(?s).*<opensearch.version>([^<]+)</opensearch.version>.*", "$1");
        for (Map<String, Object> any : containers(node)) {
            assertEquals(
                    "opensearchproject/opensearch:" + version,
                    any.get("image"),
                    "the image is the local launcher's version");
        }
        Map<String, String> env = new HashMap<>();
        list(c, "env").forEach(e -> env.put((String) e.get("name"), String.valueOf(e.get("value"))));
        assertEquals("true", env.get("DISABLE_INSTALL_DEMO_CONFIG"), "no demo certificates or users");
        String config = String.valueOf(
                map(find(objects, "ConfigMap", "opensearch-config"), "data").get("opensearch.yml"));
        for (String setting : List.of(
                "node.store.allow_mmap: false",
                "plugins.security.ssl.http.enabled: true",
                "discovery.type: single-node")) {
            assertTrue(config.contains(setting), "opensearch.yml sets " + setting);
        }
        assertFalse(config.contains("plugins.security.disabled"), "security stays on");
        assertEquals(
                1000,
                ((Number) map(podSpec(node), "securityContext").get("runAsUser")).intValue(),
                "the image's opensearch user");
        assertTrue(
                list(c, "volumeMounts").stream()
                        .anyMatch(m -> "/usr/share/opensearch/data".equals(m.get("mountPath"))
                                && list(node, "spec", "volumeClaimTemplates").stream()
                                        .anyMatch(t -> m.get("name")
                                                .equals(map(t, "metadata").get("name")))),
                "data on a PersistentVolumeClaim");
        Set<String> tlsKeys =
                map(find(objects, "Secret", "newsgraph-opensearch-tls"), "data").keySet();
        assertEquals(Set.of("ca.crt", "tls.crt", "tls.key", "admin.crt", "admin.key"), tlsKeys);
    }
}
