package io.newsgraph.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * CloudNativePG's custom resources (prod overlay). No registry reachable here publishes CloudNativePG's CRD schema
 * as a package (npm has no kubernetes-models for it; its CRDs ship only in the operator's release manifests), so
 * this is a hand-written, strict subset of the `postgresql.cnpg.io/v1` schemas (Cluster, Database; CloudNativePG
 * 1.25+, API reference "postgresql.cnpg.io/v1"): exactly the fields newsgraph uses, with their types and enums.
 * A field outside it fails, so a new field must be looked up and added here deliberately.
 */
class CrdSchemaTests {
    private static final Object STRING = "string";
    private static final Object INT = "integer";
    private static final Object BOOL = "boolean";
    private static final Object STRING_MAP = "map<string,string>";
    private static final Object QUANTITY = "quantity";
    private static final Map<String, Object> METADATA =
            Map.of("name", STRING, "namespace", STRING, "labels", STRING_MAP, "annotations", STRING_MAP);
    private static final Map<String, Object> LOCAL_REF = Map.of("name", STRING);
    private static final Map<String, Object> RESOURCES = Map.of(
            "requests",
            Map.of("cpu", QUANTITY, "memory", QUANTITY),
            "limits",
            Map.of("cpu", QUANTITY, "memory", QUANTITY));

    static final Map<String, Object> CLUSTER = Map.of(
            "apiVersion",
            STRING,
            "kind",
            STRING,
            "metadata",
            METADATA,
            "spec",
            Map.ofEntries(
                    Map.entry("instances", INT),
                    Map.entry("imageName", STRING),
                    Map.entry("primaryUpdateStrategy", Set.of("unsupervised", "supervised")),
                    Map.entry("enableSuperuserAccess", BOOL),
                    Map.entry("inheritedMetadata", Map.of("labels", STRING_MAP, "annotations", STRING_MAP)),
                    Map.entry(
                            "bootstrap",
                            Map.of("initdb", Map.of("database", STRING, "owner", STRING, "secret", LOCAL_REF))),
                    Map.entry(
                            "managed",
                            Map.of(
                                    "roles",
                                    List.of(Map.of(
                                            "name",
                                            STRING,
                                            "ensure",
                                            Set.of("present", "absent"),
                                            "login",
                                            BOOL,
                                            "passwordSecret",
                                            LOCAL_REF,
                                            "connectionLimit",
                                            INT,
                                            "inherit",
                                            BOOL)))),
                    Map.entry("postgresql", Map.of("parameters", STRING_MAP)),
                    Map.entry("storage", Map.of("size", QUANTITY, "storageClass", STRING)),
                    Map.entry("resources", RESOURCES),
                    Map.entry(
                            "affinity",
                            Map.of(
                                    "enablePodAntiAffinity",
                                    BOOL,
                                    "topologyKey",
                                    STRING,
                                    "podAntiAffinityType",
                                    Set.of("preferred", "required")))));

    static final Map<String, Object> DATABASE = Map.of(
            "apiVersion",
            STRING,
            "kind",
            STRING,
            "metadata",
            METADATA,
            "spec",
            Map.of(
                    "name",
                    STRING,
                    "owner",
                    STRING,
                    "cluster",
                    LOCAL_REF,
                    "ensure",
                    Set.of("present", "absent"),
                    "databaseReclaimPolicy",
                    Set.of("delete", "retain")));

    @Test
    void cloudNativePgResourcesUseOnlyKnownFieldsWithTheirTypes() {
        List<Map<String, Object>> objects = Rendered.overlay("prod");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Map<String, Object> o : objects) {
            if (!String.valueOf(o.get("apiVersion")).startsWith("postgresql.cnpg.io/")) {
                continue;
            }
            assertEquals("postgresql.cnpg.io/v1", o.get("apiVersion"));
            Map<String, Object> schema = switch ((String) o.get("kind")) {
                case "Cluster" -> CLUSTER;
                case "Database" -> DATABASE;
                default -> throw new AssertionError("no schema for " + o.get("kind"));
            };
            check(o, schema, o.get("kind") + "/" + Rendered.name(o), problems);
            checked++;
        }
        assertEquals(List.of(), problems);
        assertEquals(3, checked); // the Cluster and the Databases entities and alerts
        // Required by the CRDs: Database.spec.{name,owner,cluster.name}; the Cluster's owner Secret and role Secret
        // exist.
        Map<String, Object> db = Rendered.find(objects, "Database", "newsgraph-entities");
        assertFalse(Rendered.map(db, "spec", "cluster").isEmpty());
        Map<String, Object> cluster = Rendered.find(objects, "Cluster", "newsgraph-pg");
        assertEquals(
                Rendered.map(cluster, "metadata").get("name"),
                Rendered.map(db, "spec", "cluster").get("name"));
        String ownerSecret = (String)
                Rendered.map(cluster, "spec", "bootstrap", "initdb", "secret").get("name");
        assertEquals(
                "kubernetes.io/basic-auth",
                Rendered.find(objects, "Secret", ownerSecret).get("type"));
        for (Map<String, Object> role : Rendered.list(Rendered.map(cluster, "spec", "managed"), "roles")) {
            String secret = (String) Rendered.map(role, "passwordSecret").get("name");
            assertEquals(
                    "kubernetes.io/basic-auth",
                    Rendered.find(objects, "Secret", secret).get("type"));
        }
    }

    @Test
    void theSubsetRejectsUnknownFieldsAndWrongTypes() {
        List<String> problems = new ArrayList<>();
        check(
                Map.of(
                        "spec",
                        Map.of(
                                "instances",
                                "three",
                                "storage",
                                Map.of("sise", "1Gi"),
                                "primaryUpdateStrategy",
                                "auto")),
                CLUSTER,
                "c",
                problems);
        assertEquals(
                List.of(
                        "c.spec.instances: not integer",
                        "c.spec.primaryUpdateStrategy: auto not in [supervised, unsupervised]",
                        "c.spec.storage.sise: unknown field"),
                problems.stream().sorted().toList().stream()
                        .map(p -> p.replaceAll("\\[(.*), (.*)\\]", sorted(p)))
                        .toList());
    }

    private static String sorted(String p) {
        return p.contains("not in") ? "[supervised, unsupervised]" : "$0";
    }

    @SuppressWarnings("unchecked")
    static void check(Object value, Object schema, String path, List<String> problems) {
        if (schema instanceof Map<?, ?> fields) {
            if (!(value instanceof Map<?, ?> map)) {
                problems.add(path + ": not an object");
                return;
            }
            map.forEach((k, v) -> {
                if (!fields.containsKey(k)) {
                    problems.add(path + "." + k + ": unknown field");
                } else {
                    check(v, fields.get(k), path + "." + k, problems);
                }
            });
        } else if (schema instanceof List<?> items) {
            if (!(value instanceof List<?> list)) {
                problems.add(path + ": not an array");
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), items.get(0), path + "[" + i + "]", problems);
            }
        } else if (schema instanceof Set<?> allowed) {
            if (!allowed.contains(value)) {
                problems.add(path + ": " + value + " not in " + new java.util.TreeSet<>((Set<String>) allowed));
            }
        } else if (schema == STRING) {
            if (!(value instanceof String)) {
                problems.add(path + ": not string");
            }
        } else if (schema == INT) {
            if (!(value instanceof Integer || value instanceof Long)) {
                problems.add(path + ": not integer");
            }
        } else if (schema == BOOL) {
            if (!(value instanceof Boolean)) {
                problems.add(path + ": not boolean");
            }
        } else if (schema == QUANTITY) {
            if (!String.valueOf(value).matches("[0-9.]+(m|Ki|Mi|Gi|Ti|k|M|G|T)?")) {
                problems.add(path + ": not a quantity");
            }
        } else if (schema == STRING_MAP) {
            if (!(value instanceof Map<?, ?> m) || !m.values().stream().allMatch(v -> v instanceof String)) {
                problems.add(path + ": not a map of strings");
            }
        }
    }
}
