package io.sluice.connect.csv.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.testkit.ConnectClusterBuilder;
import io.sluice.testkit.ConnectClusterFixture;
import org.apache.kafka.connect.util.clusters.WorkerHandle;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV source as a user drives it over the Connect REST API: configurations with the documented keys as plain
 * strings (the connector's classes are not on the test classpath: the worker loads them from the plugin ZIP), and
 * the stop / resume / offsets calls.
 */
public final class CsvConnector {

    /** The connector class as a user names it. */
    public static final String CLASS = "io.sluice.connect.csv.CsvSourceConnector";

    private CsvConnector() {
    }

    /**
     * A cluster for the CSV source's tests: {@code plugin.discovery=service_load}, so that each worker finds the
     * connector through the ZIP's ServiceLoader manifests instead of scanning every class of the (large) test
     * classpath, which takes half a minute per worker on a busy CI machine. The packaging IT covers
     * {@code hybrid_fail}.
     */
    public static ConnectClusterBuilder clusterBuilder() {
        return ConnectClusterFixture.builder().workerProp("plugin.discovery", "service_load");
    }

    /**
     * One task reading {@code inputDir} into {@code topic}; files are taken as soon as two scans 250 ms apart see
     * them unchanged ({@code file.min.age.ms=0}: tests publish files by renaming complete ones).
     */
    public static Map<String, String> config(Path inputDir, String topic) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", CLASS);
        config.put("tasks.max", "1");
        config.put("input.paths", inputDir.toString());
        config.put("topic", topic);
        config.put("file.min.age.ms", "0");
        config.put("poll.interval.ms", "250");
        return config;
    }

    /**
     * Producer overrides that hold a task to a few thousand small records per second: batches of at most 1 KB (about
     * 8 rows), one request in flight (Connect's default), and a 16 KB buffer, so the task blocks in {@code send()}
     * soon after it gets ahead of the broker. A test can then stop a task or worker, which takes a second or two,
     * while a file of some ten thousand rows is still being read, without sleeping.
     */
    public static Map<String, String> throttled(Map<String, String> config) {
        Map<String, String> slow = new HashMap<>(config);
        slow.put("producer.override.batch.size", "1024");
        slow.put("producer.override.linger.ms", "0");
        slow.put("producer.override.buffer.memory", "16384");
        slow.put("batch.size", "200");
        return slow;
    }

    /** {@code PUT /connectors/{name}/stop}, then waits for STOPPED (no tasks). */
    public static void stop(ConnectClusterFixture cluster, String name) {
        cluster.rest().put("connectors/" + name + "/stop", null).ok();
        cluster.awaitStatus(name, s -> "STOPPED".equals(s.connector().state()) && s.tasks().isEmpty(),
                ConnectClusterFixture.DEFAULT_TIMEOUT, "STOPPED");
    }

    /** {@code PUT /connectors/{name}/resume}, then waits for the connector and {@code tasks} tasks RUNNING. */
    public static void resume(ConnectClusterFixture cluster, String name, int tasks) {
        cluster.rest().put("connectors/" + name + "/resume", null).ok();
        cluster.awaitRunning(name, tasks);
    }

    /** {@code PATCH /connectors/{name}/offsets} with {@code {"offsets": [{"partition": ..., "offset": ...}]}}. */
    public static JsonNode patchOffsets(ConnectClusterFixture cluster, String name,
                                        List<Map<String, Object>> partitionsAndOffsets) {
        return cluster.rest().send("PATCH", "connectors/" + name + "/offsets",
                Map.of("offsets", partitionsAndOffsets)).ok().json();
    }

    /** {@code {"partition": partition, "offset": offset}}; a null offset resets the partition. */
    public static Map<String, Object> offsetEntry(Map<String, ?> partition, Map<String, ?> offset) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("partition", partition);
        entry.put("offset", offset);
        return entry;
    }

    /**
     * The committed source partition of {@code file} ({@code {"path": ..., "file.id": ...}}) from
     * {@code GET /connectors/{name}/offsets}, or null when none is committed.
     */
    public static Map<String, ?> partitionOf(ConnectClusterFixture cluster, String name, Path file) {
        String path = file.toAbsolutePath().normalize().toString();
        return cluster.offsets(name).keySet().stream()
                .filter(p -> path.equals(p.get("path")))
                .findFirst().orElse(null);
    }

    /**
     * The committed offset of {@code file} from {@code GET /connectors/{name}/offsets}, or null when there is none
     * (or the worker cannot find it: it answers a null offset when the partition it reads back serializes
     * differently from the one the task wrote).
     */
    public static Map<String, ?> offsetOf(ConnectClusterFixture cluster, String name, Path file) {
        String path = file.toAbsolutePath().normalize().toString();
        return cluster.offsets(name).entrySet().stream()
                .filter(e -> path.equals(e.getKey().get("path")))
                .findFirst().map(Map.Entry::getValue).orElse(null);
    }

    /** Whether a committed offset says the file was read to the end. */
    public static boolean isEof(Map<String, ?> offset) {
        return offset != null && Boolean.TRUE.equals(offset.get("eof"));
    }

    /**
     * Stops the worker running task {@code task} and waits until that task is RUNNING on another worker. (Right
     * after a worker stops, the status topic may still say RUNNING on it, so waiting for RUNNING is not enough.)
     *
     * @param afterStop called once the worker has stopped, before the task is reassigned
     */
    public static void stopWorkerRunning(ConnectClusterFixture cluster, String name, int task, Runnable afterStop) {
        WorkerHandle busy = cluster.workerRunning(name, task);
        String stoppedPort = ":" + busy.url().getPort();
        cluster.stopWorker(busy);
        afterStop.run();
        cluster.awaitStatus(name, s -> s.tasks().stream().anyMatch(t -> t.id() == task
                        && "RUNNING".equals(t.state()) && !t.workerId().endsWith(stoppedPort)),
                timeout(), "task " + task + " RUNNING on a worker other than the stopped one" + stoppedPort);
    }

    /** Starts workers until the cluster has {@code count}, e.g. after a test stopped one. */
    public static void ensureWorkers(ConnectClusterFixture cluster, int count) {
        while (cluster.workers().size() < count) {
            cluster.addWorker();
        }
    }

    /** A number in a committed offset (it may come back as an Integer or a Long), or null when absent. */
    public static Long offsetNumber(Map<String, ?> offset, String key) {
        Object value = offset == null ? null : offset.get(key);
        return value instanceof Number n ? n.longValue() : null;
    }

    /** A timeout scaled for the shared CI machine. */
    public static Duration timeout() {
        return Duration.ofSeconds(90);
    }
}
