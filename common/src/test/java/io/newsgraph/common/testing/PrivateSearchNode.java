package io.newsgraph.common.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An OpenSearch node of its own for tests that stop, kill and restart it (scripts/opensearch, same folder and port),
 * so that the JVM's shared test node, which other test applications use, is never disturbed. It goes when the JVM
 * ends. A test profile names it among its resources and disables the global ones.
 */
public class PrivateSearchNode implements QuarkusTestResourceLifecycleManager {
    private static Path dir;
    private static String port;

    @Override
    public Map<String, String> start() {
        String pid = String.valueOf(ProcessHandle.current().pid());
        dir = TestPostgres.repositoryRoot().resolve("target/test-opensearch/private-" + pid);
        String url = run("start", dir.toString(), "--watch", pid, "--remove");
        port = url.substring(url.lastIndexOf(':') + 1);
        return Map.of("newsgraph.search.url", url, "newsgraph.search.index-prefix", "private-");
    }

    @Override
    public void stop() {
        run("stop", dir.toString());
    }

    /** Stops the node (SIGTERM, waits until it is gone). */
    public static void stopNode() {
        run("stop", dir.toString());
    }

    /** Kills the node (SIGKILL, as a crash would): no clean close of its indices. */
    public static void killNode() {
        run("kill", dir.toString());
    }

    /** Starts the node again on its folder and port: its indices come back. */
    public static void startNode() {
        run("start", dir.toString(), "--port", port);
    }

    private static String run(String... args) {
        try {
            Path log = dir.resolveSibling(dir.getFileName() + ".log");
            Files.createDirectories(dir.getParent());
            ProcessBuilder builder = new ProcessBuilder(
                    "bash",
                    TestPostgres.repositoryRoot().resolve("scripts/opensearch").toString());
            builder.command().addAll(List.of(args));
            builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("NEWSGRAPH_OPENSEARCH_HEAP", "512m");
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(
                        "scripts/opensearch " + String.join(" ", args) + " failed: " + Files.readString(log));
            }
            return out.isEmpty() ? out : out.substring(out.lastIndexOf('\n') + 1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A test profile on the private node instead of the shared one (global resources off), with its service's database. */
    public abstract static class Profile implements QuarkusTestProfile {
        /** The service's test database name. */
        protected abstract String database();

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(
                    new TestResourceEntry(PostgresTestResource.class, Map.of("database", database())),
                    new TestResourceEntry(PrivateSearchNode.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }
}
