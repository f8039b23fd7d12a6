package io.sluice.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.rest.errors.ConnectRestException;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * A source connector created through the worker's REST API on a fresh topic. A failed connector
 * or task ends the case at once with the worker's trace instead of waiting out the timeout.
 */
public final class ConnectorCase implements BenchCase {

    private static final long STATUS_INTERVAL_NANOS = 1_000_000_000L;
    private static final long STOP_TIMEOUT_NANOS = 30_000_000_000L;
    private static final int HTTP_NOT_FOUND = 404;

    private final Kind kind;
    private final String description;
    private final long expectedRecords;
    private final long tailTolerance;
    private final Map<String, String> config;
    private final String topicKey;
    private final EmbeddedConnectCluster connect;
    private String name;
    private long lastStatusCheck;
    private String failure;

    /**
     * A case creating a connector with {@code config} (the topic is added at start).
     *
     * @param description what the table shows for it
     * @param tailTolerance see {@link BenchCase#tailTolerance()}
     * @param topicKey the connector's config key naming its output topic
     */
    public ConnectorCase(Kind kind, String description, long expectedRecords, long tailTolerance,
                         Map<String, String> config, String topicKey, EmbeddedConnectCluster connect) {
        this.kind = kind;
        this.description = description;
        this.expectedRecords = expectedRecords;
        this.tailTolerance = tailTolerance;
        this.config = Map.copyOf(config);
        this.topicKey = topicKey;
        this.connect = connect;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public long expectedRecords() {
        return expectedRecords;
    }

    @Override
    public long tailTolerance() {
        return tailTolerance;
    }

    @Override
    public void start(String topic) {
        start(topic, topic);
    }

    /**
     * Creates the connector as {@code connectorName}. Sink cases that read one topic need a name of their own
     * each: the name is the consumer group, and a group that already read the topic would start at its end.
     */
    public void start(String topic, String connectorName) {
        Map<String, String> props = new LinkedHashMap<>(config);
        props.put(topicKey, topic);
        connect.configureConnector(connectorName, props);
        // Set only once the worker has accepted it: a rejected connector has nothing to delete.
        name = connectorName;
    }

    @Override
    public Optional<String> failure() {
        if (failure != null || name == null) {
            return Optional.ofNullable(failure);
        }
        long now = System.nanoTime();
        if (now - lastStatusCheck < STATUS_INTERVAL_NANOS) {
            return Optional.empty();
        }
        lastStatusCheck = now;
        ConnectorStateInfo status;
        try {
            status = connect.connectorStatus(name);
        } catch (RuntimeException e) {
            return Optional.empty(); // not registered yet: the worker is still creating it
        }
        if ("FAILED".equals(status.connector().state())) {
            failure = "connector " + name + " failed: " + status.connector().trace();
        }
        for (ConnectorStateInfo.TaskState task : status.tasks()) {
            if ("FAILED".equals(task.state())) {
                failure = "task " + name + "-" + task.id() + " failed: " + task.trace();
            }
        }
        return Optional.ofNullable(failure);
    }

    @Override
    public void stop() {
        if (name == null) {
            return;
        }
        connect.deleteConnector(name);
        // The next case must not share the CPU with this connector's task winding down, nor wait for it: the
        // worker's herder thread stops the task before it handles the next connector's creation, and a task
        // may take a while to stop (FileStreamSourceTask finishes its 1 s wait at end of file first). The
        // connector's config is gone at once, but its status only once the herder has stopped its tasks.
        long deadline = System.nanoTime() + STOP_TIMEOUT_NANOS;
        while (hasStatus()) {
            if (System.nanoTime() > deadline) {
                System.err.println("Connector " + name + " still has a status 30 s after it was deleted; the next case "
                    + "may start while its task is still stopping");
                return;
            }
            LockSupport.parkNanos(STATUS_INTERVAL_NANOS / 50);
        }
    }

    private boolean hasStatus() {
        try {
            connect.connectorStatus(name);
            return true;
        } catch (ConnectRestException e) {
            if (e.statusCode() == HTTP_NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }
}
