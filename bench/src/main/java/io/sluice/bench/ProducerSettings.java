package io.sluice.bench;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The two producer configurations every source is measured at. A connector gets them as
 * {@code producer.override.*} keys; the raw-producer baseline gets Connect's own base producer
 * configuration plus the same keys, so both sides of a ratio send through identical producers.
 */
public enum ProducerSettings {

    /** What a Connect worker uses when nobody tunes it: acks=all, one request in flight, linger 5 ms, 16 KB batches. */
    DEFAULT("default", Map.of()),

    /** Larger, fuller batches: the override that lifts a source's ceiling most. */
    TUNED("tuned", orderedMap(ProducerConfig.LINGER_MS_CONFIG, "10", ProducerConfig.BATCH_SIZE_CONFIG, "262144"));

    private static final String OVERRIDE_PREFIX = "producer.override.";

    private final String label;
    private final Map<String, String> overrides;

    ProducerSettings(String label, Map<String, String> overrides) {
        this.label = label;
        this.overrides = overrides;
    }

    /** The name used on the command line and in the result table. */
    public String label() {
        return label;
    }

    /** A short description for the result table, e.g. {@code linger.ms=10 batch.size=262144}. */
    public String describe() {
        if (overrides.isEmpty()) {
            return "Connect defaults";
        }
        StringBuilder sb = new StringBuilder();
        overrides.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }

    /** The connector config entries that apply these settings to the connector's producer. */
    public Map<String, String> connectorOverrides() {
        Map<String, String> result = new LinkedHashMap<>();
        overrides.forEach((k, v) -> result.put(OVERRIDE_PREFIX + k, v));
        return result;
    }

    /**
     * A raw producer configured as a Connect worker configures a source task's producer
     * ({@code Worker.baseProducerConfigs} in Kafka 4.3), plus these settings.
     */
    public Map<String, Object> rawProducerConfig(String bootstrapServers) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(Long.MAX_VALUE));
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(Integer.MAX_VALUE));
        props.putAll(overrides);
        return props;
    }

    /** Parses a label as given on the command line. */
    public static ProducerSettings fromLabel(String label) {
        for (ProducerSettings s : values()) {
            if (s.label.equalsIgnoreCase(label.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown producer settings '" + label + "': use default or tuned");
    }

    private static Map<String, String> orderedMap(String k1, String v1, String k2, String v2) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return Collections.unmodifiableMap(m);
    }
}
