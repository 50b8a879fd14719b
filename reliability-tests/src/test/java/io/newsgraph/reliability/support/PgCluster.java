package io.newsgraph.reliability.support;

import io.newsgraph.common.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of this module's own (scripts/pg under target/), so that fault tests may stop and
 * restart it without disturbing anybody else's tests. Stopped and removed by scripts/pg's watchdog when this
 * JVM ends, however it ends.
 * <p>Restart keeps the port: {@code scripts/pg start} picks a new random port for a stopped cluster, which
 * the running services could not follow, so {@link #start()} uses {@code pg_ctl restart}, which starts a
 * stopped server with the options of its last start (postmaster.opts).
 */
public final class PgCluster {
    private final Path root = TestPostgres.repositoryRoot();
    private final Path dir;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private PgCluster(Path dir, String host, int port, String user, String password) {
        this.dir = dir;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    public static PgCluster start(String name) {
        Path root = TestPostgres.repositoryRoot();
        String pid = String.valueOf(ProcessHandle.current().pid());
        Path dir = root.resolve("reliability-tests/target/pg/" + name + "-" + pid);
        String out = run(
                        root,
                        List.of(
                                "bash",
                                root.resolve("scripts/pg").toString(),
                                "start",
                                dir.toString(),
                                "--fast",
                                "--watch",
                                pid,
                                "--remove"))
                .trim();
        String[] parts = out.substring(out.lastIndexOf('\n') + 1).trim().split(" ");
        return new PgCluster(dir, parts[0], Integer.parseInt(parts[1]), parts[2], parts[3]);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    public void createDatabase(String name) {
        try (Connection c = connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    public long scalar(String database, String sql) {
        try (Connection c = connect(database);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Fast shutdown (what a failover or an operator's restart does): open connections are cut. */
    public void stop() {
        run(root, List.of("bash", root.resolve("scripts/pg").toString(), "stop", dir.toString()));
    }

    /** Starts the stopped cluster again on the same port. */
    public void start() {
        Path home = home();
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.addAll(List.of(
                bindir().resolve("pg_ctl").toString(),
                "-D",
                home.resolve("data").toString(),
                "-l",
                home.resolve("server.log").toString(),
                "-w",
                "-t",
                "60",
                "restart"));
        run(root, command);
    }

    private Path home() {
        try {
            return dir.resolve("cluster").toRealPath();
        } catch (IOException e) {
            throw new IllegalStateException("no cluster under " + dir, e);
        }
    }

    private static Path bindir() {
        String found = run(
                        Path.of("/"),
                        List.of(
                                "bash",
                                "-c",
                                "if command -v pg_ctl >/dev/null; then dirname \"$(readlink -f \"$(command -v pg_ctl)\")\"; "
                                        + "else ls -d /usr/lib/postgresql/*/bin | sort -V -r | head -1; fi"))
                .trim();
        return Path.of(found);
    }

    private static boolean isRoot() {
        return run(Path.of("/"), List.of("id", "-u")).trim().equals("0");
    }

    private static String run(Path cwd, List<String> command) {
        try {
            Path err = Files.createTempFile("pgcluster", ".err");
            Process p = new ProcessBuilder(command)
                    .directory(cwd.toFile())
                    .redirectError(err.toFile())
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + Files.readString(err));
            }
            Files.deleteIfExists(err);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
