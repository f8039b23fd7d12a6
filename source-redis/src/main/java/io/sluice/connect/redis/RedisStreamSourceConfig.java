package io.sluice.connect.redis;

import io.sluice.connect.common.config.Aliases;
import io.sluice.connect.common.config.ConfigDocs;
import io.sluice.connect.common.config.ConfigEnums;
import io.sluice.connect.common.config.Recommenders;
import io.sluice.connect.common.config.Validators;
import io.sluice.connect.common.errors.BadRecordConfig;
import io.sluice.connect.common.errors.BadRecordPolicy;
import io.sluice.connect.common.errors.RetryPolicy;
import io.sluice.connect.common.errors.RetryPolicyConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The configuration of {@link RedisStreamSourceConnector} and its tasks: one {@link ConfigDef}, built once, parsed
 * once into typed fields. Cross-field rules live in {@link RedisStreamSourceValidation}; the constructor enforces
 * them too, so a config object is always consistent.
 */
public final class RedisStreamSourceConfig extends AbstractConfig {

    static final String GROUP_CONNECTION = "Connection";
    static final String GROUP_STREAMS = "Streams";
    static final String GROUP_DELIVERY = "Delivery";
    static final String GROUP_RECORDS = "Records";

    /** The server to read from. */
    public static final String REDIS_URI_CONFIG = "redis.uri";
    static final String REDIS_URI_DOC = "The Redis server: redis://host:port[/db] or rediss://host:port[/db] for TLS. "
            + "Credentials belong in redis.user and redis.password, not in the URI.";

    /** The ACL user. */
    public static final String REDIS_USER_CONFIG = "redis.user";
    static final String REDIS_USER_DOC = "The Redis ACL user (Redis 6+); empty for the default user.";
    public static final String REDIS_USER_DEFAULT = "";

    /** The password, never logged. */
    public static final String REDIS_PASSWORD_CONFIG = "redis.password";
    static final String REDIS_PASSWORD_DOC = "The password of redis.user, or of the default user (requirepass); "
            + "empty for none.";

    /** Connection and command timeout. */
    public static final String REDIS_TIMEOUT_MS_CONFIG = "redis.timeout.ms";
    static final String REDIS_TIMEOUT_MS_DOC = "Milliseconds to wait for a connection or for the answer to a "
            + "command that does not block. Blocking reads wait poll.block.ms on top of it.";
    public static final int REDIS_TIMEOUT_MS_DEFAULT = 5000;

    /** Stream keys to read. */
    public static final String STREAMS_CONFIG = "streams";
    static final String STREAMS_DOC = "Comma-separated stream keys to read. Set either this or streams.pattern. In "
            + "offset mode a key that does not exist yet is read once it is created.";
    public static final String STREAMS_DEFAULT = "";

    /** A glob over keys, resolved with SCAN ... TYPE stream. */
    public static final String STREAMS_PATTERN_CONFIG = "streams.pattern";
    static final String STREAMS_PATTERN_DOC = "A Redis glob (as SCAN MATCH takes it, e.g. 'orders:*'): every key "
            + "of type stream that matches is read, including streams created while the connector runs (found "
            + "within streams.discovery.interval.ms). Set either this or streams.";
    public static final String STREAMS_PATTERN_DEFAULT = "";

    /** How often the set of streams is discovered again. */
    public static final String STREAMS_DISCOVERY_INTERVAL_MS_CONFIG = "streams.discovery.interval.ms";
    static final String STREAMS_DISCOVERY_INTERVAL_MS_DOC = "How often the connector looks for streams matching "
            + "streams.pattern (and, with streams, for listed keys that now exist) and reassigns the tasks when the "
            + "set changed.";
    public static final long STREAMS_DISCOVERY_INTERVAL_MS_DEFAULT = 10_000L;

    /** Offset or group mode. */
    public static final String DELIVERY_MODE_CONFIG = "delivery.mode";
    static final String DELIVERY_MODE_DOC = "'offset' reads with XREAD from the last entry id kept in Connect's "
            + "offsets: no server-side state, exactly once with exactly.once.source.support=enabled. 'group' reads "
            + "with XREADGROUP as one consumer per task, acknowledges (XACK) an entry once Kafka has the record, and "
            + "reclaims entries left pending by dead consumers: at least once.";
    public static final String DELIVERY_MODE_DEFAULT = ConfigEnums.name(DeliveryMode.OFFSET);

    /** Where a stream without committed offset, or a new group, starts. */
    public static final String START_ID_CONFIG = "start.id";
    static final String START_ID_DOC = "Where reading starts the first time: 'earliest' (every entry in the stream), "
            + "'latest' (after the last entry of each stream that exists when the connector starts; streams created "
            + "later, and groups created again after they were lost, start at their first entry) or an entry id to "
            + "start after. In offset mode it applies to each stream without a committed offset; in group mode it is "
            + "the id the group is created at when it does not exist (XGROUP CREATE ... MKSTREAM).";
    public static final String START_ID_DEFAULT = StartPosition.EARLIEST;

    /** The consumer group. */
    public static final String GROUP_NAME_CONFIG = "group.name";
    static final String GROUP_NAME_DOC = "The consumer group of delivery.mode=group; empty for the connector's name. "
            + "Each task is one consumer named <connector>-<task>, so a restarted task reads its own pending entries "
            + "first.";
    public static final String GROUP_NAME_DEFAULT = "";

    /** Idle time after which another consumer's pending entry is reclaimed. */
    public static final String GROUP_CLAIM_MIN_IDLE_MS_CONFIG = "group.claim.min.idle.ms";
    static final String GROUP_CLAIM_MIN_IDLE_MS_DOC = "An entry delivered to a consumer of the group and not "
            + "acknowledged for this long is reclaimed (XAUTOCLAIM) by a task and delivered again, so entries of a "
            + "consumer that died are not stuck. Must be above the producer's delivery.timeout.ms "
            + "(producer.override.delivery.timeout.ms, 120000 by default), the longest a record can be in flight, or "
            + "a sibling task's entries in flight would be delivered twice.";
    public static final long GROUP_CLAIM_MIN_IDLE_MS_DEFAULT = 300_000L;

    /** How often each task looks for entries to reclaim. */
    public static final String GROUP_CLAIM_INTERVAL_MS_CONFIG = "group.claim.interval.ms";
    static final String GROUP_CLAIM_INTERVAL_MS_DOC = "How often each task of delivery.mode=group runs XAUTOCLAIM "
            + "on its streams.";
    public static final long GROUP_CLAIM_INTERVAL_MS_DEFAULT = 10_000L;

    /** COUNT of each read. */
    public static final String BATCH_SIZE_CONFIG = "batch.size";
    static final String BATCH_SIZE_DOC = "The most entries one read asks for per stream (COUNT), and so about the most "
            + "records a task hands to Connect per poll per stream.";
    public static final int BATCH_SIZE_DEFAULT = 1000;

    /** BLOCK of each read. */
    public static final String POLL_BLOCK_MS_CONFIG = "poll.block.ms";
    static final String POLL_BLOCK_MS_DOC = "How long a read waits for new entries (BLOCK) before the task returns to "
            + "Connect with nothing; bounds how long stopping a task takes.";
    public static final int POLL_BLOCK_MS_DEFAULT = 1000;

    /** How many reads a task makes ahead of Connect's poll thread. */
    public static final String READ_AHEAD_BATCHES_CONFIG = "read.ahead.batches";
    static final String READ_AHEAD_BATCHES_DOC = "delivery.mode=offset: how many batches a task reads and converts "
            + "ahead of Connect, on a thread of its own, while Connect serializes and sends the batch before; 0 reads "
            + "on Connect's poll thread only. Entries read ahead but not yet handed to Connect when a task stops are "
            + "read again after the committed offset when it starts. Group mode always reads on the poll thread: "
            + "entries waiting in a task would age in the group's pending list toward being reclaimed by another "
            + "task.";
    public static final int READ_AHEAD_BATCHES_DEFAULT = 1;

    /** The topic, or a template over the stream key. */
    public static final String TOPIC_CONFIG = "topic";
    static final String TOPIC_DOC = "Topic to write records to: a fixed name, or a template with ${stream} (the "
            + "stream key). Characters a topic cannot hold (such as ':') become '_'.";
    public static final String TOPIC_DEFAULT = "${stream}";

    /** The entry field that makes the key. */
    public static final String KEY_FIELD_CONFIG = "key.field";
    static final String KEY_FIELD_DOC = "The entry field whose value is the record key (a string); empty to use the "
            + "entry id. An entry lacking the field is a bad record.";
    public static final String KEY_FIELD_DEFAULT = "";

    /** The value's shape. */
    public static final String VALUE_FORMAT_CONFIG = "value.format";
    static final String VALUE_FORMAT_DOC = "The record value: 'struct' (a Struct with one optional string field per "
            + "entry field, in name order), 'map' (a map of strings), 'json' (the field value.json.field parsed as "
            + "JSON, schemaless), or 'json_text' (every field in one JSON object of strings, in name order, as a "
            + "string value: with value.converter=org.apache.kafka.connect.storage.StringConverter the topic holds "
            + "that JSON as it is, written once by the task instead of by a converter over a Struct).";
    public static final String VALUE_FORMAT_DEFAULT = ConfigEnums.name(ValueFormat.STRUCT);

    /** The field parsed as JSON. */
    public static final String VALUE_JSON_FIELD_CONFIG = "value.json.field";
    static final String VALUE_JSON_FIELD_DOC = "The entry field that holds the JSON document of value.format=json; "
            + "required then. An entry whose field is missing or not JSON is a bad record.";
    public static final String VALUE_JSON_FIELD_DEFAULT = "";

    /** Seed-spec names accepted in place of our keys. */
    public static final Aliases ALIASES = Aliases.builder()
            .alias("stream_names", STREAMS_CONFIG)
            .alias("consumer_group", GROUP_NAME_CONFIG)
            .alias("batch_size", BATCH_SIZE_CONFIG)
            .build();

    /** The connector's definition. */
    public static final ConfigDef CONFIG_DEF = define();

    private final String connectorName;
    private final RedisEndpoint endpoint;
    private final List<String> streams;
    private final String streamsPattern;
    private final long discoveryIntervalMs;
    private final DeliveryMode deliveryMode;
    private final StartPosition startPosition;
    private final String groupName;
    private final long claimMinIdleMs;
    private final long claimIntervalMs;
    private final int batchSize;
    private final int pollBlockMs;
    private final int readAheadBatches;
    private final TopicTemplate topic;
    private final String keyField;
    private final ValueFormat valueFormat;
    private final String valueJsonField;
    private final RetryPolicy retryPolicy;
    private final BadRecordPolicy badRecordPolicy;
    private final String badRecordTopic;

    /**
     * @param props the connector or task configuration; aliases are applied here
     * @throws ConfigException when a value is invalid, a key and its alias are both set, or a cross-field rule fails
     */
    public RedisStreamSourceConfig(Map<String, String> props) {
        super(CONFIG_DEF, ALIASES.apply(props));
        List<RedisStreamSourceValidation.Issue> issues = RedisStreamSourceValidation.crossField(this);
        if (!issues.isEmpty()) {
            throw new ConfigException(issues.stream().map(RedisStreamSourceValidation.Issue::toString)
                    .collect(Collectors.joining("; ")));
        }
        connectorName = props.getOrDefault("name", "redis-stream-source");
        Password password = getPassword(REDIS_PASSWORD_CONFIG);
        endpoint = RedisEndpoint.parse(getString(REDIS_URI_CONFIG), getString(REDIS_USER_CONFIG),
                password == null ? null : password.value(), getInt(REDIS_TIMEOUT_MS_CONFIG));
        streams = getList(STREAMS_CONFIG).stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        streamsPattern = getString(STREAMS_PATTERN_CONFIG).trim();
        discoveryIntervalMs = getLong(STREAMS_DISCOVERY_INTERVAL_MS_CONFIG);
        deliveryMode = ConfigEnums.parse(DeliveryMode.class, DELIVERY_MODE_CONFIG, getString(DELIVERY_MODE_CONFIG));
        startPosition = StartPosition.parse(START_ID_CONFIG, getString(START_ID_CONFIG));
        String group = getString(GROUP_NAME_CONFIG).trim();
        groupName = group.isEmpty() ? connectorName : group;
        claimMinIdleMs = getLong(GROUP_CLAIM_MIN_IDLE_MS_CONFIG);
        claimIntervalMs = getLong(GROUP_CLAIM_INTERVAL_MS_CONFIG);
        batchSize = getInt(BATCH_SIZE_CONFIG);
        pollBlockMs = getInt(POLL_BLOCK_MS_CONFIG);
        readAheadBatches = getInt(READ_AHEAD_BATCHES_CONFIG);
        topic = TopicTemplate.parse(getString(TOPIC_CONFIG));
        keyField = getString(KEY_FIELD_CONFIG).trim();
        valueFormat = ConfigEnums.parse(ValueFormat.class, VALUE_FORMAT_CONFIG, getString(VALUE_FORMAT_CONFIG));
        valueJsonField = getString(VALUE_JSON_FIELD_CONFIG).trim();
        retryPolicy = RetryPolicyConfig.policy(this);
        badRecordPolicy = BadRecordConfig.policy(this);
        badRecordTopic = BadRecordConfig.topic(this);
    }

    /**
     * Prints the configuration reference in Markdown.
     *
     * @param args an optional output file; standard output when absent
     */
    public static void main(String[] args) {
        ConfigDocs.write("Redis Streams source connector configuration", CONFIG_DEF, ALIASES, args);
    }

    private static ConfigDef define() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(REDIS_URI_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, RedisEndpoint.validator(),
                        Importance.HIGH, REDIS_URI_DOC, GROUP_CONNECTION, ++order, Width.LONG, "Redis URI")
                .define(REDIS_USER_CONFIG, Type.STRING, REDIS_USER_DEFAULT, Importance.MEDIUM, REDIS_USER_DOC,
                        GROUP_CONNECTION, ++order, Width.MEDIUM, "User")
                .define(REDIS_PASSWORD_CONFIG, Type.PASSWORD, null, Importance.MEDIUM, REDIS_PASSWORD_DOC,
                        GROUP_CONNECTION, ++order, Width.MEDIUM, "Password")
                .define(REDIS_TIMEOUT_MS_CONFIG, Type.INT, REDIS_TIMEOUT_MS_DEFAULT, Validators.positive(),
                        Importance.LOW, REDIS_TIMEOUT_MS_DOC, GROUP_CONNECTION, ++order, Width.SHORT, "Timeout (ms)");
        order = 0;
        def.define(STREAMS_CONFIG, Type.LIST, STREAMS_DEFAULT, Importance.HIGH, STREAMS_DOC, GROUP_STREAMS, ++order,
                        Width.LONG, "Streams")
                .define(STREAMS_PATTERN_CONFIG, Type.STRING, STREAMS_PATTERN_DEFAULT, Importance.HIGH,
                        STREAMS_PATTERN_DOC, GROUP_STREAMS, ++order, Width.MEDIUM, "Stream pattern")
                .define(STREAMS_DISCOVERY_INTERVAL_MS_CONFIG, Type.LONG, STREAMS_DISCOVERY_INTERVAL_MS_DEFAULT,
                        Validators.positive(), Importance.LOW, STREAMS_DISCOVERY_INTERVAL_MS_DOC, GROUP_STREAMS,
                        ++order, Width.SHORT, "Discovery interval (ms)");
        order = 0;
        def.define(DELIVERY_MODE_CONFIG, Type.STRING, DELIVERY_MODE_DEFAULT,
                        Validators.oneOfIgnoreCase(DeliveryMode.class), Importance.HIGH, DELIVERY_MODE_DOC,
                        GROUP_DELIVERY, ++order, Width.SHORT, "Delivery mode",
                        Recommenders.enumValues(DeliveryMode.class))
                .define(START_ID_CONFIG, Type.STRING, START_ID_DEFAULT, startIdValidator(), Importance.MEDIUM,
                        START_ID_DOC, GROUP_DELIVERY, ++order, Width.SHORT, "Start id")
                .define(GROUP_NAME_CONFIG, Type.STRING, GROUP_NAME_DEFAULT, Importance.MEDIUM, GROUP_NAME_DOC,
                        GROUP_DELIVERY, ++order, Width.MEDIUM, "Consumer group",
                        Recommenders.visibleIf(DELIVERY_MODE_CONFIG, ConfigEnums.name(DeliveryMode.GROUP)))
                .define(GROUP_CLAIM_MIN_IDLE_MS_CONFIG, Type.LONG, GROUP_CLAIM_MIN_IDLE_MS_DEFAULT,
                        Validators.positive(), Importance.LOW, GROUP_CLAIM_MIN_IDLE_MS_DOC, GROUP_DELIVERY, ++order,
                        Width.SHORT, "Reclaim idle time (ms)",
                        Recommenders.visibleIf(DELIVERY_MODE_CONFIG, ConfigEnums.name(DeliveryMode.GROUP)))
                .define(GROUP_CLAIM_INTERVAL_MS_CONFIG, Type.LONG, GROUP_CLAIM_INTERVAL_MS_DEFAULT,
                        Validators.positive(), Importance.LOW, GROUP_CLAIM_INTERVAL_MS_DOC, GROUP_DELIVERY, ++order,
                        Width.SHORT, "Reclaim interval (ms)",
                        Recommenders.visibleIf(DELIVERY_MODE_CONFIG, ConfigEnums.name(DeliveryMode.GROUP)))
                .define(BATCH_SIZE_CONFIG, Type.INT, BATCH_SIZE_DEFAULT, Validators.positive(), Importance.LOW,
                        BATCH_SIZE_DOC, GROUP_DELIVERY, ++order, Width.SHORT, "Batch size")
                .define(POLL_BLOCK_MS_CONFIG, Type.INT, POLL_BLOCK_MS_DEFAULT, ConfigDef.Range.between(1, 30_000),
                        Importance.LOW, POLL_BLOCK_MS_DOC, GROUP_DELIVERY, ++order, Width.SHORT, "Block (ms)")
                .define(READ_AHEAD_BATCHES_CONFIG, Type.INT, READ_AHEAD_BATCHES_DEFAULT, ConfigDef.Range.between(0, 16),
                        Importance.LOW, READ_AHEAD_BATCHES_DOC, GROUP_DELIVERY, ++order, Width.SHORT,
                        "Read-ahead batches");
        order = 0;
        def.define(TOPIC_CONFIG, Type.STRING, TOPIC_DEFAULT, TopicTemplate.validator(), Importance.HIGH, TOPIC_DOC,
                        GROUP_RECORDS, ++order, Width.MEDIUM, "Topic")
                .define(KEY_FIELD_CONFIG, Type.STRING, KEY_FIELD_DEFAULT, Importance.MEDIUM, KEY_FIELD_DOC,
                        GROUP_RECORDS, ++order, Width.MEDIUM, "Key field")
                .define(VALUE_FORMAT_CONFIG, Type.STRING, VALUE_FORMAT_DEFAULT,
                        Validators.oneOfIgnoreCase(ValueFormat.class), Importance.MEDIUM, VALUE_FORMAT_DOC,
                        GROUP_RECORDS, ++order, Width.SHORT, "Value format", Recommenders.enumValues(ValueFormat.class))
                .define(VALUE_JSON_FIELD_CONFIG, Type.STRING, VALUE_JSON_FIELD_DEFAULT, Importance.MEDIUM,
                        VALUE_JSON_FIELD_DOC, GROUP_RECORDS, ++order, Width.MEDIUM, "JSON field",
                        Recommenders.visibleIf(VALUE_FORMAT_CONFIG, ConfigEnums.name(ValueFormat.JSON)));
        new RetryPolicyConfig().define(def);
        new BadRecordConfig().define(def);
        return def;
    }

    private static ConfigDef.Validator startIdValidator() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (value != null) {
                    StartPosition.parse(name, value.toString());
                }
            }

            @Override
            public String toString() {
                return "earliest, latest, or an entry id such as 1700000000000-0";
            }
        };
    }

    /** @return the connector's name, for messages, the default group and consumer names */
    public String connectorName() {
        return connectorName;
    }

    /** @return where the server is and how to log in */
    public RedisEndpoint endpoint() {
        return endpoint;
    }

    /** @return the configured stream keys, blanks and repeats removed; empty when a pattern is used */
    public List<String> streams() {
        return streams;
    }

    /** @return the SCAN MATCH glob; empty when keys are listed */
    public String streamsPattern() {
        return streamsPattern;
    }

    public long discoveryIntervalMs() {
        return discoveryIntervalMs;
    }

    public DeliveryMode deliveryMode() {
        return deliveryMode;
    }

    public StartPosition startPosition() {
        return startPosition;
    }

    /** @return the consumer group: group.name, or the connector's name when that is empty */
    public String groupName() {
        return groupName;
    }

    public long claimMinIdleMs() {
        return claimMinIdleMs;
    }

    public long claimIntervalMs() {
        return claimIntervalMs;
    }

    public int batchSize() {
        return batchSize;
    }

    public int pollBlockMs() {
        return pollBlockMs;
    }

    /** @return how many batches a task reads ahead of Connect; 0 for none */
    public int readAheadBatches() {
        return readAheadBatches;
    }

    TopicTemplate topic() {
        return topic;
    }

    /** @return the key field; empty for the entry id */
    public String keyField() {
        return keyField;
    }

    public ValueFormat valueFormat() {
        return valueFormat;
    }

    /** @return the field parsed as JSON; empty unless the format is json */
    public String valueJsonField() {
        return valueJsonField;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public BadRecordPolicy badRecordPolicy() {
        return badRecordPolicy;
    }

    /** @return the error topic; empty unless the policy is error_topic */
    public String badRecordTopic() {
        return badRecordTopic;
    }
}
