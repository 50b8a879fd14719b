package io.newsgraph.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboards of k8s/components/monitoring (dashboards/*.json), offline: the structure Grafana imports
 * (uid, title, a Prometheus datasource variable that every panel and query uses, panels with queries), the ConfigMap
 * the component generates for Grafana's sidecar, and the metric names every panel and alert reads - which
 * DevOverlayWiringTests compares with a real scrape of the three services. PromQL syntax: scripts/check-monitoring.
 */
class DashboardTests {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path component() {
        return Rendered.root().resolve("k8s/components/monitoring");
    }

    static List<Path> dashboards() {
        try (Stream<Path> files = Files.list(component().resolve("dashboards"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + file, e);
        }
    }

    /** Every PromQL expression of the dashboards' queries and the PrometheusRule's rules, by where it is. */
    static Map<String, String> expressions() {
        Map<String, String> exprs = new java.util.LinkedHashMap<>();
        for (Path file : dashboards()) {
            for (JsonNode panel : read(file).path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    exprs.put(
                            file.getFileName() + " panel '"
                                    + panel.path("title").asText() + "' "
                                    + target.path("refId").asText(),
                            target.path("expr").asText());
                }
            }
        }
        for (Map<String, Object> rule : Kustomize.readObjects(component().resolve("prometheusrule.yaml"))) {
            for (Map<String, Object> group : Rendered.list(rule, "spec", "groups")) {
                for (Map<String, Object> r : Rendered.list(group, "rules")) {
                    exprs.put(
                            "PrometheusRule " + r.getOrDefault("alert", r.get("record")),
                            String.valueOf(r.get("expr")));
                }
            }
        }
        return exprs;
    }

    /** The metric names the dashboards and alerts read. */
    static Set<String> usedMetricNames() {
        Set<String> names = new TreeSet<>();
        expressions().values().forEach(e -> names.addAll(PromQl.metricNames(e)));
        return names;
    }

    @Test
    void everyDashboardHasTheStructureGrafanaImports() {
        List<Path> files = dashboards();
        assertFalse(files.isEmpty(), "no dashboard in " + component().resolve("dashboards"));
        Set<String> uids = new HashSet<>();
        for (Path file : files) {
            JsonNode d = read(file);
            String where = file.getFileName().toString();
            assertTrue(d.path("uid").asText().matches("[a-zA-Z0-9_-]{1,40}"), where + " uid");
            assertTrue(uids.add(d.path("uid").asText()), where + " uid is unique");
            assertFalse(d.path("title").asText().isBlank(), where + " title");
            assertTrue(d.path("schemaVersion").asInt() >= 36, where + " schemaVersion");
            // No datasource uid of one Grafana: a variable the user picks (or provisioning fills).
            List<JsonNode> variables = new ArrayList<>();
            d.path("templating").path("list").forEach(variables::add);
            JsonNode datasource = variables.stream()
                    .filter(v -> "datasource".equals(v.path("type").asText()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(where + ": no datasource variable"));
            assertEquals("prometheus", datasource.path("query").asText(), where + " datasource variable type");
            String reference = "${" + datasource.path("name").asText() + "}";
            Set<Integer> ids = new HashSet<>();
            int queries = 0;
            for (JsonNode panel : d.path("panels")) {
                String p = where + " panel '" + panel.path("title").asText() + "'";
                assertTrue(ids.add(panel.path("id").asInt()), p + " id is unique");
                for (String field : List.of("h", "w", "x", "y")) {
                    assertTrue(panel.path("gridPos").path(field).isInt(), p + " gridPos." + field);
                }
                assertTrue(
                        panel.path("gridPos").path("x").asInt()
                                        + panel.path("gridPos").path("w").asInt()
                                <= 24,
                        p + " fits the 24 columns");
                if ("row".equals(panel.path("type").asText())) {
                    continue;
                }
                assertFalse(panel.path("title").asText().isBlank(), p + " title");
                assertFalse(panel.path("description").asText().isBlank(), p + " says what it shows");
                assertEquals(reference, panel.path("datasource").path("uid").asText(), p + " datasource");
                assertTrue(panel.path("targets").size() > 0, p + " has queries");
                Set<String> refIds = new HashSet<>();
                for (JsonNode target : panel.path("targets")) {
                    assertTrue(refIds.add(target.path("refId").asText()), p + " refId unique");
                    assertEquals(
                            reference, target.path("datasource").path("uid").asText(), p + " query datasource");
                    assertFalse(
                            PromQl.metricNames(target.path("expr").asText()).isEmpty(),
                            p + " query reads a metric: " + target.path("expr"));
                    queries++;
                }
            }
            assertTrue(queries >= 8, where + " queries: " + queries);
        }
    }

    /** Every metric a panel or an alert reads is one of newsgraph's and explained in docs/operations.md. */
    @Test
    void everyMetricReadIsDocumented() throws IOException {
        String operations = Files.readString(Rendered.root().resolve("docs/operations.md"));
        for (String name : usedMetricNames()) {
            assertTrue(name.startsWith("newsgraph_"), name);
            String family = name.replaceAll("_(bucket|count|sum)$", "");
            assertTrue(operations.contains(family), family + " is not in docs/operations.md");
        }
    }

    @Test
    void metricNamesAreReadFromPromQl() {
        assertEquals(
                Set.of("a_total", "b_seconds_bucket", "c"),
                PromQl.metricNames(
                        "sum by (route, status) (rate(a_total{status=~\"5..\",x='y'}[$__rate_interval])) / ignoring(route) group_left "
                                + "histogram_quantile(0.95, sum by (le) (rate(b_seconds_bucket[5m]))) and on(upstream) max(c) > bool 0.5"));
        assertEquals(
                Set.of("up", "x_total"),
                PromQl.exposed(List.of("# TYPE x_total counter", "x_total{a=\"b\"} 1.0", "up 1", "")));
    }

    /** The component generates the ConfigMap Grafana's sidecar loads: label grafana_dashboard=1, the JSON unchanged. */
    @Test
    void theComponentShipsEachDashboardAsASidecarConfigMap() throws IOException, InterruptedException {
        Optional<List<String>> kustomize = Rendered.realKustomize();
        Assumptions.assumeTrue(
                kustomize.isPresent(), "no kustomize v5 on this machine: the generated ConfigMap is not checked here");
        // kustomize takes components by relative path only: a kustomization beside them in the copy of k8s/.
        Path dir = Rendered.k8sCopy().resolve("monitoring-only");
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve("kustomization.yaml"),
                "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\ncomponents:\n  - ../components/monitoring\n");
        List<String> command = new ArrayList<>(kustomize.get());
        command.add(dir.toString());
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String yaml = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "kustomize failed");
        List<Map<String, Object>> configMaps =
                Rendered.kind(Kustomize.readObjectsFromString(yaml), "ConfigMap").stream()
                        .filter(cm -> "1"
                                .equals(Rendered.map(cm, "metadata", "labels").get("grafana_dashboard")))
                        .toList();
        assertEquals(1, configMaps.size());
        Map<String, Object> data = Rendered.map(configMaps.get(0), "data");
        for (Path file : dashboards()) {
            assertEquals(
                    read(file),
                    JSON.readTree(String.valueOf(data.get(file.getFileName().toString()))),
                    file + " in the ConfigMap");
        }
        assertEquals(dashboards().size(), data.size());
    }
}
