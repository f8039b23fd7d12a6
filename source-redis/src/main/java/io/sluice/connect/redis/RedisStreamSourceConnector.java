package io.sluice.connect.redis;

import io.sluice.connect.common.Version;
import io.sluice.connect.common.config.ConfigEnums;
import io.sluice.connect.common.health.HealthRegistry;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Redis Streams into Kafka.
 *
 * <p><b>Streams and tasks.</b> The streams are listed ({@code streams}) or found by a pattern
 * ({@code streams.pattern}, {@code SCAN ... TYPE stream}), which a monitor thread evaluates again every
 * {@code streams.discovery.interval.ms}, asking Connect to reassign the tasks when the set changes. Each stream is its
 * own source partition {@code {"stream": <key>}}. See {@link TaskAssignment} for how streams map to tasks.
 *
 * <p><b>Start</b>: {@code start.id=latest} applies to the streams that exist when the connector starts: their last
 * entry ids are looked up once here and handed to the tasks as concrete ids. Streams appearing later, and consumer
 * groups created again after they were lost, start at {@code 0-0}, so no entry written meanwhile is skipped.
 *
 * <p><b>Offset mode</b> ({@code delivery.mode=offset}): the offset {@code {"v": 1, "id": "<entry id>"}} is the last
 * entry handed to Connect; a task resumes after it. Exactly once with {@code exactly.once.source.support=enabled}.
 *
 * <p><b>Group mode</b> ({@code delivery.mode=group}): one consumer per task in a consumer group; an entry is
 * acknowledged only once Kafka has its record, and entries left pending by dead consumers are reclaimed. At least
 * once: a task that stops between Kafka's acknowledgement and {@code XACK} delivers those entries again.
 */
public class RedisStreamSourceConnector extends SourceConnector {

    private static final Logger log = LoggerFactory.getLogger(RedisStreamSourceConnector.class);

    private Map<String, String> props;
    private RedisStreamSourceConfig config;
    private StreamMonitor monitor;
    private HealthRegistry.Registration health;
    /** The ids {@code start.id=latest} stands for, by stream: fixed once here, for the streams that exist now. */
    private Map<String, StreamEntryID> startIds = Map.of();

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        Map<String, String> effective = RedisStreamSourceConfig.ALIASES.apply(props);
        config = new RedisStreamSourceConfig(effective);
        this.props = Map.copyOf(effective);
        monitor = new StreamMonitor(config, new StreamDiscovery(config), context);
        monitor.start();
        if (config.startPosition().latest()) {
            if (monitor.lastError() != null) {
                // without the streams that exist now, every stream would later count as new and be read in full
                monitor.stop();
                throw new ConnectException("RedisStreamSourceConnector " + config.connectorName() + " cannot find "
                        + "the streams matching '" + config.streamsPattern() + "' to resolve start.id=latest: "
                        + monitor.lastError() + ". Restart the connector once Redis at " + config.endpoint()
                        + " answers");
            }
            startIds = LatestIds.resolve(config, monitor.streams());
        }
        health = HealthRegistry.register(config.connectorName(),
                new RedisHealthCheck(config, Clock.systemUTC(), monitor::lastError));
        log.info("RedisStreamSourceConnector {} started: {} mode, streams {} at {} into {}", config.connectorName(),
                config.deliveryMode().name().toLowerCase(Locale.ROOT),
                config.streamsPattern().isEmpty() ? config.streams() : "matching '" + config.streamsPattern() + "'",
                config.endpoint(), config.topic());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return RedisStreamSourceTask.class;
    }

    /** Deals the streams found last to the tasks; see {@link TaskAssignment}. */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<String> streams = monitor.streams();
        List<TaskAssignment> assignments = TaskAssignment.assign(config.deliveryMode(), streams, maxTasks,
                startIds);
        log.info("RedisStreamSourceConnector {}: {} task(s) for streams {}", config.connectorName(),
                assignments.size(), streams);
        return assignments.stream().map(a -> a.toTaskProps(props)).toList();
    }

    @Override
    public void stop() {
        if (monitor != null) {
            monitor.stop();
            monitor = null;
        }
        if (health != null) {
            health.close();
            health = null;
        }
    }

    @Override
    public ConfigDef config() {
        return RedisStreamSourceConfig.CONFIG_DEF;
    }

    /**
     * Checks each key, alias conflicts and cross-field rules, then the server: the connection and login, that each
     * listed key is a stream or does not exist yet (it may be created), and in group mode that the group's streams
     * can be inspected and its start id is not past their end. Each error is attached to the key to change.
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return RedisStreamSourceValidation.validate(connectorConfigs);
    }

    /**
     * Offset mode resumes at an exact entry id, so it supports exactly once; group mode keeps its position in Redis,
     * outside Kafka's transactions, so it does not.
     */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        DeliveryMode mode;
        try {
            mode = deliveryMode(connectorConfig);
        } catch (ConfigException e) {
            // not known for an invalid mode; validate() reports the mode on delivery.mode
            return null;
        }
        return mode == DeliveryMode.GROUP ? ExactlyOnceSupport.UNSUPPORTED : ExactlyOnceSupport.SUPPORTED;
    }

    private static DeliveryMode deliveryMode(Map<String, String> connectorConfig) {
        String mode = RedisStreamSourceConfig.ALIASES.apply(connectorConfig)
                .getOrDefault(RedisStreamSourceConfig.DELIVERY_MODE_CONFIG,
                        RedisStreamSourceConfig.DELIVERY_MODE_DEFAULT);
        return ConfigEnums.parse(DeliveryMode.class, RedisStreamSourceConfig.DELIVERY_MODE_CONFIG, mode);
    }

    /**
     * Accepts a reset (a null offset) of a stream, which then starts at {@code start.id} again, and offsets
     * {@code {"v": 1, "id": "<ms>-<seq>"}}, after which reading resumes. Refused in group mode, where the position
     * lives in the consumer group in Redis and the offsets would have no effect.
     *
     * @throws ConnectException in group mode, or naming the partition and what is wrong with it
     */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        if (deliveryMode(connectorConfig) == DeliveryMode.GROUP) {
            throw new ConnectException("RedisStreamSourceConnector with delivery.mode=group keeps its position in the "
                    + "consumer group in Redis, not in Connect's offsets, so altering or resetting them has no effect. "
                    + "Move the group instead: XGROUP SETID <stream> <group.name> <id> while the connector is stopped");
        }
        for (Map.Entry<Map<String, ?>, Map<String, ?>> entry : offsets.entrySet()) {
            Map<String, ?> partition = entry.getKey();
            try {
                StreamPartition.fromMap(partition == null ? Map.of() : partition);
                if (entry.getValue() != null) {
                    StreamOffset.fromMap(entry.getValue());
                }
            } catch (IllegalArgumentException e) {
                throw new ConnectException("Cannot alter the offset of partition " + partition + ": " + e.getMessage()
                        + ". A partition is {\"" + StreamPartition.STREAM_KEY + "\": \"<stream key>\"}; an offset is "
                        + "null (start again at start.id) or {\"v\": 1, \"id\": \"<ms>-<seq>\"} (resume after that "
                        + "entry)");
            }
        }
        return true;
    }
}
