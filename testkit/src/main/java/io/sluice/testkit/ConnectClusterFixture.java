package io.sluice.testkit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffsets;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.apache.kafka.test.TestCondition;
import org.apache.kafka.test.TestUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A running Kafka + Connect cluster (distributed mode, in this JVM) whose workers load the built plugin ZIPs
 * from {@code plugin.path} (with {@code plugin.discovery=hybrid_fail} unless the builder says otherwise), exactly
 * as a user's worker would.
 *
 * <p>Tests talk to connectors through the REST API only. Build one with {@link #builder()}, usually through
 * {@link ConnectClusterExtension} so that a test class shares one cluster.
 */
public final class ConnectClusterFixture implements AutoCloseable {

    /** How long the helpers wait by default for connectors, tasks, workers and records. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedConnectCluster cluster;
    private final Path pluginPath;
    private final List<Path> installedPlugins;
    private final Map<String, String> workerProps;
    private final ConnectRest rest;
    private final TopicReader reader;

    ConnectClusterFixture(EmbeddedConnectCluster cluster, Path pluginPath, List<Path> installedPlugins,
                          Map<String, String> workerProps) {
        this.cluster = cluster;
        this.pluginPath = pluginPath;
        this.installedPlugins = List.copyOf(installedPlugins);
        this.workerProps = workerProps;
        this.rest = new ConnectRest(this::restUrl);
        this.reader = new TopicReader(cluster.kafka().bootstrapServers(), this::describeConnectors);
    }

    /** A builder with one worker, one broker and the ZIPs named by {@value PluginZips#ZIPS_PROPERTY}. */
    public static ConnectClusterBuilder builder() {
        return new ConnectClusterBuilder();
    }

    /** The underlying cluster, for anything the helpers here do not cover. */
    public EmbeddedConnectCluster cluster() {
        return cluster;
    }

    /** The worker {@code plugin.path} directory. */
    public Path pluginPath() {
        return pluginPath;
    }

    /** One directory per installed ZIP, below {@link #pluginPath()}. */
    public List<Path> installedPlugins() {
        return installedPlugins;
    }

    /**
     * The properties every worker of this cluster runs with, as the cluster completed them at start:
     * {@code bootstrap.servers}, {@code group.id}, the internal topics and their replication factors, the
     * converters, {@code plugin.path} and the builder's settings. A worker started elsewhere with these (and its
     * own {@code listeners}) joins the same Connect group: see {@link ChildWorker}.
     */
    public Map<String, String> workerProps() {
        return Map.copyOf(workerProps);
    }

    /** The Kafka cluster's bootstrap servers. */
    public String bootstrapServers() {
        return cluster.kafka().bootstrapServers();
    }

    /** The REST root of a running worker, such as {@code http://localhost:41234/}. */
    public URI restUrl() {
        return cluster.workers().stream()
                .map(WorkerHandle::url)
                .min(Comparator.comparing(URI::toString))
                .orElseThrow(() -> new IllegalStateException("No Connect worker is running"));
    }

    /** A plain HTTP client for the REST API (status codes and JSON bodies as a user sees them). */
    public ConnectRest rest() {
        return rest;
    }

    // ------------------------------------------------------------------ topics and records

    /** Creates {@code topic} with {@code partitions} partitions and replication factor 1. */
    public void createTopic(String topic, int partitions) {
        cluster.kafka().createTopic(topic, partitions);
    }

    /** See {@link TopicReader#consumeExactly(String, int, Duration)}. */
    public List<ConsumerRecord<byte[], byte[]>> consumeExactly(String topic, int expected, Duration timeout) {
        return reader.consumeExactly(topic, expected, timeout);
    }

    /** See {@link TopicReader#consumeExactly(String, int, Duration, Duration)}. */
    public List<ConsumerRecord<byte[], byte[]>> consumeExactly(String topic, int expected, Duration timeout,
                                                               Duration settle) {
        return reader.consumeExactly(topic, expected, timeout, settle);
    }

    /** See {@link TopicReader#consumeAll(String, Duration)}. */
    public List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic, Duration timeout) {
        return reader.consumeAll(topic, timeout);
    }

    // ------------------------------------------------------------------ connectors

    /** Creates or reconfigures {@code name} through {@code PUT /connectors/{name}/config}. */
    public void createConnector(String name, Map<String, String> config) {
        cluster.configureConnector(name, config);
    }

    /** Deletes {@code name} and waits until the cluster no longer lists it. */
    public void deleteConnector(String name) {
        cluster.deleteConnector(name);
        await(() -> !cluster.connectors().contains(name), DEFAULT_TIMEOUT,
                () -> "Connector " + name + " still exists after DELETE");
    }

    /** Deletes every connector, for a clean slate between tests sharing a cluster. */
    public void deleteAllConnectors() {
        for (String name : cluster.connectors()) {
            deleteConnector(name);
        }
    }

    /** The connector's status, or null when the cluster does not know it yet. */
    public ConnectorStateInfo status(String name) {
        try {
            return cluster.connectorStatus(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Waits until the connector and exactly {@code tasks} tasks are RUNNING. */
    public void awaitRunning(String name, int tasks) {
        awaitRunning(name, tasks, DEFAULT_TIMEOUT);
    }

    /** Waits until the connector and exactly {@code tasks} tasks are RUNNING. */
    public void awaitRunning(String name, int tasks, Duration timeout) {
        awaitStatus(name, s -> "RUNNING".equals(s.connector().state()) && s.tasks().size() == tasks
                && s.tasks().stream().allMatch(t -> "RUNNING".equals(t.state())),
                timeout, "connector and " + tasks + " task(s) RUNNING");
    }

    /** Waits until at least one task of the connector is FAILED, and returns the status then. */
    public ConnectorStateInfo awaitTaskFailed(String name, Duration timeout) {
        return awaitStatus(name, s -> s.tasks().stream().anyMatch(t -> "FAILED".equals(t.state())),
                timeout, "a FAILED task");
    }

    /** Waits until the status satisfies {@code condition}, failing with every connector's status. */
    public ConnectorStateInfo awaitStatus(String name, Predicate<ConnectorStateInfo> condition, Duration timeout,
                                          String description) {
        ConnectorStateInfo[] last = new ConnectorStateInfo[1];
        await(() -> {
            last[0] = status(name);
            return last[0] != null && condition.test(last[0]);
        }, timeout, () -> "Connector " + name + " did not reach: " + description + " within " + timeout
                + "\n" + describeConnectors());
        return last[0];
    }

    /** Restarts every task of the connector (and the connector) through the REST API. */
    public void restartTasks(String name) {
        cluster.restartConnectorAndTasks(name, false, true, false);
    }

    /** Restarts one task through {@code POST /connectors/{name}/tasks/{task}/restart}. */
    public void restartTask(String name, int task) {
        cluster.restartTask(name, task);
    }

    /**
     * The committed source offsets ({@code GET /connectors/{name}/offsets}), partition to offset. Partitions
     * whose offset was deleted ({@code DELETE /connectors/{name}/offsets} writes a null offset, which the
     * endpoint still lists) are left out.
     */
    public Map<Map<String, ?>, Map<String, ?>> offsets(String name) {
        ConnectorOffsets offsets = cluster.connectorOffsets(name);
        Map<Map<String, ?>, Map<String, ?>> committed = new LinkedHashMap<>();
        offsets.offsets().stream().filter(o -> o.offset() != null)
                .forEach(o -> committed.put(o.partition(), o.offset()));
        return committed;
    }

    /** Every connector with its state, tasks, worker and the trace of any failure: for failure messages. */
    public String describeConnectors() {
        try {
            return cluster.connectors().stream().sorted().map(this::describe).collect(Collectors.joining("\n"));
        } catch (RuntimeException e) {
            return "(connector states unavailable: " + e + ")";
        }
    }

    private String describe(String name) {
        ConnectorStateInfo s = status(name);
        if (s == null) {
            return name + ": no status";
        }
        StringBuilder text = new StringBuilder(name).append(": ").append(s.connector().state())
                .append(" on ").append(s.connector().workerId()).append(trace(s.connector().trace()));
        s.tasks().forEach(t -> text.append("\n  task ").append(t.id()).append(": ").append(t.state())
                .append(" on ").append(t.workerId()).append(trace(t.trace())));
        return text.toString();
    }

    private static String trace(String trace) {
        return trace == null || trace.isEmpty() ? "" : "\n    " + trace.replace("\n", "\n    ");
    }

    // ------------------------------------------------------------------ workers

    /** The running workers. */
    public Set<WorkerHandle> workers() {
        return cluster.workers();
    }

    /** The worker that currently runs {@code task} of {@code connector}. */
    public WorkerHandle workerRunning(String connector, int task) {
        // Right after a worker stops, the status topic may still show its tasks RUNNING on it: wait until the task
        // runs on a worker that is up.
        ConnectorStateInfo s = awaitStatus(connector, st -> st.tasks().stream()
                        .anyMatch(t -> t.id() == task && "RUNNING".equals(t.state()) && runningWorker(t.workerId()) != null),
                DEFAULT_TIMEOUT, "task " + task + " running on a live worker");
        String workerId = s.tasks().stream().filter(t -> t.id() == task).findFirst().orElseThrow().workerId();
        return runningWorker(workerId);
    }

    private WorkerHandle runningWorker(String workerId) {
        return workers().stream().filter(w -> w.url() != null && workerId.endsWith(":" + w.url().getPort()))
                .findFirst().orElse(null);
    }

    /**
     * Stops a worker as an operator would stop its process: the worker leaves the group, its tasks stop
     * within {@code task.shutdown.graceful.timeout.ms}, and the others take over its work after
     * {@code scheduled.rebalance.max.delay.ms}. (An in-process worker cannot be SIGKILLed.)
     */
    public void stopWorker(WorkerHandle worker) {
        int before = workers().size();
        // A stopped worker's toString() fails (its REST port is gone): name it while it runs.
        String name = worker.url().toString();
        cluster.removeWorker(worker);
        await(() -> workers().size() == before - 1, DEFAULT_TIMEOUT, () -> "Worker " + name + " did not stop");
    }

    /** Starts one more worker with the same configuration and waits until it answers. */
    public WorkerHandle addWorker() {
        WorkerHandle worker = cluster.addWorker();
        await(() -> cluster.isHealthy(worker), DEFAULT_TIMEOUT, () -> "Worker " + worker + " did not become healthy");
        return worker;
    }

    /** Stops the worker and starts a fresh one in its place (same configuration, new REST port). */
    public WorkerHandle restartWorker(WorkerHandle worker) {
        stopWorker(worker);
        return addWorker();
    }

    // ------------------------------------------------------------------ lifecycle

    /** Stops every worker and broker and deletes the plugin directory. */
    @Override
    public void close() {
        try {
            cluster.stop();
        } finally {
            deleteRecursively(pluginPath);
        }
    }

    /** Waits for {@code condition} (exceptions count as "not yet"), failing with {@code message}. */
    public static void await(TestCondition condition, Duration timeout, Supplier<String> message) {
        try {
            TestUtils.waitForCondition(condition, timeout.toMillis(), message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(paths.toList());
            all.sort(Comparator.reverseOrder());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}
