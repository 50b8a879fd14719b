package io.newsgraph.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A service of this repository run as a real process from its packaged app (`<service>/target/quarkus-app`),
 * for end-to-end tests with real HTTP between services. {@link #startFromSnapshot} runs it from a private copy
 * of the app taken once per test JVM, for long runs during which somebody may rebuild the service (the jars are
 * replaced in place) and restarts must still work. Log: `target/e2e/<name>-<port>.log` of the calling module.
 * With the system property `newsgraph.native=true` (what `-Dnative` sets for the failsafe tests) the service runs
 * as its native executable (`<service>/target/*-runner`) instead.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final Map<String, Path> COPIES = new HashMap<>();
    /** Whether services run as native executables rather than from their runner jars. */
    public static final boolean NATIVE = Boolean.getBoolean("newsgraph.native");

    private final String name;
    private final boolean snapshot;
    private final Map<String, String> env;
    private final int port;
    private final Path log;
    private Process process;

    private ServiceProcess(String name, Map<String, String> env, boolean snapshot) {
        this.name = name;
        this.snapshot = snapshot;
        this.port = freePort();
        this.env = new HashMap<>(env);
        this.env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        this.env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        this.log = Path.of("target/e2e/" + name + "-" + port + ".log").toAbsolutePath();
    }

    /** Starts the service from its build output and waits until it is ready. */
    public static ServiceProcess start(String name, Map<String, String> env) {
        ServiceProcess service = new ServiceProcess(name, env, false);
        service.start();
        return service;
    }

    /** Starts the service from a private copy of its build output (see class comment) and waits until it is ready. */
    public static ServiceProcess startFromSnapshot(String name, Map<String, String> env) {
        ServiceProcess service = new ServiceProcess(name, env, true);
        service.start();
        return service;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** (Re)starts the process on the same port with the same environment; waits until ready. */
    public void start() {
        startNoWait();
        awaitReady(Duration.ofMinutes(2));
    }

    public void startNoWait() {
        Path app = snapshot ? copy(name) : packaged(name);
        try {
            Files.createDirectories(log.getParent());
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = (NATIVE
                            ? new ProcessBuilder(app.toString(), "-Xmx512m")
                            : new ProcessBuilder(
                                    java,
                                    "-Xmx512m",
                                    "-jar",
                                    app.resolve("quarkus-run.jar").toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** The service's build output: its `target/quarkus-app` folder, or its native executable. */
    private static Path packaged(String name) {
        Path target = TestPostgres.repositoryRoot().resolve(name).resolve("target");
        if (NATIVE) {
            try (Stream<Path> files = Files.list(target)) {
                return files.filter(f -> f.getFileName().toString().endsWith("-runner")
                                && Files.isRegularFile(f)
                                && Files.isExecutable(f))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no native executable of " + name + " in " + target
                                + ": build it first (./mvnw -B install -Dnative -DskipTests -pl " + name + " -am)"));
            } catch (IOException e) {
                throw new IllegalStateException("no native executable of " + name + ": " + target + " unreadable", e);
            }
        }
        Path app = target.resolve("quarkus-app");
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(app.resolve("quarkus-run.jar") + " is missing: build " + name
                    + " first (./mvnw -B install -DskipTests)");
        }
        return app;
    }

    /** SIGKILL: no shutdown hook, no graceful stop - a crash or an OOM kill. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM and wait (graceful stop), SIGKILL after 20 s. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
    }

    public void awaitReady(Duration timeout) {
        Awaitility.await(name + " ready")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(100))
                .failFast(name + " exited; see " + log, () -> !process.isAlive())
                .until(this::ready);
    }

    public boolean ready() {
        try {
            HttpURLConnection c = (HttpURLConnection)
                    URI.create(url() + "/q/health/ready").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(3000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** A private copy of the service's packaged app (folder or executable), made once per JVM. */
    private static synchronized Path copy(String name) {
        return COPIES.computeIfAbsent(name, n -> {
            Path source = packaged(n);
            Path target = Path.of(
                            "target/apps/" + n + "-" + ProcessHandle.current().pid())
                    .toAbsolutePath();
            removeCopiesOfEndedRuns(target.getParent(), n);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path to = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.createDirectories(to.getParent());
                        Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy " + source, e);
            }
            return target;
        });
    }

    /** Copies left by earlier test JVMs (named {service}-{pid}) whose process is gone. */
    private static void removeCopiesOfEndedRuns(Path apps, String name) {
        if (!Files.isDirectory(apps)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(apps)) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String suffix = dir.getFileName()
                        .toString()
                        .substring(Math.min(dir.getFileName().toString().length(), name.length() + 1));
                if (dir.getFileName().toString().startsWith(name + "-")
                        && suffix.matches("[0-9]+")
                        && ProcessHandle.of(Long.parseLong(suffix)).isEmpty()) {
                    try (Stream<Path> files = Files.walk(dir)) {
                        files.sorted(java.util.Comparator.reverseOrder())
                                .forEach(f -> f.toFile().delete());
                    }
                }
            }
        } catch (IOException e) {
            // leftovers only cost disk space
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
