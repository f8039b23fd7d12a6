package io.sluice.connect.redis.it;

import io.sluice.testkit.ConnectClusterBuilder;
import io.sluice.testkit.ConnectClusterFixture;
import io.sluice.testkit.RedisFixture;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The Redis Streams source as a user drives it over the Connect REST API: configurations with the documented keys as
 * plain strings (the connector's classes are not on the test classpath: the worker loads them from the plugin ZIP).
 */
public final class RedisSource {

    /** The connector class as a user names it. */
    public static final String CLASS = "io.sluice.connect.redis.RedisStreamSourceConnector";

    private RedisSource() {
    }

    /** A cluster whose workers find the connector through the ZIP's ServiceLoader manifests. */
    public static ConnectClusterBuilder clusterBuilder() {
        return ConnectClusterFixture.builder().workerProp("plugin.discovery", "service_load");
    }

    /** One task reading {@code streams} (comma-separated) of the shared test server in offset mode. */
    public static Map<String, String> config(String streams, String topic) {
        return config(RedisFixture.get().uri(), streams, topic);
    }

    /** One task reading {@code streams} (comma-separated) of the server at {@code uri} in offset mode. */
    public static Map<String, String> config(String uri, String streams, String topic) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", CLASS);
        config.put("tasks.max", "1");
        config.put("redis.uri", uri);
        String password = RedisFixture.get().password();
        if (password != null && !password.isEmpty()) {
            config.put("redis.password", password);
        }
        config.put("streams", streams);
        config.put("topic", topic);
        config.put("poll.block.ms", "200");
        return config;
    }

    /** The same in group mode, with the group {@code group}. */
    public static Map<String, String> groupConfig(String streams, String topic, String group) {
        Map<String, String> config = config(streams, topic);
        config.put("delivery.mode", "group");
        config.put("group.name", group);
        return config;
    }

    /**
     * Producer overrides that hold a task to a few thousand small records per second, so that a test can restart a
     * task while a long stream is still being read, without sleeping.
     */
    public static Map<String, String> throttled(Map<String, String> config) {
        Map<String, String> slow = new HashMap<>(config);
        slow.put("producer.override.batch.size", "1024");
        slow.put("producer.override.linger.ms", "0");
        slow.put("producer.override.buffer.memory", "16384");
        slow.put("batch.size", "100");
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

    /** A timeout scaled for the shared CI machine. */
    public static Duration timeout() {
        return Duration.ofSeconds(90);
    }
}
