package io.sluice.connect.jdbc.it;

import io.sluice.testkit.ConnectClusterFixture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes many records to a topic at once, in order: one producer, sends pipelined, flushed at the end. */
public final class Records {

    private final List<String[]> keyValues = new ArrayList<>();

    /** Adds a record; a null value is a tombstone. */
    public Records add(String key, String value) {
        keyValues.add(new String[] {key, value});
        return this;
    }

    /** Sends every record added, in order, and waits until all are acknowledged. */
    public void sendTo(ConnectClusterFixture cluster, String topic) {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (String[] kv : keyValues) {
                producer.send(new ProducerRecord<>(topic, kv[0], kv[1]));
            }
            producer.flush();
        }
    }
}
