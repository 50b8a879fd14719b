package io.newsgraph.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JVM images start the JVM as the benchmarks run it. The base image's run-java.sh puts its own defaults
 * (-XX:+UseParallelGC, heap free ratios 10/20, GCTimeRatio=4) before JAVA_OPTS_APPEND unless JAVA_OPTS is set, and a
 * collector chosen in JAVA_OPTS_APPEND beside its ParallelGC made the JVM refuse to start ("Multiple garbage
 * collectors selected"). So each Dockerfile.jvm sets JAVA_OPTS whole, the Jib build sets the same, and this JVM must
 * accept them. Jib and the Dockerfiles also name the same base images, in one place each (application.properties).
 */
class ImageTests {
    private static final Pattern FROM = Pattern.compile("(?m)^FROM (\\S+)");
    private static final Pattern ENV = Pattern.compile("(?m)^ENV (\\w+)=\"([^\"]*)\"");
    private static final Pattern COLLECTOR = Pattern.compile("-XX:\\+Use\\w+GC\\b");

    @ParameterizedTest
    @ValueSource(strings = {"article-service", "entity-service", "alert-service", "gateway"})
    void theImagesAreBuiltAlikeAndTheJvmImageStartsTheJvmWithItsOwnOptionsOnly(String service) throws Exception {
        Path dir = Rendered.root().resolve(service);
        String dockerfile = Files.readString(dir.resolve("src/main/docker/Dockerfile.jvm"));
        String options = env(dockerfile, "JAVA_OPTS");
        assertNotNull(options, service + ": Dockerfile.jvm must set JAVA_OPTS (else run-java.sh adds its defaults)");
        assertNull(
                env(dockerfile, "JAVA_OPTS_APPEND"), service + ": JAVA_OPTS_APPEND is ignored once JAVA_OPTS is set");
        assertEquals(
                1, COLLECTOR.matcher(options).results().count(), service + ": exactly one collector in " + options);

        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        Matcher from = FROM.matcher(dockerfile);
        assertTrue(from.find(), service + ": no FROM");
        assertEquals(
                from.group(1), properties.getProperty("quarkus.jib.base-jvm-image"), service + ": Jib's base image");
        assertEquals(
                options,
                properties.getProperty("quarkus.jib.environment-variables.JAVA_OPTS"),
                service + ": Jib's JAVA_OPTS");
        Matcher nativeRuntime = FROM.matcher(Files.readString(dir.resolve("src/main/docker/Dockerfile.native")));
        String nativeBase = null;
        while (nativeRuntime.find()) {
            nativeBase = nativeRuntime.group(1); // the last stage runs the executable
        }
        assertEquals(
                nativeBase, properties.getProperty("quarkus.jib.base-native-image"), service + ": Jib's native base");
        String pom = Files.readString(dir.resolve("pom.xml"));
        assertFalse(pom.contains("<quarkus.jib.base-jvm-image>"), service + ": a second base image in pom.xml");
        assertFalse(pom.contains("<quarkus.jib.base-native-image>"), service + ": a second native base in pom.xml");
        assertFalse(
                pom.contains("<quarkus.jib.jvm-additional-arguments>"),
                service + ": JVM arguments Jib's JAVA_OPTS ignores");

        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(options.trim().split("\\s+")));
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes());
        assertTrue(java.waitFor(60, TimeUnit.SECONDS), service + ": java -version did not end");
        assertEquals(0, java.exitValue(), service + ": the JVM refuses " + options + ":\n" + output);
    }

    private static String env(String dockerfile, String name) {
        Matcher env = ENV.matcher(dockerfile);
        while (env.find()) {
            if (env.group(1).equals(name)) {
                return env.group(2);
            }
        }
        return null;
    }
}
