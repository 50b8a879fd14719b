package io.newsgraph.common.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL server the tests of this JVM use, found or started once:
 * 1. an explicitly configured one (QUARKUS_DATASOURCE_JDBC_URL + _USERNAME/_PASSWORD);
 * 2. a throwaway cluster of this JVM's own, run by scripts/pg from the server binaries on the machine
 *    (installing Debian's package when root with apt), stopped and deleted when this JVM ends, however it ends;
 * 3. nothing here but a container runtime and NEWSGRAPH_TEST_DEVSERVICES=true: empty, so that Quarkus Dev
 *    Services starts one.
 * Every caller gets its own database, dropped again by {@link #drop}.
 */
public final class TestPostgres {
    private static TestPostgres instance;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String query;

    private TestPostgres(String host, int port, String user, String password, String query) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.query = query;
    }

    /** The server, or empty when only Dev Services can provide one. */
    public static synchronized Optional<TestPostgres> server() {
        if (instance == null) {
            instance = configured().orElseGet(TestPostgres::startLocal);
        }
        return Optional.ofNullable(instance);
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + query;
    }

    /** Creates a new, empty database named after {@code prefix} and returns its name. */
    public String createDatabase(String prefix) {
        String name = prefix + "_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        execute("CREATE DATABASE " + name);
        return name;
    }

    public void drop(String database) {
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host + ":" + port + " refused: " + sql, e);
        }
    }

    private static Optional<TestPostgres> configured() {
        String url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        // jdbc:postgresql://host:port/db?params -> admin connections go to the `postgres` database.
        java.net.URI uri = java.net.URI.create(url.substring("jdbc:".length()));
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return Optional.of(new TestPostgres(
                uri.getHost(),
                uri.getPort() < 0 ? 5432 : uri.getPort(),
                System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", "postgres"),
                System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", ""),
                query));
    }

    private static TestPostgres startLocal() {
        Path root = repositoryRoot();
        // One cluster per test JVM: test runs of several modules (or people) at once never stop each other's.
        String pid = String.valueOf(ProcessHandle.current().pid());
        Path dir = root.resolve("target/test-pg/jvm-" + pid);
        Path log = root.resolve("target/test-pg/jvm-" + pid + ".log");
        try {
            Files.createDirectories(dir);
            Process process = new ProcessBuilder(
                            "bash",
                            root.resolve("scripts/pg").toString(),
                            "start",
                            dir.toString(),
                            "--fast",
                            "--watch",
                            pid,
                            "--remove")
                    .redirectError(log.toFile())
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                String why = Files.readString(log).trim();
                if (why.contains("no PostgreSQL server binaries") && containerRuntime()) {
                    if (Boolean.parseBoolean(System.getenv("NEWSGRAPH_TEST_DEVSERVICES"))) {
                        return null; // Quarkus Dev Services starts one in a container
                    }
                    why +=
                            " (a container runtime is available: set NEWSGRAPH_TEST_DEVSERVICES=true to use Quarkus Dev Services)";
                }
                throw new IllegalStateException("Could not start a test PostgreSQL: " + why);
            }
            String[] parts = out.substring(out.lastIndexOf('\n') + 1).split(" ");
            return new TestPostgres(parts[0], Integer.parseInt(parts[1]), parts[2], parts[3], "");
        } catch (IOException e) {
            throw new IllegalStateException("Could not run scripts/pg", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting PostgreSQL", e);
        }
    }

    private static boolean containerRuntime() {
        for (String tool : new String[] {"docker", "podman"}) {
            try {
                Process p = new ProcessBuilder(tool, "info")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return true;
                }
            } catch (IOException | InterruptedException e) {
                // not installed or not answering: try the next one
            }
        }
        return false;
    }

    /** The checkout's root: the nearest folder upwards that holds scripts/pg. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("scripts/pg"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "scripts/pg not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
