package io.newsgraph.k8s;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A renderer of the part of kustomize that k8s/ uses, for machines without a kustomize v5 (Debian's kubectl 1.20
 * carries kustomize v2, which has no components; no registry reachable here ships kustomize v5). Everything
 * outside that part is rejected with an exception rather than rendered differently: a kustomization may use only
 * {@code resources} (files and folders), {@code components}, {@code namespace}, {@code secretGenerator} (from
 * {@code envs} files and whole {@code files}, {@code path} or {@code key=path}, with
 * {@code generatorOptions.disableNameSuffixHash: true}), {@code images} ({@code name},
 * {@code newName}, {@code newTag}) and inline JSON 6902 {@code patches} (add / replace / remove) with a target of
 * {@code group}/{@code version}/{@code kind}/{@code name}. {@code KustomizeParityTests} compares its output with
 * real kustomize's, object by object, whenever a kustomize v5 is on the machine.
 */
public final class Kustomize {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
    private static final Set<String> KEYS = Set.of(
            "apiVersion",
            "kind",
            "resources",
            "components",
            "namespace",
            "generatorOptions",
            "secretGenerator",
            "images",
            "patches");
    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "Namespace",
            "ClusterRole",
            "ClusterRoleBinding",
            "CustomResourceDefinition",
            "PersistentVolume",
            "StorageClass",
            "PriorityClass",
            "IngressClass");

    private Kustomize() {}

    /** Renders the kustomization in {@code dir} (a Kustomization, not a Component). */
    public static List<Map<String, Object>> build(Path dir) {
        return build(dir, new ArrayList<>(), "Kustomization");
    }

    private static List<Map<String, Object>> build(Path dir, List<Map<String, Object>> inherited, String expectedKind) {
        Map<String, Object> k = readKustomization(dir);
        Object kind = k.getOrDefault("kind", "Kustomization");
        if (!expectedKind.equals(kind)) {
            throw new IllegalArgumentException(dir + ": expected kind " + expectedKind + ", found " + kind);
        }
        for (String key : k.keySet()) {
            if (!KEYS.contains(key)) {
                throw new UnsupportedOperationException(
                        dir + ": kustomization field '" + key + "' is outside the supported subset");
            }
        }
        List<Map<String, Object>> objects = inherited;
        for (String resource : strings(k.get("resources"))) {
            Path path = dir.resolve(resource).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(build(path, new ArrayList<>(), "Kustomization"));
            } else {
                objects.addAll(readObjects(path));
            }
        }
        for (String component : strings(k.get("components"))) {
            objects = build(dir.resolve(component).normalize(), objects, "Component");
        }
        objects.addAll(secrets(dir, k));
        for (Map<String, Object> patch : maps(k.get("patches"))) {
            applyPatch(dir, objects, patch);
        }
        for (Map<String, Object> image : maps(k.get("images"))) {
            for (Map<String, Object> object : objects) {
                setImage(object, image);
            }
        }
        if (k.get("namespace") instanceof String namespace) {
            for (Map<String, Object> object : objects) {
                if ("Namespace".equals(object.get("kind"))) {
                    if (!namespace.equals(name(object))) {
                        throw new UnsupportedOperationException(dir + ": a Namespace object named unlike `namespace:`");
                    }
                } else if (!CLUSTER_SCOPED.contains(object.get("kind"))) {
                    metadata(object).put("namespace", namespace);
                }
            }
        }
        return objects;
    }

    private static List<Map<String, Object>> secrets(Path dir, Map<String, Object> k) {
        List<Map<String, Object>> secrets = new ArrayList<>();
        List<Map<String, Object>> generators = maps(k.get("secretGenerator"));
        if (generators.isEmpty()) {
            return secrets;
        }
        Map<?, ?> options = (Map<?, ?>) k.getOrDefault("generatorOptions", Map.of());
        if (!Boolean.TRUE.equals(options.get("disableNameSuffixHash"))) {
            throw new UnsupportedOperationException(
                    dir + ": secretGenerator needs generatorOptions.disableNameSuffixHash: true");
        }
        for (Map<String, Object> generator : generators) {
            for (String key : generator.keySet()) {
                if (!Set.of("name", "type", "envs", "files").contains(key)) {
                    throw new UnsupportedOperationException(
                            dir + ": secretGenerator field '" + key + "' is outside the supported subset");
                }
            }
            Map<String, Object> data = new LinkedHashMap<>();
            for (String env : strings(generator.get("envs"))) {
                for (String line : readLines(dir.resolve(env))) {
                    String trimmed = line.strip();
                    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                        continue;
                    }
                    int eq = trimmed.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException(dir.resolve(env) + ": not key=value: " + trimmed);
                    }
                    data.put(
                            trimmed.substring(0, eq),
                            Base64.getEncoder()
                                    .encodeToString(trimmed.substring(eq + 1).getBytes(StandardCharsets.UTF_8)));
                }
            }
            for (String file : strings(generator.get("files"))) {
                int eq = file.indexOf('=');
                String path = eq < 0 ? file : file.substring(eq + 1);
                String key = eq < 0 ? Path.of(path).getFileName().toString() : file.substring(0, eq);
                try {
                    data.put(key, Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve(path))));
                } catch (IOException e) {
                    throw new UncheckedIOException(dir.resolve(path) + ": secretGenerator file", e);
                }
            }
            Map<String, Object> secret = new LinkedHashMap<>();
            secret.put("apiVersion", "v1");
            secret.put("kind", "Secret");
            secret.put("metadata", new LinkedHashMap<>(Map.of("name", generator.get("name"))));
            secret.put("type", generator.getOrDefault("type", "Opaque"));
            secret.put("data", data);
            secrets.add(secret);
        }
        return secrets;
    }

    private static void applyPatch(Path dir, List<Map<String, Object>> objects, Map<String, Object> patch) {
        if (!(patch.get("patch") instanceof String text)
                || !(patch.get("target") instanceof Map<?, ?> target)
                || patch.size() != 2) {
            throw new UnsupportedOperationException(
                    dir + ": only inline JSON 6902 patches with a target are supported");
        }
        List<Map<String, Object>> ops;
        try {
            ops = YAML.readValue(text, new TypeReference<>() {});
        } catch (IOException e) {
            throw new IllegalArgumentException(dir + ": patch is not a JSON 6902 operation list", e);
        }
        int matched = 0;
        for (Map<String, Object> object : objects) {
            if (matches(object, target)) {
                matched++;
                for (Map<String, Object> op : ops) {
                    JsonPatch.apply(object, op);
                }
            }
        }
        if (matched == 0) {
            throw new IllegalArgumentException(dir + ": patch target matches nothing: " + target);
        }
    }

    private static boolean matches(Map<String, Object> object, Map<?, ?> target) {
        for (Object key : target.keySet()) {
            if (!Set.of("group", "version", "kind", "name").contains(key)) {
                throw new UnsupportedOperationException(
                        "patch target field '" + key + "' is outside the supported subset");
            }
        }
        String apiVersion = (String) object.get("apiVersion");
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        return (target.get("group") == null || target.get("group").equals(group))
                && (target.get("version") == null || target.get("version").equals(version))
                && (target.get("kind") == null || target.get("kind").equals(object.get("kind")))
                && (target.get("name") == null || target.get("name").equals(name(object)));
    }

    @SuppressWarnings("unchecked")
    private static void setImage(Object node, Map<String, Object> image) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if ((entry.getKey().equals("containers") || entry.getKey().equals("initContainers"))
                        && entry.getValue() instanceof List<?> list) {
                    for (Object container : list) {
                        Map<String, Object> c = (Map<String, Object>) container;
                        if (c.get("image") instanceof String ref) {
                            c.put("image", retag(ref, image));
                        }
                    }
                } else {
                    setImage(entry.getValue(), image);
                }
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> setImage(item, image));
        }
    }

    private static String retag(String ref, Map<String, Object> image) {
        for (String key : image.keySet()) {
            if (!Set.of("name", "newName", "newTag").contains(key)) {
                throw new UnsupportedOperationException("images field '" + key + "' is outside the supported subset");
            }
        }
        if (ref.contains("@")) {
            throw new UnsupportedOperationException("image digests are outside the supported subset: " + ref);
        }
        int colon = ref.lastIndexOf(':');
        boolean tagged = colon > ref.lastIndexOf('/');
        String name = tagged ? ref.substring(0, colon) : ref;
        String tag = tagged ? ref.substring(colon + 1) : null;
        if (!name.equals(image.get("name"))) {
            return ref;
        }
        String newName = (String) image.getOrDefault("newName", name);
        String newTag = (String) image.getOrDefault("newTag", tag);
        return newTag == null ? newName : newName + ":" + newTag;
    }

    /** The rendered objects as one multi-document YAML stream. */
    public static String toYaml(List<Map<String, Object>> objects) {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> object : objects) {
            if (!out.isEmpty()) {
                out.append("---\n");
            }
            try {
                out.append(YAML.writeValueAsString(object));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toString();
    }

    /** Every document of a YAML file (empty documents skipped). */
    public static List<Map<String, Object>> readObjects(Path file) {
        try {
            return nonEmpty(YAML.readerFor(MAP).readValues(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Every document of a YAML stream (empty documents skipped). */
    public static List<Map<String, Object>> readObjectsFromString(String yaml) {
        try {
            return nonEmpty(YAML.readerFor(MAP).readValues(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private static List<Map<String, Object>> nonEmpty(MappingIterator<Map<String, Object>> docs) throws IOException {
        try (docs) {
            List<Map<String, Object>> objects = new ArrayList<>();
            while (docs.hasNext()) {
                Map<String, Object> doc = docs.next();
                if (doc != null && !doc.isEmpty()) {
                    objects.add(doc);
                }
            }
            return objects;
        }
    }

    private static Map<String, Object> readKustomization(Path dir) {
        List<Map<String, Object>> docs = readObjects(dir.resolve("kustomization.yaml"));
        if (docs.size() != 1) {
            throw new IllegalArgumentException(dir + "/kustomization.yaml: expected one document");
        }
        return docs.get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> object) {
        return (Map<String, Object>) object.computeIfAbsent("metadata", m -> new LinkedHashMap<>());
    }

    static String name(Map<String, Object> object) {
        return (String) metadata(object).get("name");
    }

    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        if (list instanceof List<?> l) {
            l.forEach(item -> out.add((String) item));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object list) {
        return list instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
