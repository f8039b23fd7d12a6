package io.sluice.testkit;

import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Configures and starts a {@link ConnectClusterFixture}.
 *
 * <p>Worker defaults differ from Connect's where Connect's would make tests slow or opaque: offsets are
 * flushed every second, a lost worker's tasks are reassigned after one second instead of five minutes, and
 * keys and values are written as schemaless JSON so tests can read them back.
 */
public final class ConnectClusterBuilder {

    private static final String JSON_CONVERTER = "org.apache.kafka.connect.json.JsonConverter";

    private String name = "sluice-" + UUID.randomUUID().toString().substring(0, 8);
    private int workers = 1;
    private int brokers = 1;
    private boolean exactlyOnceSource;
    private String pluginDiscovery = "hybrid_fail";
    private Duration offsetFlushInterval = Duration.ofSeconds(1);
    private Duration rebalanceDelay = Duration.ofSeconds(1);
    private List<Path> pluginZips;
    private final Map<String, String> extraWorkerProps = new HashMap<>();

    ConnectClusterBuilder() {
    }

    /** A name for the cluster, used in its internal topic names. */
    public ConnectClusterBuilder name(String name) {
        this.name = name;
        return this;
    }

    /** Number of Connect workers (default 1). */
    public ConnectClusterBuilder workers(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
        this.workers = workers;
        return this;
    }

    /** Number of Kafka brokers (default 1). */
    public ConnectClusterBuilder brokers(int brokers) {
        if (brokers < 1) {
            throw new IllegalArgumentException("brokers must be at least 1");
        }
        this.brokers = brokers;
        return this;
    }

    /** Runs the workers with {@code exactly.once.source.support=enabled}. */
    public ConnectClusterBuilder exactlyOnceSource() {
        this.exactlyOnceSource = true;
        return this;
    }

    /**
     * The worker's {@code plugin.discovery}. The default, {@code hybrid_fail}, refuses to start when a plugin
     * lacks its ServiceLoader manifest, but scans every class on the test classpath once per plugin directory
     * and worker (tens of seconds on a busy machine); {@code service_load} reads only the manifests.
     */
    public ConnectClusterBuilder pluginDiscovery(String mode) {
        this.pluginDiscovery = mode;
        return this;
    }

    /** The worker's {@code offset.flush.interval.ms} (default 1 s). */
    public ConnectClusterBuilder offsetFlushInterval(Duration interval) {
        this.offsetFlushInterval = interval;
        return this;
    }

    /** The worker's {@code scheduled.rebalance.max.delay.ms}: how long a lost worker's tasks wait (default 1 s). */
    public ConnectClusterBuilder rebalanceDelay(Duration delay) {
        this.rebalanceDelay = delay;
        return this;
    }

    /** One more worker property; it wins over every default here. */
    public ConnectClusterBuilder workerProp(String key, String value) {
        extraWorkerProps.put(key, value);
        return this;
    }

    /** More worker properties; they win over every default here. */
    public ConnectClusterBuilder workerProps(Map<String, String> props) {
        extraWorkerProps.putAll(props);
        return this;
    }

    /**
     * The ZIPs to install instead of those named by {@value PluginZips#ZIPS_PROPERTY}; an empty list gives a
     * worker with only the plugins of its own classpath.
     */
    public ConnectClusterBuilder pluginZips(List<Path> zips) {
        this.pluginZips = List.copyOf(zips);
        return this;
    }

    /** The worker properties this builder would use with the given plugin path. */
    public Map<String, String> workerProps(Path pluginPath) {
        Map<String, String> props = new HashMap<>();
        props.put("plugin.path", pluginPath.toString());
        props.put("plugin.discovery", pluginDiscovery);
        props.put("offset.flush.interval.ms", Long.toString(offsetFlushInterval.toMillis()));
        props.put("scheduled.rebalance.max.delay.ms", Long.toString(rebalanceDelay.toMillis()));
        props.put("key.converter", JSON_CONVERTER);
        props.put("key.converter.schemas.enable", "false");
        props.put("value.converter", JSON_CONVERTER);
        props.put("value.converter.schemas.enable", "false");
        if (exactlyOnceSource) {
            props.put("exactly.once.source.support", "enabled");
        }
        props.putAll(extraWorkerProps);
        return props;
    }

    /** Unpacks the ZIPs, starts the brokers and workers, and waits until every worker answers. */
    public ConnectClusterFixture start() {
        List<Path> zips = pluginZips != null ? pluginZips : PluginZips.fromSystemProperty();
        Path pluginPath = createPluginPath();
        EmbeddedConnectCluster cluster = null;
        try {
            List<Path> installed = PluginZips.installAll(zips, pluginPath);
            // EmbeddedConnectCluster completes this very map at start (bootstrap.servers, group.id, the internal
            // topics): the fixture keeps it so that a worker in another process can join the same group.
            Map<String, String> props = workerProps(pluginPath);
            cluster = new EmbeddedConnectCluster.Builder()
                    .name(name)
                    .numWorkers(workers)
                    .numBrokers(brokers)
                    .brokerProps(brokerProps())
                    .workerProps(props)
                    .maskExitProcedures(true)
                    .build();
            cluster.start();
            cluster.assertions().assertAtLeastNumWorkersAreUp(workers, "Connect workers did not start");
            return new ConnectClusterFixture(cluster, pluginPath, installed, props);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly(cluster, pluginPath);
            throw new IllegalStateException("Interrupted while starting the Connect cluster", e);
        } catch (RuntimeException | Error e) {
            stopQuietly(cluster, pluginPath);
            throw new IllegalStateException("Connect cluster did not start with plugin.path " + pluginPath
                    + " holding " + zips + ": " + e.getMessage(), e);
        }
    }

    private Properties brokerProps() {
        String replicas = Integer.toString(Math.min(brokers, 3));
        Properties props = new Properties();
        // Exactly-once source tasks need the transaction log; on a small cluster its defaults cannot be met.
        props.put("transaction.state.log.replication.factor", replicas);
        props.put("transaction.state.log.min.isr", "1");
        props.put("offsets.topic.replication.factor", replicas);
        props.put("auto.create.topics.enable", "true");
        return props;
    }

    private static Path createPluginPath() {
        try {
            return Files.createTempDirectory("sluice-plugin-path-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a plugin.path directory", e);
        }
    }

    private static void stopQuietly(EmbeddedConnectCluster cluster, Path pluginPath) {
        try {
            if (cluster != null) {
                cluster.stop();
            }
        } catch (RuntimeException ignored) {
            // The start failure is the error worth reporting.
        } finally {
            ConnectClusterFixture.deleteRecursively(pluginPath);
        }
    }
}
