package io.sluice.connect.redis.it;

import io.sluice.testkit.ConnectClusterFixture;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@code redis-server} process of a test's own, on a free port, that the test may restart: unlike the shared server
 * on 6379, which other tests use. It writes an append-only file into a temporary directory, so entries survive a
 * restart ({@code SHUTDOWN} syncs it), and no RDB snapshots.
 */
public final class PrivateRedisServer implements AutoCloseable {

    /** The binary the Debian package installs. */
    public static final String BINARY = "/usr/bin/redis-server";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Path dir;
    private final int port;
    private Process process;

    private PrivateRedisServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts a server on a free port and waits until it answers PING. */
    public static PrivateRedisServer start() {
        try {
            Path dir = Files.createTempDirectory("sluice-redis-");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            PrivateRedisServer server = new PrivateRedisServer(dir, port);
            server.launch();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + BINARY, e);
        }
    }

    private void launch() throws IOException {
        process = new ProcessBuilder(List.of(BINARY, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "yes", "--dir", dir.toString(), "--daemonize", "no"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()))
                .start();
        ConnectClusterFixture.await(this::answers, START_TIMEOUT,
                () -> BINARY + " on port " + port + " did not answer PING; see " + dir.resolve("redis.log"));
    }

    private boolean answers() {
        if (!process.isAlive()) {
            throw new IllegalStateException(BINARY + " exited with " + process.exitValue() + "; see "
                    + dir.resolve("redis.log"));
        }
        try (Jedis jedis = jedis()) {
            return "PONG".equals(jedis.ping());
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /** A new client; the caller closes it. */
    public Jedis jedis() {
        return new Jedis(new HostAndPort("127.0.0.1", port), DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(2000).socketTimeoutMillis(5000).build());
    }

    /** {@code redis://127.0.0.1:<port>/0}. */
    public String uri() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    /** Shuts the server down (syncing its append-only file) and starts it again on the same port and data. */
    public void restart() {
        shutdown();
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restart " + BINARY, e);
        }
    }

    private void shutdown() {
        if (process == null || !process.isAlive()) {
            return;
        }
        try (Jedis jedis = jedis()) {
            jedis.shutdown();
        } catch (RuntimeException connectionClosedByShutdown) {
            // the server closes the connection as it exits
        }
        try {
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Stops the server and deletes its data. */
    @Override
    public void close() {
        shutdown();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}
