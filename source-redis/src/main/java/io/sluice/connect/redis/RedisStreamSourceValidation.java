package io.sluice.connect.redis;

import io.sluice.connect.common.config.ConfigEnums;
import io.sluice.connect.common.config.ValidationResults;
import io.sluice.connect.common.errors.BadRecordConfig;
import io.sluice.connect.common.errors.RetryPolicyConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.resps.StreamGroupInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code validate()} of {@link RedisStreamSourceConnector}: each key's own rules, alias conflicts, cross-field rules,
 * and a live check of the server (connection and login, each listed key a stream or not yet created, the group's
 * settings), each failure attached to the key to change.
 */
final class RedisStreamSourceValidation {

    /** A failed rule: the key to change and what to do. */
    record Issue(String key, String message) {
        @Override
        public String toString() {
            return key + ": " + message;
        }
    }

    static final String DELIVERY_TIMEOUT_OVERRIDE = "producer.override.delivery.timeout.ms";
    /** The producer's default delivery.timeout.ms. */
    static final long DEFAULT_DELIVERY_TIMEOUT_MS = 120_000L;

    private RedisStreamSourceValidation() {
    }

    /** Rules between keys, on a parsed config. */
    static List<Issue> crossField(AbstractConfig config) {
        List<Issue> issues = new ArrayList<>();
        boolean listed = config.getList(RedisStreamSourceConfig.STREAMS_CONFIG).stream().anyMatch(s -> !s.isBlank());
        boolean pattern = !config.getString(RedisStreamSourceConfig.STREAMS_PATTERN_CONFIG).isBlank();
        if (listed == pattern) {
            issues.add(new Issue(RedisStreamSourceConfig.STREAMS_CONFIG, listed
                    ? "set either streams or streams.pattern, not both"
                    : "set streams (a list of stream keys) or streams.pattern (a glob such as 'orders:*')"));
        }
        if (parses(ValueFormat.class, config, RedisStreamSourceConfig.VALUE_FORMAT_CONFIG) == ValueFormat.JSON
                && config.getString(RedisStreamSourceConfig.VALUE_JSON_FIELD_CONFIG).isBlank()) {
            issues.add(new Issue(RedisStreamSourceConfig.VALUE_JSON_FIELD_CONFIG,
                    "is required with value.format=json: name the entry field that holds the JSON document"));
        }
        if (parses(DeliveryMode.class, config, RedisStreamSourceConfig.DELIVERY_MODE_CONFIG) == DeliveryMode.GROUP) {
            checkClaimIdle(config, issues);
        }
        try {
            BadRecordConfig.topic(config);
        } catch (ConfigException e) {
            issues.add(new Issue(BadRecordConfig.BAD_RECORD_TOPIC, e.getMessage()));
        }
        try {
            RetryPolicyConfig.policy(config);
        } catch (ConfigException e) {
            issues.add(new Issue(RetryPolicyConfig.RETRY_BACKOFF_MAX_MS, e.getMessage()));
        }
        return issues;
    }

    /** The enum value of {@code key}, or null when it is invalid (its own validator reports that). */
    private static <E extends Enum<E>> E parses(Class<E> type, AbstractConfig config, String key) {
        try {
            return ConfigEnums.parse(type, key, config.getString(key));
        } catch (ConfigException e) {
            return null;
        }
    }

    /**
     * An entry handed to Connect may wait in the producer for up to delivery.timeout.ms before Kafka acknowledges
     * it; a sibling task reclaiming it sooner would deliver it twice.
     */
    private static void checkClaimIdle(AbstractConfig config, List<Issue> issues) {
        long claimIdle = config.getLong(RedisStreamSourceConfig.GROUP_CLAIM_MIN_IDLE_MS_CONFIG);
        Object override = config.originals().get(DELIVERY_TIMEOUT_OVERRIDE);
        long deliveryTimeout;
        try {
            deliveryTimeout = override == null ? DEFAULT_DELIVERY_TIMEOUT_MS : Long.parseLong(override.toString().trim());
        } catch (NumberFormatException e) {
            // the worker rejects the producer override itself
            return;
        }
        if (claimIdle <= deliveryTimeout) {
            issues.add(new Issue(RedisStreamSourceConfig.GROUP_CLAIM_MIN_IDLE_MS_CONFIG, "is " + claimIdle
                    + " ms, not above the producer's delivery timeout of " + deliveryTimeout + " ms ("
                    + DELIVERY_TIMEOUT_OVERRIDE + (override == null ? ", default" : "") + "): entries still in "
                    + "flight to Kafka would be reclaimed and delivered twice. Set it above " + deliveryTimeout
                    + ", or lower " + DELIVERY_TIMEOUT_OVERRIDE));
        }
    }

    /** The whole of {@code validate()}. */
    static Config validate(Map<String, String> props) {
        List<ConfigValue> aliasConflicts = RedisStreamSourceConfig.ALIASES.conflicts(props);
        if (!aliasConflicts.isEmpty()) {
            Config result = new Config(new ArrayList<>());
            ValidationResults.addErrors(result, aliasConflicts);
            return result;
        }
        Map<String, String> effective = RedisStreamSourceConfig.ALIASES.apply(props);
        Config result = new Config(new ArrayList<>(RedisStreamSourceConfig.CONFIG_DEF.validate(effective)));
        if (ValidationResults.hasErrors(result)) {
            return result;
        }
        RedisStreamSourceConfig config;
        try {
            config = new RedisStreamSourceConfig(effective);
        } catch (ConfigException e) {
            for (Issue issue : crossField(new AbstractConfig(RedisStreamSourceConfig.CONFIG_DEF, effective, false))) {
                ValidationResults.addError(result, issue.key(), issue.message());
            }
            if (!ValidationResults.hasErrors(result)) {
                ValidationResults.addError(result, RedisStreamSourceConfig.REDIS_URI_CONFIG, e.getMessage());
            }
            return result;
        }
        checkServer(config, result);
        return result;
    }

    private static void checkServer(RedisStreamSourceConfig config, Config result) {
        try (Jedis jedis = config.endpoint().open(config.connectorName() + "-validate", 0)) {
            jedis.ping();
            for (String stream : config.streams()) {
                checkStream(jedis, config, stream, result);
            }
        } catch (RuntimeException e) {
            String key = RedisErrors.isAuthFailure(e) ? RedisStreamSourceConfig.REDIS_PASSWORD_CONFIG
                    : RedisStreamSourceConfig.REDIS_URI_CONFIG;
            String why = e.getMessage() == null ? e.getClass().getName() : e.getMessage().replaceAll("\\.+$", "");
            ValidationResults.addError(result, key, "Cannot reach Redis at " + config.endpoint() + ": "
                    + why + (key.equals(RedisStreamSourceConfig.REDIS_URI_CONFIG)
                    ? ". Check the host, port and TLS (rediss://), and that the server runs"
                    : ". Check redis.user and redis.password"));
        }
    }

    private static void checkStream(Jedis jedis, RedisStreamSourceConfig config, String stream, Config result) {
        String type = jedis.type(stream);
        if (type.equals("none")) {
            // offset mode reads it once created; group mode creates it with the group (MKSTREAM)
            return;
        }
        if (!type.equals("stream")) {
            ValidationResults.addError(result, RedisStreamSourceConfig.STREAMS_CONFIG, "Key '" + stream + "' is a "
                    + type + ", not a stream. Remove it from streams");
            return;
        }
        if (config.deliveryMode() == DeliveryMode.GROUP) {
            try {
                List<StreamGroupInfo> groups = jedis.xinfoGroups(stream);
                boolean exists = groups.stream().anyMatch(g -> g.getName().equals(config.groupName()));
                if (!exists && config.startPosition().id() != null) {
                    checkStartId(jedis, config, stream, result);
                }
            } catch (JedisDataException e) {
                ValidationResults.addError(result, RedisStreamSourceConfig.GROUP_NAME_CONFIG, "Cannot read the "
                        + "consumer groups of stream '" + stream + "': " + e.getMessage()
                        + ". Grant the user the XINFO, XGROUP, XREADGROUP, XACK and XAUTOCLAIM commands");
            }
        }
    }

    private static void checkStartId(Jedis jedis, RedisStreamSourceConfig config, String stream, Config result) {
        var last = jedis.xinfoStream(stream).getLastGeneratedId();
        if (last != null && config.startPosition().id().compareTo(last) > 0) {
            ValidationResults.addError(result, RedisStreamSourceConfig.START_ID_CONFIG, "The group would start at "
                    + config.startPosition().id() + ", after the last entry of stream '" + stream + "' (" + last
                    + "); use 'latest' to read only new entries");
        }
    }
}
