package io.sluice.bench;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * The input topic of the sink benchmarks: the ten-column record of {@link RedisBenchData#entry(long)} as typed
 * Structs, serialized by {@code JsonConverter} with schemas, as a source connector would have written them.
 */
final class SinkTopic {

    /** The record's schema, the types of {@link PgBenchData#COLUMNS}. */
    static final Schema SCHEMA = SchemaBuilder.struct().name("bench_row")
        .field("id", Schema.INT64_SCHEMA)
        .field("customer", Schema.STRING_SCHEMA)
        .field("amount", Decimal.builder(2).build())
        .field("currency", Schema.STRING_SCHEMA)
        .field("status", Schema.STRING_SCHEMA)
        .field("created_at", Timestamp.SCHEMA)
        .field("country", Schema.STRING_SCHEMA)
        .field("channel", Schema.STRING_SCHEMA)
        .field("items", Schema.INT32_SCHEMA)
        .field("note", Schema.STRING_SCHEMA)
        .build();

    private SinkTopic() {
    }

    /** Record {@code i} as a Struct. */
    static Struct struct(long i) {
        Map<String, String> e = RedisBenchData.entry(i);
        return new Struct(SCHEMA)
            .put("id", i)
            .put("customer", e.get("customer"))
            .put("amount", new BigDecimal(e.get("amount")))
            .put("currency", e.get("currency"))
            .put("status", e.get("status"))
            .put("created_at", Date.from(Instant.parse(e.get("created_at"))))
            .put("country", e.get("country"))
            .put("channel", e.get("channel"))
            .put("items", Integer.parseInt(e.get("items")))
            .put("note", e.get("note"));
    }

    /** Creates the one-partition topic {@code bench-sink-<n>} holding records 0 to n - 1 and returns its name. */
    static String fill(BenchCluster cluster, long n, PrintStream out) throws Exception {
        String topic = "bench-sink-" + n;
        cluster.createTopic(topic);
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "true", "decimal.format", "NUMERIC"), false);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        out.printf(Locale.ROOT, "Filling topic %s with %,d records...%n", topic, n);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
            new ByteArraySerializer())) {
            for (long i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>(topic, Long.toString(i).getBytes(StandardCharsets.UTF_8),
                    converter.fromConnectData(topic, SCHEMA, struct(i))));
            }
            producer.flush();
        }
        return topic;
    }
}
