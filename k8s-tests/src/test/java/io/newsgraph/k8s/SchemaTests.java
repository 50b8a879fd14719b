package io.newsgraph.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every built-in object of the rendered overlays against the Kubernetes API types of fabric8's kubernetes-model
 * (generated from the Kubernetes OpenAPI): read into the typed model, then walked field by field - fabric8 keeps
 * fields it does not know in `additionalProperties`, so a non-empty one anywhere is an unknown (misspelt or
 * misplaced) field. Custom resources are checked by {@link CrdSchemaTests}.
 */
class SchemaTests {
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class));

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectIsAValidKubernetesObjectWithoutUnknownFields(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> o : Rendered.overlay(overlay)) {
            String type = o.get("apiVersion") + "/" + o.get("kind");
            if (String.valueOf(o.get("apiVersion")).startsWith("postgresql.cnpg.io/")) {
                continue;
            }
            Class<?> model = TYPES.get(type);
            if (model == null) {
                problems.add(type + " has no schema here");
                continue;
            }
            problems.addAll(unknownFields(o, model).stream()
                    .map(p -> type + " " + Rendered.name(o) + ": " + p)
                    .toList());
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theCheckFindsMisspeltAndMisplacedFields() {
        Map<String, Object> d = Kustomize.readObjectsFromString("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: c
                          image: i:1
                          imagePullPolcy: Always
                          securityContext: {readOnlyRootFileSystem: true}
                      replicas: 2
                """).get(0);
        assertEquals(
                List.of(
                        "spec.template.spec.containers[0].imagePullPolcy",
                        "spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem",
                        "spec.template.spec.replicas"),
                unknownFields(d, Deployment.class).stream().sorted().toList());
        Map<String, Object> bad = Kustomize.readObjectsFromString(
                        "apiVersion: v1\nkind: Service\nspec: {ports: [{port: eighty}]}\n")
                .get(0);
        assertThrows(IllegalArgumentException.class, () -> JSON.convertValue(bad, Service.class));
    }

    static List<String> unknownFields(Map<String, Object> object, Class<?> model) {
        Object typed = JSON.convertValue(object, model);
        List<String> unknown = new ArrayList<>();
        walk(typed, "", unknown, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return unknown;
    }

    private static void walk(Object node, String path, List<String> unknown, Set<Object> seen) {
        if (node == null || !seen.add(node)) {
            return;
        }
        if (node instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                walk(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "." + k, unknown, seen));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Class<?> c = node.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Object value;
                try {
                    value = f.get(node);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                String child = path.isEmpty() ? f.getName() : path + "." + f.getName();
                if (f.getName().equals("additionalProperties") && value instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(k -> unknown.add((path.isEmpty() ? "" : path + ".") + k));
                } else {
                    walk(value, child, unknown, seen);
                }
            }
        }
    }
}
