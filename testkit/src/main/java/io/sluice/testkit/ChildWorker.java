package io.sluice.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A Connect worker in a child JVM that joins the group of a {@link ConnectClusterFixture}'s in-process workers,
 * so that a test can kill it with SIGKILL: no graceful stop, no last offset commit, no leaving the group. (An
 * in-process worker can only be stopped politely.)
 *
 * <p>The child runs {@code org.apache.kafka.connect.cli.ConnectDistributed} on this JVM's classpath with the
 * fixture's {@link ConnectClusterFixture#workerProps() worker properties} and its own REST listener on
 * {@code 127.0.0.1}. Its console goes to {@code target/child-worker-<port>.out}, its log (the testkit's
 * {@code log4j2-test.xml}) to {@code target/child-worker-<port>.log}.
 *
 * <pre>{@code
 * try (ChildWorker child = ChildWorker.start(cluster)) {
 *     ... // a task runs on the child: child.runs(status.tasks().get(0).workerId())
 *     child.kill();
 * }
 * }</pre>
 */
public final class ChildWorker implements AutoCloseable {

    private static final String MAIN_CLASS = "org.apache.kafka.connect.cli.ConnectDistributed";
    private static final List<String> REQUIRED = List.of("bootstrap.servers", "group.id", "config.storage.topic",
            "offset.storage.topic", "status.storage.topic");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path output;
    private final Path log;
    private final ConnectRest rest;
    private final Thread killOnExit;

    private ChildWorker(Process process, int port, Path output, Path log) {
        this.process = process;
        this.port = port;
        this.output = output;
        this.log = log;
        this.rest = new ConnectRest(this::url);
        // A test JVM that dies without close() must not leave a worker behind in the group.
        this.killOnExit = new Thread(process::destroyForcibly, "kill-child-worker-" + port);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts a worker in a child JVM that joins {@code cluster}'s Connect group, and waits until its REST API
     * answers {@code GET /health} with 200.
     *
     * @throws IllegalStateException when the child exits or does not become healthy in time (with the end of
     *                               its output)
     */
    public static ChildWorker start(ConnectClusterFixture cluster) {
        Map<String, String> props = new TreeMap<>(cluster.workerProps());
        List<String> missing = REQUIRED.stream().filter(k -> !props.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The cluster's worker properties lack " + missing
                    + ": EmbeddedConnectCluster no longer completes the map it is given; set them in the builder");
        }
        int port = freePort();
        props.put("listeners", "http://127.0.0.1:" + port);
        props.remove("rest.advertised.host.name");
        props.remove("rest.advertised.port");

        Path dir = Path.of("target").toAbsolutePath();
        String base = "child-worker-" + port;
        Path workerProperties = dir.resolve(base + ".properties");
        Path output = dir.resolve(base + ".out");
        Path log = dir.resolve(base + ".log");
        write(workerProperties, props);

        ProcessBuilder command = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-Dsluice.it.log=" + log,
                "-cp", System.getProperty("java.class.path"),
                MAIN_CLASS,
                workerProperties.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Process process;
        try {
            process = command.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a Connect worker JVM", e);
        }
        ChildWorker worker = new ChildWorker(process, port, output, log);
        try {
            worker.awaitHealthy();
            return worker;
        } catch (RuntimeException | Error e) {
            worker.close();
            throw e;
        }
    }

    /** The worker's REST root, such as {@code http://127.0.0.1:41234/}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** The worker's REST port. */
    public int port() {
        return port;
    }

    /** A client for this worker's REST API (answers only while the worker runs). */
    public ConnectRest rest() {
        return rest;
    }

    /** Whether {@code workerId}, as a connector or task status names it, is this worker. */
    public boolean runs(String workerId) {
        return workerId != null && workerId.endsWith(":" + port);
    }

    /** Whether the child process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The child's console output (stdout and stderr). */
    public Path output() {
        return output;
    }

    /** The child's log file (INFO and up). */
    public Path log() {
        return log;
    }

    /** Kills the worker with SIGKILL and waits until the process has exited. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Child worker " + port + " (pid " + process.pid()
                        + ") did not exit within " + EXIT_TIMEOUT + " of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing child worker " + port, e);
        }
    }

    /** Kills the worker if it still runs. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                kill();
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException shuttingDown) {
                // The hook runs anyway.
            }
        }
    }

    @Override
    public String toString() {
        return "child worker " + url() + " (pid " + process.pid() + ")";
    }

    private void awaitHealthy() {
        // A refused connection counts as "not yet"; a dead process ends the wait at once.
        ConnectClusterFixture.await(() -> !process.isAlive() || rest.get("health").status() == 200, START_TIMEOUT,
                () -> "Child worker " + url() + " did not become healthy within " + START_TIMEOUT + "; its output "
                        + output + " ends:\n" + tail());
        if (!process.isAlive()) {
            throw new IllegalStateException("Child worker exited with code " + process.exitValue()
                    + " before its REST API answered; its output " + output + " ends:\n" + tail());
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for a child worker", e);
        }
    }

    private static void write(Path file, Map<String, String> props) {
        Properties properties = new Properties();
        properties.putAll(props);
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                properties.store(out, "Connect worker joining the fixture's group");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
