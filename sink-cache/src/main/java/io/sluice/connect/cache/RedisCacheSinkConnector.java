package io.sluice.connect.cache;

import io.sluice.connect.common.Version;
import io.sluice.connect.common.config.ValidationResults;
import io.sluice.connect.common.health.HealthRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Redis keys in step with topics: each record becomes a key (from {@code key.template}) holding its value as
 * JSON, a hash or raw bytes, with an optional TTL; a tombstone deletes the key; with newer-wins an older version
 * never overwrites a newer one.
 *
 * <p><b>Tasks.</b> Every task gets the same configuration: Connect spreads the topics' partitions across them, and
 * records of one key stay in order within their partition.
 *
 * <p><b>Delivery.</b> At least once. Writes are idempotent ({@code SET}, hash replace, {@code DEL}), so a batch
 * delivered again after a failure leaves the same end state; under newer-wins, equal versions are written and
 * older ones skipped, so a late redelivery never overwrites a newer value.
 */
public class RedisCacheSinkConnector extends SinkConnector {

    private static final Logger log = LoggerFactory.getLogger(RedisCacheSinkConnector.class);

    private Map<String, String> props;
    private String name;
    private HealthRegistry.Registration health;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        Map<String, String> effective = RedisCacheSinkConfig.ALIASES.apply(props);
        RedisCacheSinkConfig config = new RedisCacheSinkConfig(effective);
        this.props = Map.copyOf(effective);
        this.name = config.connectorName();
        // a connector created again under an old name starts with a clean status, not the old one's last error
        health = HealthRegistry.register(name, new RedisHealthCheck(config.endpoint(), config.capabilities(),
                WriteStatus.reset(name), Clock.systemUTC()));
        if (config.keyTemplate().readsValue()) {
            log.warn("Redis cache sink '{}': key.template '{}' reads the record value, which a tombstone (null "
                    + "value) lacks, so tombstones cannot delete their keys and go to the errant-record reporter as "
                    + "bad records; build the key from the record key instead, e.g. ${key} or ${key.id}", name,
                    config.keyTemplate());
        }
        log.info("Redis cache sink '{}' started for {}", name, config.endpoint());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return RedisCacheSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int i = 0; i < maxTasks; i++) {
            configs.add(props);
        }
        return configs;
    }

    @Override
    public void stop() {
        if (health != null) {
            health.close();
        }
        if (name != null) {
            WriteStatus.remove(name);
        }
        log.info("Redis cache sink '{}' stopped", name);
    }

    @Override
    public ConfigDef config() {
        return RedisCacheSinkConfig.CONFIG_DEF;
    }

    /**
     * Checks each key, the cross-field rules, and that Redis answers a {@code PING} with the configured
     * credentials; each failure is attached to the key to fix. Seed-spec aliases are accepted.
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        List<ConfigValue> conflicts = RedisCacheSinkConfig.ALIASES.conflicts(connectorConfigs);
        Map<String, String> withoutConflicts = new LinkedHashMap<>(connectorConfigs);
        conflicts.forEach(c -> withoutConflicts.remove(c.name()));
        Map<String, String> effective = RedisCacheSinkConfig.ALIASES.apply(withoutConflicts);
        Config result = super.validate(effective);
        ValidationResults.addErrors(result, conflicts);
        RedisCacheSinkValidation.validate(effective, result);
        return result;
    }
}
