package io.sluice.connect.cache;

import io.sluice.connect.common.config.Aliases;
import io.sluice.connect.common.config.ConfigDocs;
import io.sluice.connect.common.config.ConfigEnums;
import io.sluice.connect.common.config.Recommenders;
import io.sluice.connect.common.config.Validators;
import io.sluice.connect.common.errors.RetryPolicy;
import io.sluice.connect.common.errors.RetryPolicyConfig;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/**
 * The configuration of {@link RedisCacheSinkConnector} and its tasks: one {@link ConfigDef}, built once, parsed once
 * into typed fields. Cross-field rules live in {@link RedisCacheSinkValidation}; the constructor enforces them too.
 */
public final class RedisCacheSinkConfig extends AbstractConfig {

    static final String GROUP_CONNECTION = "Connection";
    static final String GROUP_KEY = "Key";
    static final String GROUP_VALUE = "Value";
    static final String GROUP_TTL = "TTL";
    static final String GROUP_NEWER_WINS = "Newer wins";

    /** The server. */
    public static final String REDIS_URI_CONFIG = "redis.uri";
    static final String REDIS_URI_DOC = "The Redis server: redis://host:port/db, or rediss://host:port/db for TLS. "
            + "Put the password in redis.password, never in the URI.";
    public static final String REDIS_URI_DEFAULT = "redis://localhost:6379/0";

    /** The ACL user (Redis 6+). */
    public static final String REDIS_USER_CONFIG = "redis.user";
    static final String REDIS_USER_DOC = "The ACL user to authenticate as (Redis 6+); empty for the default user. It "
            + "needs SET, HSET, DEL, PEXPIRE and, with newer-wins, EVALSHA and SCRIPT LOAD.";
    public static final String REDIS_USER_DEFAULT = "";

    /** The password of the user, or the server's requirepass. */
    public static final String REDIS_PASSWORD_CONFIG = "redis.password";
    static final String REDIS_PASSWORD_DOC = "The password of redis.user, or the server's requirepass; empty when the "
            + "server needs none.";

    /** Connect and read timeout. */
    public static final String REDIS_TIMEOUT_MS_CONFIG = "redis.timeout.ms";
    static final String REDIS_TIMEOUT_MS_DOC = "Connect and read timeout in milliseconds for each Redis round trip.";
    public static final int REDIS_TIMEOUT_MS_DEFAULT = 5000;

    /** The key template. */
    public static final String KEY_TEMPLATE_CONFIG = "key.template";
    static final String KEY_TEMPLATE_DOC = "The Redis key of each record, e.g. user:${key}, ${topic}:${key} or "
            + "${key.id}. Placeholders: ${topic} (after transforms), ${partition}, ${offset}, ${key} (a scalar record "
            + "key), ${key.<field>} and ${value.<field>} (a.b reaches into nested fields). A record whose placeholder "
            + "has no scalar value is a bad record. Tombstones need a key built without ${value...}.";

    /** How values are stored. */
    public static final String VALUE_FORMAT_CONFIG = "value.format";
    static final String VALUE_FORMAT_DOC = "How a value is stored: 'json' SETs the value as JSON text (a string value "
            + "as it is), 'hash' replaces a hash with one field per top-level field (nested values as JSON, null "
            + "fields left out), 'bytes' SETs the value's bytes as they are (use value.converter="
            + "org.apache.kafka.connect.converters.ByteArrayConverter).";
    public static final String VALUE_FORMAT_DEFAULT = ConfigEnums.name(ValueFormat.JSON);

    /** The fixed TTL. */
    public static final String TTL_SECONDS_CONFIG = "ttl.seconds";
    static final String TTL_SECONDS_DOC = "Time to live of every written key, in seconds; 0 for none. With ttl.field, "
            + "it applies to records whose field is missing or null.";
    public static final long TTL_SECONDS_DEFAULT = 0L;

    /** The TTL field. */
    public static final String TTL_FIELD_CONFIG = "ttl.field";
    static final String TTL_FIELD_DOC = "A value field holding each record's TTL (see ttl.field.type), e.g. ttl or "
            + "meta.expires_at; empty for none. A TTL at or below zero, or an expiry time in the past, deletes the "
            + "key. A value that is not a number or time is a bad record.";
    public static final String TTL_FIELD_DEFAULT = "";

    /** What the TTL field holds. */
    public static final String TTL_FIELD_TYPE_CONFIG = "ttl.field.type";
    static final String TTL_FIELD_TYPE_DOC = "What ttl.field holds: 'seconds' to live from the write, or 'expire_at', "
            + "the absolute expiry as epoch milliseconds, a Connect Timestamp or an ISO-8601 instant "
            + "(2026-01-05T10:15:30Z), handed to Redis as an absolute expiry (PXAT; Redis 6.2+).";
    public static final String TTL_FIELD_TYPE_DEFAULT = ConfigEnums.name(TtlFieldType.SECONDS);

    /** The newer-wins rule. */
    public static final String NEWER_WINS_CONFIG = "newer.wins";
    static final String NEWER_WINS_DOC = "Out-of-order protection: 'none' writes every record; 'field' writes a record "
            + "only when its newer.wins.field is at least the version stored beside the key; 'timestamp' does the same "
            + "with the Kafka record timestamp. Versions are integers (or times, as epoch milliseconds) up to 2^53.";
    public static final String NEWER_WINS_DEFAULT = ConfigEnums.name(NewerWinsMode.NONE);

    /** The version field. */
    public static final String NEWER_WINS_FIELD_CONFIG = "newer.wins.field";
    static final String NEWER_WINS_FIELD_DOC = "The value field holding the version when newer.wins=field, e.g. "
            + "version or updated_at: an integer, a Connect Timestamp or an ISO-8601 instant. A tombstone reads it from "
            + "the record key when the key is a Struct or Map holding it; otherwise it deletes unconditionally.";
    public static final String NEWER_WINS_FIELD_DEFAULT = "";

    /** The suffix of version markers. */
    public static final String NEWER_WINS_MARKER_SUFFIX_CONFIG = "newer.wins.marker.suffix";
    static final String NEWER_WINS_MARKER_SUFFIX_DOC = "Under newer-wins, each key's version is kept in a companion "
            + "string key named the key plus this suffix, with the same TTL. Choose a suffix no other key ends with.";
    public static final String NEWER_WINS_MARKER_SUFFIX_DEFAULT = ":__version";

    /** How long a marker outlives a deleted key. */
    public static final String NEWER_WINS_TOMBSTONE_RETENTION_MS_CONFIG = "newer.wins.tombstone.retention.ms";
    static final String NEWER_WINS_TOMBSTONE_RETENTION_MS_DOC = "Under newer-wins, how long a version marker is kept "
            + "after a tombstone deleted its key, so that an older record delivered late cannot bring the key back.";
    public static final long NEWER_WINS_TOMBSTONE_RETENTION_MS_DEFAULT = 86_400_000L;

    /** Seed-spec names accepted in place of our keys. */
    public static final Aliases ALIASES = Aliases.builder()
            .alias("ttl", TTL_SECONDS_CONFIG)
            .build();

    /** The connector's definition. */
    public static final ConfigDef CONFIG_DEF = define();

    private final String connectorName;
    private final RedisEndpoint endpoint;
    private final KeyTemplate keyTemplate;
    private final ValueFormat valueFormat;
    private final long ttlSeconds;
    private final FieldPath ttlField;
    private final TtlFieldType ttlFieldType;
    private final NewerWinsMode newerWins;
    private final FieldPath newerWinsField;
    private final String markerSuffix;
    private final long tombstoneRetentionMs;
    private final RetryPolicy retryPolicy;

    /**
     * @param props the connector or task configuration; aliases are applied here
     * @throws ConfigException when a value is invalid, a key and its alias are both set, or a cross-field rule fails
     */
    public RedisCacheSinkConfig(Map<String, String> props) {
        super(CONFIG_DEF, ALIASES.apply(props));
        List<RedisCacheSinkValidation.Issue> issues = RedisCacheSinkValidation.crossField(values());
        if (!issues.isEmpty()) {
            throw new ConfigException(issues.stream().map(RedisCacheSinkValidation.Issue::toString)
                    .collect(Collectors.joining("; ")));
        }
        connectorName = props.getOrDefault("name", "redis-cache-sink");
        URI uri = RedisEndpoint.parseUri(getString(REDIS_URI_CONFIG));
        endpoint = new RedisEndpoint(uri, getString(REDIS_USER_CONFIG), getPassword(REDIS_PASSWORD_CONFIG),
                getInt(REDIS_TIMEOUT_MS_CONFIG), "sluice-cache-" + connectorName.replaceAll("\\s", "_"));
        keyTemplate = KeyTemplate.parse(getString(KEY_TEMPLATE_CONFIG));
        valueFormat = ConfigEnums.parse(ValueFormat.class, VALUE_FORMAT_CONFIG, getString(VALUE_FORMAT_CONFIG));
        ttlSeconds = getLong(TTL_SECONDS_CONFIG);
        String ttlFieldText = getString(TTL_FIELD_CONFIG);
        ttlField = ttlFieldText.isBlank() ? null : FieldPath.parse(ttlFieldText);
        ttlFieldType = ConfigEnums.parse(TtlFieldType.class, TTL_FIELD_TYPE_CONFIG, getString(TTL_FIELD_TYPE_CONFIG));
        newerWins = ConfigEnums.parse(NewerWinsMode.class, NEWER_WINS_CONFIG, getString(NEWER_WINS_CONFIG));
        String versionField = getString(NEWER_WINS_FIELD_CONFIG);
        newerWinsField = versionField.isBlank() ? null : FieldPath.parse(versionField);
        markerSuffix = getString(NEWER_WINS_MARKER_SUFFIX_CONFIG);
        tombstoneRetentionMs = getLong(NEWER_WINS_TOMBSTONE_RETENTION_MS_CONFIG);
        retryPolicy = RetryPolicyConfig.policy(this);
    }

    private static ConfigDef define() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(REDIS_URI_CONFIG, Type.STRING, REDIS_URI_DEFAULT, RedisCacheSinkValidation.redisUri(),
                        Importance.HIGH, REDIS_URI_DOC, GROUP_CONNECTION, ++order, Width.LONG, "Redis URI")
                .define(REDIS_USER_CONFIG, Type.STRING, REDIS_USER_DEFAULT, Importance.MEDIUM, REDIS_USER_DOC,
                        GROUP_CONNECTION, ++order, Width.SHORT, "Redis user")
                .define(REDIS_PASSWORD_CONFIG, Type.PASSWORD, null, Importance.MEDIUM, REDIS_PASSWORD_DOC,
                        GROUP_CONNECTION, ++order, Width.SHORT, "Redis password")
                .define(REDIS_TIMEOUT_MS_CONFIG, Type.INT, REDIS_TIMEOUT_MS_DEFAULT, Validators.positive(),
                        Importance.LOW, REDIS_TIMEOUT_MS_DOC, GROUP_CONNECTION, ++order, Width.SHORT,
                        "Redis timeout (ms)");
        order = 0;
        def.define(KEY_TEMPLATE_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                RedisCacheSinkValidation.keyTemplate(), Importance.HIGH, KEY_TEMPLATE_DOC, GROUP_KEY, ++order,
                Width.LONG, "Key template");
        order = 0;
        def.define(VALUE_FORMAT_CONFIG, Type.STRING, VALUE_FORMAT_DEFAULT,
                Validators.oneOfIgnoreCase(ValueFormat.class), Importance.HIGH, VALUE_FORMAT_DOC, GROUP_VALUE,
                ++order, Width.SHORT, "Value format", Recommenders.enumValues(ValueFormat.class));
        order = 0;
        def.define(TTL_SECONDS_CONFIG, Type.LONG, TTL_SECONDS_DEFAULT, Validators.nonNegative(), Importance.MEDIUM,
                        TTL_SECONDS_DOC, GROUP_TTL, ++order, Width.SHORT, "TTL (s)")
                .define(TTL_FIELD_CONFIG, Type.STRING, TTL_FIELD_DEFAULT, RedisCacheSinkValidation.fieldPath(),
                        Importance.MEDIUM, TTL_FIELD_DOC, GROUP_TTL, ++order, Width.MEDIUM, "TTL field")
                .define(TTL_FIELD_TYPE_CONFIG, Type.STRING, TTL_FIELD_TYPE_DEFAULT,
                        Validators.oneOfIgnoreCase(TtlFieldType.class), Importance.LOW, TTL_FIELD_TYPE_DOC, GROUP_TTL,
                        ++order, Width.SHORT, "TTL field type", Recommenders.enumValues(TtlFieldType.class));
        order = 0;
        def.define(NEWER_WINS_CONFIG, Type.STRING, NEWER_WINS_DEFAULT,
                        Validators.oneOfIgnoreCase(NewerWinsMode.class), Importance.MEDIUM, NEWER_WINS_DOC,
                        GROUP_NEWER_WINS, ++order, Width.SHORT, "Newer wins",
                        Recommenders.enumValues(NewerWinsMode.class))
                .define(NEWER_WINS_FIELD_CONFIG, Type.STRING, NEWER_WINS_FIELD_DEFAULT,
                        RedisCacheSinkValidation.fieldPath(), Importance.MEDIUM, NEWER_WINS_FIELD_DOC,
                        GROUP_NEWER_WINS, ++order, Width.MEDIUM, "Version field",
                        Recommenders.visibleIf(NEWER_WINS_CONFIG, ConfigEnums.name(NewerWinsMode.FIELD)))
                .define(NEWER_WINS_MARKER_SUFFIX_CONFIG, Type.STRING, NEWER_WINS_MARKER_SUFFIX_DEFAULT,
                        Validators.nonEmpty(), Importance.LOW, NEWER_WINS_MARKER_SUFFIX_DOC, GROUP_NEWER_WINS,
                        ++order, Width.SHORT, "Version marker suffix")
                .define(NEWER_WINS_TOMBSTONE_RETENTION_MS_CONFIG, Type.LONG,
                        NEWER_WINS_TOMBSTONE_RETENTION_MS_DEFAULT, Validators.positive(), Importance.LOW,
                        NEWER_WINS_TOMBSTONE_RETENTION_MS_DOC, GROUP_NEWER_WINS, ++order, Width.SHORT,
                        "Tombstone retention (ms)");
        new RetryPolicyConfig().define(def);
        return def;
    }

    /** Prints the configuration reference as Markdown, to the file named by {@code args[0]} or to stdout. */
    public static void main(String[] args) {
        ConfigDocs.write("Redis cache sink connector configuration", CONFIG_DEF, ALIASES, args);
    }

    String connectorName() {
        return connectorName;
    }

    RedisEndpoint endpoint() {
        return endpoint;
    }

    KeyTemplate keyTemplate() {
        return keyTemplate;
    }

    ValueFormat valueFormat() {
        return valueFormat;
    }

    NewerWinsMode newerWins() {
        return newerWins;
    }

    RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** @return the mapper of records to writes, with {@code clock} for absolute expiry times */
    RecordMapper recordMapper(Clock clock) {
        return new RecordMapper(keyTemplate, new ValueEncoder(valueFormat),
                new TtlPolicy(ttlSeconds, ttlField, ttlFieldType, clock),
                new VersionExtractor(newerWins, newerWinsField));
    }

    /** @return the newer-wins script, or null when newer-wins is off */
    NewerWinsScript newerWinsScript() {
        return newerWins == NewerWinsMode.NONE ? null : new NewerWinsScript(markerSuffix, tombstoneRetentionMs);
    }

    /** @return the capabilities the health check reports for this configuration */
    List<String> capabilities() {
        List<String> caps = new ArrayList<>(List.of("pipelining", "tombstones", "key_templates",
                "value_" + ConfigEnums.name(valueFormat)));
        if (ttlSeconds > 0 || ttlField != null) {
            caps.add("ttl");
        }
        if (newerWins != NewerWinsMode.NONE) {
            caps.add("newer_wins");
        }
        return caps;
    }
}
