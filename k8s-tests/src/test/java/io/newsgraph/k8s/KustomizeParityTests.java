package io.newsgraph.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Java renderer against real kustomize, and its refusal of everything outside the subset it implements. */
class KustomizeParityTests {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyOverlayRenders(String overlay) {
        List<Map<String, Object>> objects = Rendered.overlay(overlay);
        assertFalse(objects.isEmpty());
        assertTrue(Files.isRegularFile(Path.of("target/rendered/" + overlay + ".yaml")));
        for (Map<String, Object> o : objects) {
            if (!"Namespace".equals(o.get("kind"))) {
                assertEquals(
                        "newsgraph",
                        Rendered.map(o, "metadata").get("namespace"),
                        o.get("kind") + "/" + Rendered.name(o));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void javaRendererEqualsRealKustomize(String overlay) throws IOException {
        Optional<List<String>> kustomize = Rendered.realKustomize();
        Assumptions.assumeTrue(kustomize.isPresent(), "no kustomize v5 on this machine: parity not checked here");
        List<String> command = new ArrayList<>(kustomize.get());
        command.add(Rendered.k8sCopy().resolve("overlays").resolve(overlay).toString());
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String yaml = new String(p.getInputStream().readAllBytes());
        List<Map<String, Object>> real = Kustomize.readObjectsFromString(yaml);
        assertEquals(byKey(real), byKey(Rendered.overlay(overlay)));
    }

    private static Map<String, Object> byKey(List<Map<String, Object>> objects) {
        Map<String, Object> out = new TreeMap<>();
        for (Map<String, Object> o : objects) {
            if ("Secret".equals(o.get("kind"))) {
                // kustomize folds long base64 values over lines; the API server ignores those line breaks.
                Map<String, Object> data = Rendered.map(o, "data");
                data.replaceAll((k, v) -> String.valueOf(v).replaceAll("\\s+", ""));
            }
            out.put(
                    o.get("apiVersion") + " " + o.get("kind") + " "
                            + Rendered.map(o, "metadata").get("namespace") + "/" + Rendered.name(o),
                    o);
        }
        return out;
    }

    @Test
    void unsupportedKustomizeFeaturesAreRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), "commonLabels:\n  a: b\n");
        assertThrows(UnsupportedOperationException.class, () -> Kustomize.build(dir));
        Files.writeString(dir.resolve("kustomization.yaml"), "secretGenerator:\n  - name: s\n    literals: [a=b]\n");
        assertThrows(UnsupportedOperationException.class, () -> Kustomize.build(dir));
        Files.writeString(dir.resolve("kustomization.yaml"), "patches:\n  - path: p.yaml\n");
        assertThrows(UnsupportedOperationException.class, () -> Kustomize.build(dir));
    }

    @Test
    void jsonPatchesImagesAndNamespaceApply(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("d.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers:
                        - {name: c, image: example/app:1}
                        - {name: s, image: other/app}
                """);
        Files.writeString(dir.resolve("kustomization.yaml"), """
                namespace: ns
                resources: [d.yaml]
                images:
                  - {name: example/app, newName: reg.example/app, newTag: "2-native"}
                patches:
                  - target: {group: apps, version: v1, kind: Deployment, name: d}
                    patch: |-
                      - {op: replace, path: /spec/replicas, value: 3}
                      - {op: add, path: /spec/template/spec/containers/-, value: {name: x, image: example/app}}
                      - {op: remove, path: /spec/template/spec/containers/1}
                """);
        Map<String, Object> d = Kustomize.build(dir).get(0);
        assertEquals(3, Rendered.map(d, "spec").get("replicas"));
        assertEquals("ns", Rendered.map(d, "metadata").get("namespace"));
        List<Map<String, Object>> containers = Rendered.list(d, "spec", "template", "spec", "containers");
        assertEquals(
                List.of("reg.example/app:2-native", "reg.example/app:2-native"),
                containers.stream().map(c -> c.get("image")).toList());
        Files.writeString(dir.resolve("kustomization.yaml"), """
                resources: [d.yaml]
                patches:
                  - target: {kind: Deployment, name: missing}
                    patch: "- {op: remove, path: /spec}"
                """);
        assertThrows(IllegalArgumentException.class, () -> Kustomize.build(dir));
    }
}
