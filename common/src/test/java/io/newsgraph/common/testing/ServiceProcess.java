package io.newsgraph.common.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * A service of this repository run as a real process from its built `quarkus-run.jar`, for end-to-end tests
 * (real HTTP between services). Output goes to `target/e2e/<name>.log` of the calling module.
 */
public final class ServiceProcess implements AutoCloseable {
    private final String name;
    private final Path jar;
    private final Map<String, String> env;
    private final int port;
    private Process process;

    private ServiceProcess(String name, Map<String, String> env) {
        this.name = name;
        this.jar = TestPostgres.repositoryRoot().resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        this.port = freePort();
        this.env = new HashMap<>(env);
        this.env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        this.env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
    }

    /** Starts the service and waits until it is ready. */
    public static ServiceProcess start(String name, Map<String, String> env) {
        ServiceProcess service = new ServiceProcess(name, env);
        service.start();
        return service;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** (Re)starts the process with the same port and environment and waits until /q/health/ready is UP. */
    public void start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build " + name + " first (mvn package)");
        }
        try {
            Path log = Path.of("target/e2e/" + name + ".log").toAbsolutePath();
            Files.createDirectories(log.getParent());
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
        awaitReady(Duration.ofMinutes(2));
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no graceful stop - what a crash or an OOM kill looks like. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
    }

    private void awaitReady(Duration timeout) {
        Awaitility.await(name + " ready").atMost(timeout).pollInterval(Duration.ofMillis(100))
                .failFast(name + " exited; see target/e2e/" + name + ".log", () -> !process.isAlive())
                .until(this::ready);
    }

    private boolean ready() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/q/health/ready").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
