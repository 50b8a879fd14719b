package io.newsgraph.common.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway Redis of its own for a test (the gateway's shared rate limits), run by scripts/redis from the
 * server on the machine (installing Debian's package when root with apt): 127.0.0.1, a free port, a random
 * password, nothing on disk. It stops, and its files go, when this JVM ends, however it ends; {@link #stop} and
 * {@link #start} in between simulate an outage (the restart keeps the port).
 */
public final class TestRedis {
    private final Path dir;
    private final Path log;
    private final String givenPassword;
    private String host;
    private int port;
    private String password;

    private TestRedis(Path dir, Path log, String givenPassword) {
        this.dir = dir;
        this.log = log;
        this.givenPassword = givenPassword;
    }

    /** Starts a new server named after {@code name}, with a random password. */
    public static TestRedis start(String name) {
        return start(name, null);
    }

    /** Starts a new server named after {@code name} that requires {@code password} (null: a random one). */
    public static TestRedis start(String name, String password) {
        Path root = TestPostgres.repositoryRoot();
        String pid = String.valueOf(ProcessHandle.current().pid());
        TestRedis redis = new TestRedis(
                root.resolve("target/test-redis/" + name + "-" + pid),
                root.resolve("target/test-redis/" + name + "-" + pid + ".log"),
                password);
        redis.start();
        return redis;
    }

    /** (Re)starts the server; the same port and password as before when it ran already. */
    public void start() {
        String out = script(
                "start",
                dir.toString(),
                "--watch",
                String.valueOf(ProcessHandle.current().pid()),
                "--remove");
        String[] parts = out.substring(out.lastIndexOf('\n') + 1).split(" ");
        host = parts[0];
        port = Integer.parseInt(parts[1]);
        password = parts[2];
    }

    /** Stops the server (an outage); {@link #start} brings it back. */
    public void stop() {
        script("stop", dir.toString());
    }

    /** {@code redis://127.0.0.1:port}; the password is separate, as in the gateway's configuration. */
    public String url() {
        return "redis://" + host + ":" + port;
    }

    public String password() {
        return password;
    }

    private String script(String... args) {
        try {
            Files.createDirectories(log.getParent());
            String[] command = new String[args.length + 2];
            command[0] = "bash";
            command[1] = TestPostgres.repositoryRoot().resolve("scripts/redis").toString();
            System.arraycopy(args, 0, command, 2, args.length);
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (givenPassword != null) {
                builder.environment().put("NEWSGRAPH_REDIS_PASSWORD", givenPassword);
            }
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("scripts/redis " + args[0] + " failed: "
                        + Files.readString(log).trim());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("Could not run scripts/redis", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running scripts/redis", e);
        }
    }
}
