package io.newsgraph.k8s;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service really reads, derived from its sources and build output - not from the manifests:
 * <ul>
 * <li>its port: {@code quarkus.http.port} of src/main/resources/application.properties;</li>
 * <li>{@code known}: every property it can be given, as the environment variable Quarkus maps to it (upper case,
 * every non-alphanumeric character an underscore): the keys of application.properties (profile prefixes removed),
 * the leaves of its {@code @ConfigMapping} interfaces (loaded from target/classes, walked by reflection: nested
 * groups, {@code @WithName}, kebab-case names; common's where the service imports the mapping's package), the names
 * of {@code @ConfigProperty} in its sources and in common's,
 * and Quarkus' own datasource URL/user/password (when it has a datasource), {@code quarkus.shutdown.timeout} and
 * {@code quarkus.otel.exporter.otlp.endpoint} -
 * each only if the packaged application really carries that config mapping (its generated-bytecode.jar);</li>
 * <li>{@code required}: what Kubernetes must set: properties whose default names a loopback address (they point
 * at a neighbour), mapping leaves with no default that are not Optional, the datasource URL/user/password, and
 * for the gateway its API keys (Optional in GatewayConfig, but without them the prod profile refuses every call).</li>
 * </ul>
 */
record ServiceConfig(String name, int port, Set<String> known, Set<String> required, Map<String, String> properties) {
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);

    static ServiceConfig of(String service) {
        Path root = Rendered.root();
        Path module = root.resolve(service);
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(module.resolve("src/main/resources/application.properties"))) {
            props.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        Set<String> known = new LinkedHashSet<>();
        Set<String> required = new LinkedHashSet<>();
        for (String key : props.stringPropertyNames()) {
            String property = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            known.add(env(property));
            if (!key.startsWith("%")) {
                defaults.put(key, props.getProperty(key));
            }
        }
        defaults.forEach((key, value) -> {
            if (value.contains("127.0.0.1") || value.contains("localhost")) {
                required.add(env(key));
            }
        });
        // Quarkus' own runtime properties count as read only when the built application carries their config
        // mapping (target/quarkus-app/quarkus/generated-bytecode.jar holds one $$CMImpl per mapping it reads).
        Set<String> mappings = generatedMappings(module);
        if (defaults.containsKey("quarkus.datasource.db-kind")) {
            builtin(
                    mappings,
                    "io/quarkus/agroal/runtime/DataSourceJdbcRuntimeConfig",
                    "quarkus.datasource.jdbc.url",
                    known,
                    required);
            builtin(
                    mappings,
                    "io/quarkus/datasource/runtime/DataSourceRuntimeConfig",
                    "quarkus.datasource.username",
                    known,
                    required);
            builtin(
                    mappings,
                    "io/quarkus/datasource/runtime/DataSourceRuntimeConfig",
                    "quarkus.datasource.password",
                    known,
                    required);
        }
        builtin(mappings, "io/quarkus/runtime/shutdown/ShutdownConfig", "quarkus.shutdown.timeout", known, null);
        // How many event loops Vert.x runs (the gateway's Deployment sets one per CPU of its limit).
        builtin(
                mappings,
                "io/quarkus/vertx/core/runtime/config/VertxConfiguration",
                "quarkus.vertx.event-loops-pool-size",
                known,
                null);
        // Where tracing exports to (set where tracing is on: k8s/components/tracing).
        builtin(
                mappings,
                "io/quarkus/opentelemetry/runtime/config/runtime/exporter/OtlpExporterRuntimeConfig",
                "quarkus.otel.exporter.otlp.endpoint",
                known,
                null);
        for (Path sources : new Path[] {module.resolve("src/main/java"), root.resolve("common/src/main/java")}) {
            for (Path file : javaFiles(sources)) {
                String text = read(file);
                Matcher m = CONFIG_PROPERTY.matcher(text);
                while (m.find()) {
                    known.add(env(m.group(1)));
                }
                if (CONFIG_MAPPING.matcher(text).find()) {
                    Matcher pkg = PACKAGE.matcher(text);
                    if (!pkg.find()) {
                        throw new IllegalStateException(file + ": no package");
                    }
                    String className =
                            pkg.group(1) + "." + file.getFileName().toString().replace(".java", "");
                    // A mapping of common's counts where the service uses its package (common's search client:
                    // article-service and entity-service; every application carries it, the gateway never reads it).
                    if (!sources.startsWith(module) && !usesPackage(module, pkg.group(1))) {
                        continue;
                    }
                    Class<?> mapping = load(sources.startsWith(module) ? module : root.resolve("common"), className);
                    ConfigMapping annotation = mapping.getAnnotation(ConfigMapping.class);
                    walk(mapping, annotation.prefix(), defaults, known, required);
                }
            }
        }
        if (service.equals("gateway")) {
            required.add("NEWSGRAPH_GATEWAY_API_KEYS");
        }
        return new ServiceConfig(
                service, Integer.parseInt(defaults.get("quarkus.http.port")), known, required, defaults);
    }

    private static void walk(
            Class<?> type, String prefix, Map<String, String> defaults, Set<String> known, Set<String> required) {
        for (Method method : type.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0) {
                continue;
            }
            WithName withName = method.getAnnotation(WithName.class);
            String property = prefix + "." + (withName != null ? withName.value() : kebab(method.getName()));
            Class<?> result = method.getReturnType();
            if (result.isInterface() && result.getName().startsWith("io.newsgraph.")) {
                walk(result, property, defaults, known, required);
                continue;
            }
            if (Map.class.isAssignableFrom(result)) {
                throw new UnsupportedOperationException(property + ": map-valued mappings are not derived yet");
            }
            known.add(env(property));
            boolean hasDefault = method.isAnnotationPresent(WithDefault.class) || defaults.containsKey(property);
            if (!hasDefault && result != Optional.class) {
                required.add(env(property));
            }
        }
    }

    private static void builtin(
            Set<String> mappings, String mapping, String property, Set<String> known, Set<String> required) {
        if (!mappings.contains(mapping + "$$CMImpl.class")) {
            throw new IllegalStateException(
                    "the built application has no config mapping " + mapping + " for " + property);
        }
        known.add(env(property));
        if (required != null) {
            required.add(env(property));
        }
    }

    private static Set<String> generatedMappings(Path module) {
        Path jar = module.resolve("target/quarkus-app/quarkus/generated-bytecode.jar");
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            Set<String> names = new LinkedHashSet<>();
            zip.stream().forEach(e -> names.add(e.getName()));
            return names;
        } catch (IOException e) {
            throw new IllegalStateException(jar + " missing: package " + module.getFileName() + " first", e);
        }
    }

    static String env(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean usesPackage(Path module, String pkg) {
        return javaFiles(module.resolve("src/main/java")).stream()
                .anyMatch(f -> read(f).contains("import " + pkg + "."));
    }

    private static Class<?> load(Path module, String className) {
        Path classes = module.resolve("target/classes");
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException(classes + " missing: build " + module.getFileName() + " first");
        }
        try {
            URLClassLoader loader =
                    new URLClassLoader(new URL[] {classes.toUri().toURL()}, ServiceConfig.class.getClassLoader());
            return Class.forName(className, false, loader);
        } catch (MalformedURLException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot load " + className + " from " + classes, e);
        }
    }

    private static java.util.List<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
