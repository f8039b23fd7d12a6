package io.sluice.connect.cache;

import static io.sluice.connect.cache.RedisCacheSinkConfig.KEY_TEMPLATE_CONFIG;
import static io.sluice.connect.cache.RedisCacheSinkConfig.NEWER_WINS_CONFIG;
import static io.sluice.connect.cache.RedisCacheSinkConfig.NEWER_WINS_FIELD_CONFIG;
import static io.sluice.connect.cache.RedisCacheSinkConfig.REDIS_PASSWORD_CONFIG;
import static io.sluice.connect.cache.RedisCacheSinkConfig.REDIS_URI_CONFIG;
import static io.sluice.connect.cache.RedisCacheSinkConfig.TTL_FIELD_CONFIG;
import static io.sluice.connect.cache.RedisCacheSinkConfig.VALUE_FORMAT_CONFIG;

import io.sluice.connect.common.config.ConfigEnums;
import io.sluice.connect.common.config.ValidationResults;
import io.sluice.connect.common.errors.ErrorKind;
import io.sluice.connect.common.errors.RetryPolicyConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.types.Password;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The checks of {@code validate()}: per-key syntax (through the validators here), cross-field rules, and a live
 * {@code PING} with the configured credentials. Each failure is attached to the key to fix.
 */
final class RedisCacheSinkValidation {

    private RedisCacheSinkValidation() {
    }

    /**
     * A failed rule.
     *
     * @param key     the key to fix
     * @param message what is wrong and how to fix it
     */
    record Issue(String key, String message) {
        @Override
        public String toString() {
            return key + ": " + message;
        }
    }

    /**
     * @param props the user's configuration, aliases applied
     * @param result the result of {@code ConfigDef.validate}, to which cross-field and connection errors are added
     */
    static void validate(Map<String, String> props, Config result) {
        // cross-field rules see only the values that passed their own checks, so that one mistake is not
        // reported twice; the connection is tested whenever the connection keys themselves are fine
        Map<String, Object> parsed = new HashMap<>();
        for (ConfigValue value : result.configValues()) {
            if (value.errorMessages().isEmpty()) {
                parsed.put(value.name(), value.value());
            }
        }
        RetryPolicyConfig.validate(props, result);
        for (Issue issue : crossField(parsed)) {
            ValidationResults.addError(result, issue.key(), issue.message());
        }
        List<String> connectionKeys = List.of(REDIS_URI_CONFIG, RedisCacheSinkConfig.REDIS_USER_CONFIG,
                REDIS_PASSWORD_CONFIG, RedisCacheSinkConfig.REDIS_TIMEOUT_MS_CONFIG);
        if (connectionKeys.stream().allMatch(parsed::containsKey)) {
            RedisEndpoint endpoint = new RedisEndpoint(RedisEndpoint.parseUri((String) parsed.get(REDIS_URI_CONFIG)),
                    (String) parsed.get(RedisCacheSinkConfig.REDIS_USER_CONFIG),
                    (Password) parsed.get(REDIS_PASSWORD_CONFIG),
                    (Integer) parsed.get(RedisCacheSinkConfig.REDIS_TIMEOUT_MS_CONFIG), "sluice-cache-validate");
            boolean newerWins = parsed.containsKey(NEWER_WINS_CONFIG)
                    && !ConfigEnums.name(NewerWinsMode.NONE).equalsIgnoreCase(string(parsed, NEWER_WINS_CONFIG));
            checkConnection(endpoint, newerWins, result);
        }
    }

    /**
     * @param parsed parsed values by key; a key whose value failed its own validation is absent
     * @return the cross-field rules that fail
     */
    static List<Issue> crossField(Map<String, ?> parsed) {
        List<Issue> issues = new ArrayList<>();
        String mode = string(parsed, NEWER_WINS_CONFIG);
        String versionField = string(parsed, NEWER_WINS_FIELD_CONFIG);
        boolean fieldMode = ConfigEnums.name(NewerWinsMode.FIELD).equalsIgnoreCase(mode.trim());
        if (fieldMode && versionField.isBlank()) {
            issues.add(new Issue(NEWER_WINS_FIELD_CONFIG, "must be set when newer.wins=field: name the value field "
                    + "holding the version, e.g. version or updated_at; or choose newer.wins=timestamp"));
        }
        if (!fieldMode && !versionField.isBlank() && parsed.containsKey(NEWER_WINS_CONFIG)) {
            issues.add(new Issue(NEWER_WINS_FIELD_CONFIG, "is set but newer.wins is '" + mode.trim() + "', so it "
                    + "would be ignored: set newer.wins=field, or remove newer.wins.field"));
        }
        boolean bytes = ConfigEnums.name(ValueFormat.BYTES).equalsIgnoreCase(string(parsed, VALUE_FORMAT_CONFIG));
        if (bytes) {
            String reason = "reads a field of the value, but value.format=bytes stores values as opaque bytes with no "
                    + "fields: ";
            if (!string(parsed, TTL_FIELD_CONFIG).isBlank()) {
                issues.add(new Issue(TTL_FIELD_CONFIG, reason + "remove ttl.field or use ttl.seconds"));
            }
            if (fieldMode) {
                issues.add(new Issue(NEWER_WINS_FIELD_CONFIG, reason + "choose newer.wins=timestamp or none"));
            }
            String template = string(parsed, KEY_TEMPLATE_CONFIG);
            if (!template.isEmpty() && KeyTemplate.parse(template).readsValue()) {
                issues.add(new Issue(KEY_TEMPLATE_CONFIG, reason + "build the key from ${topic} and ${key...}"));
            }
        }
        return issues;
    }

    private static void checkConnection(RedisEndpoint endpoint, boolean newerWins, Config result) {
        try (Jedis jedis = endpoint.connect()) {
            jedis.ping();
            if (newerWins) {
                // loading is harmless (scripts are cached by hash) and proves the user may use scripts
                jedis.scriptLoad(NewerWinsScript.source());
            }
        } catch (JedisDataException e) {
            // error replies: NOPERM (a missing ACL permission), NOAUTH or WRONGPASS (credentials), or another
            // answer that says the URI names something else than the expected server or database
            String message = String.valueOf(e.getMessage());
            String word = RedisErrors.replyCode(e);
            if (word.equals("NOPERM")) {
                ValidationResults.addError(result, RedisCacheSinkConfig.REDIS_USER_CONFIG, "Redis at " + endpoint
                        + " refused a command the sink needs (" + message + "): grant the user +set +hset +del "
                        + "+pexpire and, for newer-wins, +evalsha +script|load +get (e.g. ACL SETUSER <user> "
                        + "+@write +@scripting +get)");
            } else if (e instanceof JedisAccessControlException || word.equals("NOAUTH")
                    || word.equals("WRONGPASS")) {
                ValidationResults.addError(result, REDIS_PASSWORD_CONFIG, "Redis at " + endpoint + " refused the "
                        + "credentials (" + message + "): check redis.user and redis.password");
            } else {
                ValidationResults.addError(result, REDIS_URI_CONFIG, "Redis at " + endpoint + " answered '"
                        + message + "': check that redis.uri names a Redis server and database");
            }
        } catch (RuntimeException e) {
            String kind = RedisErrors.classify(e) == ErrorKind.TRANSIENT ? "cannot be reached" : "failed";
            ValidationResults.addError(result, REDIS_URI_CONFIG, "Redis at " + endpoint + " " + kind + " ("
                    + e.getMessage() + "): check the host, port, TLS (rediss://) and that the server is running");
        }
    }

    /** @return a validator of {@code redis.uri} */
    static ConfigDef.Validator redisUri() {
        ConfigDef.Validator parse = validator("redis://host:port/db or rediss://host:port/db", RedisEndpoint::parseUri);
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                try {
                    parse.ensureValid(name, value);
                } catch (ConfigException e) {
                    // never echo a password the user put into the URI
                    throw new ConfigException(name, RedisEndpoint.redact(String.valueOf(value)),
                            e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
                }
            }

            @Override
            public String toString() {
                return parse.toString();
            }
        };
    }

    /** @return a validator of {@code key.template} */
    static ConfigDef.Validator keyTemplate() {
        return validator("a key template with ${topic}, ${partition}, ${offset}, ${key}, ${key.<field>}, "
                + "${value.<field>}", KeyTemplate::parse);
    }

    /** @return a validator of a dotted field path, or empty */
    static ConfigDef.Validator fieldPath() {
        return validator("a field name, a.b for nested fields, or empty", FieldPath::parse);
    }

    private static ConfigDef.Validator validator(String description, java.util.function.Consumer<String> parse) {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (value == null) {
                    return;
                }
                try {
                    parse.accept(value.toString());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(name, value, e.getMessage());
                }
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }

    private static String string(Map<String, ?> parsed, String key) {
        Object value = parsed.get(key);
        return value == null ? "" : value.toString().trim();
    }
}
