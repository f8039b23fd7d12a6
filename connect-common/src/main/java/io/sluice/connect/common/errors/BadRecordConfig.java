package io.sluice.connect.common.errors;

import io.sluice.connect.common.config.ConfigEnums;
import io.sluice.connect.common.config.ConfigFragment;
import io.sluice.connect.common.config.Recommenders;
import io.sluice.connect.common.config.ValidationResults;
import io.sluice.connect.common.config.Validators;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * The keys that decide what a source does with a record it cannot read, and the headers of the records it sends
 * to the error topic. A bad record never stops a pipeline silently and never vanishes: it fails the task, is
 * logged and counted, or lands in the error topic.
 */
public final class BadRecordConfig implements ConfigFragment {

    /** Default group of the bad-record keys in the config reference. */
    public static final String GROUP = "Bad records";

    /** The {@link BadRecordPolicy}, by lower-case name. */
    public static final String BAD_RECORD_POLICY = "bad.record.policy";
    public static final String BAD_RECORD_POLICY_DOC = "What to do with a record that cannot be read or converted: "
            + "'fail' stops the task with an error naming the record's location, 'skip' logs and counts it and "
            + "continues, 'error_topic' sends the raw record to bad.record.topic with headers naming its location "
            + "and the reason, and continues.";
    public static final String BAD_RECORD_POLICY_DEFAULT = ConfigEnums.name(BadRecordPolicy.FAIL);

    /** The topic that receives bad records under {@code error_topic}. */
    public static final String BAD_RECORD_TOPIC = "bad.record.topic";
    public static final String BAD_RECORD_TOPIC_DOC = "The topic that receives bad records when bad.record.policy "
            + "is 'error_topic'; required then. The raw record is the value; the headers sluice.error.reason, "
            + "sluice.error.source, sluice.error.line, sluice.error.position and sluice.error.connector say why "
            + "and where it came from.";
    public static final String BAD_RECORD_TOPIC_DEFAULT = "";

    /** Header of an error record: why the record was rejected. */
    public static final String HEADER_REASON = "sluice.error.reason";
    /** Header of an error record: the file, object or table the record came from. */
    public static final String HEADER_SOURCE = "sluice.error.source";
    /** Header of an error record: the 1-based line where the record starts, for text sources. */
    public static final String HEADER_LINE = "sluice.error.line";
    /** Header of an error record: the byte position or cursor where the record starts. */
    public static final String HEADER_POSITION = "sluice.error.position";
    /** Header of an error record: the name of the connector that rejected it. */
    public static final String HEADER_CONNECTOR = "sluice.error.connector";

    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private final String group;

    /** Defines the keys in the {@value #GROUP} group. */
    public BadRecordConfig() {
        this(GROUP);
    }

    /** @param group the group to show the keys under */
    public BadRecordConfig(String group) {
        this.group = group;
    }

    @Override
    public void define(ConfigDef def) {
        int order = 0;
        def.define(BAD_RECORD_POLICY, ConfigDef.Type.STRING, BAD_RECORD_POLICY_DEFAULT,
                        Validators.oneOfIgnoreCase(BadRecordPolicy.class), ConfigDef.Importance.MEDIUM,
                        BAD_RECORD_POLICY_DOC, group, ++order, ConfigDef.Width.SHORT, "Bad record policy",
                        Recommenders.enumValues(BadRecordPolicy.class))
                .define(BAD_RECORD_TOPIC, ConfigDef.Type.STRING, BAD_RECORD_TOPIC_DEFAULT, topicNameOrEmpty(),
                        ConfigDef.Importance.MEDIUM, BAD_RECORD_TOPIC_DOC, group, ++order, ConfigDef.Width.MEDIUM,
                        "Bad record topic",
                        Recommenders.visibleIf(BAD_RECORD_POLICY, ConfigEnums.name(BadRecordPolicy.ERROR_TOPIC)));
    }

    /**
     * @param config a parsed config whose definition includes this fragment
     * @return the configured policy
     */
    public static BadRecordPolicy policy(AbstractConfig config) {
        return ConfigEnums.parse(BadRecordPolicy.class, BAD_RECORD_POLICY, config.getString(BAD_RECORD_POLICY));
    }

    /**
     * @param config a parsed config whose definition includes this fragment
     * @return the error topic, or the empty string when the policy is not {@code error_topic}
     * @throws ConfigException if the policy is {@code error_topic} and no topic is set
     */
    public static String topic(AbstractConfig config) {
        if (policy(config) != BadRecordPolicy.ERROR_TOPIC) {
            return "";
        }
        String topic = config.getString(BAD_RECORD_TOPIC);
        if (topic == null || topic.isBlank()) {
            throw new ConfigException(BAD_RECORD_TOPIC, topic, missingTopicMessage());
        }
        return topic.trim();
    }

    /**
     * Cross-field check for {@code Connector.validate()}: {@code error_topic} needs a topic. An unknown policy is
     * left to the {@code ConfigDef}'s own validation.
     *
     * @param props  the configuration, aliases already applied
     * @param result the validation result to attach the error to
     */
    public static void validate(Map<String, String> props, Config result) {
        String policy = props.getOrDefault(BAD_RECORD_POLICY, BAD_RECORD_POLICY_DEFAULT);
        if (policy == null || !policy.trim().equalsIgnoreCase(ConfigEnums.name(BadRecordPolicy.ERROR_TOPIC))) {
            return;
        }
        String topic = props.get(BAD_RECORD_TOPIC);
        if (topic == null || topic.isBlank()) {
            ValidationResults.addError(result, BAD_RECORD_TOPIC, missingTopicMessage());
        }
    }

    private static String missingTopicMessage() {
        return "must be set when " + BAD_RECORD_POLICY + " is error_topic: name the topic that receives bad records, "
                + "or choose " + BAD_RECORD_POLICY + "=fail or skip";
    }

    private static ConfigDef.Validator topicNameOrEmpty() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                String topic = value == null ? "" : value.toString().trim();
                if (!topic.isEmpty() && (!TOPIC_NAME.matcher(topic).matches()
                        || topic.equals(".") || topic.equals(".."))) {
                    throw new ConfigException(name, value, "is not a valid topic name: use up to 249 letters, "
                            + "digits, '.', '_' or '-'");
                }
            }

            @Override
            public String toString() {
                return "a topic name, or empty when " + BAD_RECORD_POLICY + " is not error_topic";
            }
        };
    }
}
