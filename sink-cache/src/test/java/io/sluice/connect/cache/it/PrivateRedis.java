package io.sluice.connect.cache.it;

import io.sluice.testkit.ConnectClusterFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

/**
 * A {@code redis-server} process of a test's own, on a free port with an append-only file in a temporary
 * directory, so the test may stop and restart it without disturbing the shared server other tests use. It is
 * stopped with SIGTERM, on which Redis flushes its append-only file: every acknowledged write survives a restart.
 */
public final class PrivateRedis implements AutoCloseable {

    private static final String BINARY = "redis-server";

    private final int port;
    private final Path dir;
    private final String password;
    private Process process;

    private PrivateRedis(int port, Path dir, String password) {
        this.port = port;
        this.dir = dir;
        this.password = password;
    }

    /** Starts a server on a free port, keeping its data in {@code dir}, and waits until it answers. */
    public static PrivateRedis start(Path dir) {
        return start(dir, null);
    }

    /** Like {@link #start(Path)}, with {@code requirepass} set to {@code password} when it is not null. */
    public static PrivateRedis start(Path dir, String password) {
        PrivateRedis redis = new PrivateRedis(freePort(), dir, password);
        redis.startProcess();
        return redis;
    }

    /** @return {@code redis://127.0.0.1:<port>/0} */
    public String uri() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    /** @return a new client; the caller closes it */
    public Jedis jedis() {
        Jedis jedis = new Jedis("127.0.0.1", port, 5000);
        if (password != null) {
            jedis.auth(password);
        }
        return jedis;
    }

    /** Stops the server with SIGTERM and waits for the process to exit. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("redis-server on port " + port + " did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping redis-server", e);
        } finally {
            process = null;
        }
    }

    /** Starts the server again on the same port and data directory, and waits until it answers. */
    public void restart() {
        stop();
        startProcess();
    }

    private void startProcess() {
        List<String> command = new ArrayList<>(List.of(binary(), "--port", Integer.toString(port), "--save", "",
                "--appendonly", "yes", "--dir", dir.toString(), "--bind", "127.0.0.1"));
        if (password != null) {
            command.addAll(List.of("--requirepass", password));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis-" + port + ".log").toFile());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + BINARY + " from the PATH: install redis-server", e);
        }
        ConnectClusterFixture.await(this::answers, Duration.ofSeconds(30),
                () -> "redis-server on port " + port + " did not answer PING; see " + dir);
    }

    private boolean answers() {
        try (Jedis jedis = jedis()) {
            return "PONG".equals(jedis.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** @return redis-server as found on the PATH, wherever the machine installed it */
    private static String binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, BINARY);
            if (java.nio.file.Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(BINARY + " is not on the PATH (" + System.getenv("PATH")
                + "): install Redis, e.g. apt-get install redis-server");
    }
}
