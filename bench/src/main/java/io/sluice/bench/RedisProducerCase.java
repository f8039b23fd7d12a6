package io.sluice.bench;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * What the Kafka producer alone can do with the records the Redis source writes: one thread sends ready-made records
 * of the same shape (an entry id as the key, the entry's fields as a JSON object, the two headers) through a producer
 * configured as Connect configures a source task's. Nothing is read from Redis: at each producer setting this is the
 * most any source writing these records can reach.
 */
public final class RedisProducerCase extends ProducerCase {

    private static final long FIRST_MS = 1_765_000_000_000L;

    private final String stream;

    /** A case sending {@code rows} records like those of {@code stream} at {@code settings}. */
    public RedisProducerCase(String stream, long rows, ProducerSettings settings, String bootstrapServers) {
        super(rows, settings, bootstrapServers);
        this.stream = stream;
    }

    @Override
    public String description() {
        return "KafkaProducer<byte[],byte[]>, ready records of the same shape";
    }

    @Override
    void send(Producer<byte[], byte[]> producer, String topic) {
        byte[] streamBytes = stream.getBytes(StandardCharsets.UTF_8);
        for (long i = 0; i < rows() && sending(); i++) {
            byte[] id = (FIRST_MS + i / 1000 + "-" + i % 1000).getBytes(StandardCharsets.UTF_8);
            RecordHeaders headers = new RecordHeaders();
            headers.add("sluice.stream", streamBytes);
            headers.add("sluice.entry.id", id);
            byte[] value = RedisBenchData.json(i).getBytes(StandardCharsets.UTF_8);
            producer.send(new ProducerRecord<>(topic, null, id, value, headers), onFailure());
        }
    }
}
