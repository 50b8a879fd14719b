package io.newsgraph.common.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The OpenSearch node the tests of this JVM use, started once: a throwaway single node of this JVM's own, run by
 * scripts/opensearch from the search-node module's launcher (512 MB heap, 127.0.0.1, a free port, no security).
 * It stops, and its files go, when this JVM ends, however it ends. Tests that share it keep apart by index name.
 */
public final class TestOpenSearch {
    private static TestOpenSearch instance;

    private final String url;

    private TestOpenSearch(String url) {
        this.url = url;
    }

    /** The node, started on first use. */
    public static synchronized TestOpenSearch node() {
        if (instance == null) {
            instance = new TestOpenSearch(start());
        }
        return instance;
    }

    /**
     * A service process's environment {@code env} plus this node as its search engine, with an index prefix of its
     * own ({@code name}, e.g. its database) so that the processes of one test run never share an index.
     */
    public static java.util.Map<String, String> withSearch(java.util.Map<String, String> env, String name) {
        java.util.Map<String, String> all = new java.util.HashMap<>(env);
        all.put("NEWSGRAPH_SEARCH_URL", node().url());
        all.put(
                "NEWSGRAPH_SEARCH_INDEX_PREFIX",
                name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "-") + "-");
        return all;
    }

    /** {@code http://127.0.0.1:port}. */
    public String url() {
        return url;
    }

    private static String start() {
        Path root = TestPostgres.repositoryRoot();
        // One node per test JVM: test runs of several modules at once never stop each other's.
        String pid = String.valueOf(ProcessHandle.current().pid());
        Path dir = root.resolve("target/test-opensearch/jvm-" + pid);
        Path log = root.resolve("target/test-opensearch/jvm-" + pid + ".log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(
                            "bash",
                            root.resolve("scripts/opensearch").toString(),
                            "start",
                            dir.toString(),
                            "--watch",
                            pid,
                            "--remove")
                    .redirectError(log.toFile());
            builder.environment().put("NEWSGRAPH_OPENSEARCH_HEAP", "512m");
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("Could not start a test OpenSearch: "
                        + Files.readString(log).trim());
            }
            return out.substring(out.lastIndexOf('\n') + 1);
        } catch (IOException e) {
            throw new IllegalStateException("Could not run scripts/opensearch", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting OpenSearch", e);
        }
    }
}
