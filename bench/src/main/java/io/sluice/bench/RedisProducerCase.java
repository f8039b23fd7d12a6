package io.sluice.bench;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * What the Kafka producer alone can do with the records the Redis source writes: one thread sends ready-made records
 * of the same shape (an entry id as the key, the entry's fields as a JSON object, the two headers) through a producer
 * configured as Connect configures a source task's. Nothing is read from Redis: at each producer setting this is the
 * most any source writing these records can reach.
 */
public final class RedisProducerCase implements BenchCase {

    private static final long FIRST_MS = 1_765_000_000_000L;

    private final String stream;
    private final long rows;
    private final ProducerSettings settings;
    private final String bootstrapServers;
    private final AtomicReference<String> failure = new AtomicReference<>();
    private volatile boolean stopping;
    private Thread sender;

    /** A case sending {@code rows} records like those of {@code stream} at {@code settings}. */
    public RedisProducerCase(String stream, long rows, ProducerSettings settings, String bootstrapServers) {
        this.stream = stream;
        this.rows = rows;
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public Kind kind() {
        return Kind.RAW;
    }

    @Override
    public String description() {
        return "KafkaProducer<byte[],byte[]>, ready records of the same shape";
    }

    @Override
    public long expectedRecords() {
        return rows;
    }

    @Override
    public void start(String topic) {
        sender = new Thread(() -> send(topic), "redis-raw-producer-" + topic);
        sender.setDaemon(true);
        sender.start();
    }

    private void send(String topic) {
        byte[] streamBytes = stream.getBytes(StandardCharsets.UTF_8);
        try (Producer<byte[], byte[]> producer = new KafkaProducer<>(settings.rawProducerConfig(bootstrapServers))) {
            for (long i = 0; i < rows && !stopping && failure.get() == null; i++) {
                byte[] id = (FIRST_MS + i / 1000 + "-" + i % 1000).getBytes(StandardCharsets.UTF_8);
                RecordHeaders headers = new RecordHeaders();
                headers.add("sluice.stream", streamBytes);
                headers.add("sluice.entry.id", id);
                byte[] value = RedisBenchData.json(i).getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(topic, null, id, value, headers), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, "send failed: " + e);
                    }
                });
            }
            producer.flush();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, "raw producer failed: " + e);
        }
    }

    @Override
    public Optional<String> failure() {
        return Optional.ofNullable(failure.get());
    }

    @Override
    public void stop() throws InterruptedException {
        stopping = true;
        if (sender != null) {
            sender.join();
        }
    }
}
