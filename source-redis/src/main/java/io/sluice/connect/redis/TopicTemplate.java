package io.sluice.connect.redis;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code topic} setting: a fixed name or a template with {@code ${stream}}. Characters a topic name cannot hold
 * become {@code _}, so {@code orders:eu} gives {@code orders_eu}.
 */
final class TopicTemplate {

    static final String STREAM_VARIABLE = "${stream}";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern INVALID = Pattern.compile("[^a-zA-Z0-9._-]");
    private static final int MAX_LENGTH = 249;

    private final String template;

    private TopicTemplate(String template) {
        this.template = template;
    }

    /**
     * @param template the configured value
     * @return the template
     * @throws ConfigException naming {@code topic} when it is empty or uses an unknown variable
     */
    static TopicTemplate parse(String template) {
        String text = template == null ? "" : template.trim();
        if (text.isEmpty()) {
            throw new ConfigException(RedisStreamSourceConfig.TOPIC_CONFIG, template, "must not be empty");
        }
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            if (!m.group().equals(STREAM_VARIABLE)) {
                throw new ConfigException(RedisStreamSourceConfig.TOPIC_CONFIG, template, "uses " + m.group()
                        + "; the only variable is " + STREAM_VARIABLE);
            }
        }
        return new TopicTemplate(text);
    }

    static ConfigDef.Validator validator() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                parse(value == null ? null : value.toString());
            }

            @Override
            public String toString() {
                return "a topic name, or a template with ${stream}";
            }
        };
    }

    /**
     * @param stream the stream key
     * @return the topic for its records
     */
    String topicFor(String stream) {
        String topic = INVALID.matcher(template.replace(STREAM_VARIABLE, stream)).replaceAll("_");
        if (topic.equals(".") || topic.equals("..")) {
            topic = topic.replace('.', '_');
        }
        return topic.length() > MAX_LENGTH ? topic.substring(0, MAX_LENGTH) : topic;
    }

    @Override
    public String toString() {
        return template;
    }
}
