package io.sluice.testkit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.test.TestUtils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Reads a topic from the beginning with {@code isolation.level=read_committed}, so records of aborted
 * transactions (an exactly-once task that was killed mid-transaction) are never counted.
 *
 * <p>Each call uses a fresh consumer with manually assigned partitions: no group, no rebalance delay, no
 * committed offsets left behind.
 */
public final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final Supplier<String> diagnostics;

    /**
     * @param bootstrapServers the Kafka cluster
     * @param diagnostics      text appended to failure messages, such as the state of every connector
     */
    public TopicReader(String bootstrapServers, Supplier<String> diagnostics) {
        this.bootstrapServers = bootstrapServers;
        this.diagnostics = diagnostics;
    }

    /**
     * Reads until exactly {@code expected} records are in {@code topic}, then drains everything committed
     * so far and fails if there are more (a duplicate or a stray record).
     *
     * @param timeout how long to wait for the records (and the topic) to appear
     * @return the records in partition, offset order
     * @throws AssertionError when fewer arrive within {@code timeout} or more than {@code expected} exist
     */
    public List<ConsumerRecord<byte[], byte[]>> consumeExactly(String topic, int expected, Duration timeout) {
        return consumeExactly(topic, expected, timeout, Duration.ZERO);
    }

    /**
     * As {@link #consumeExactly(String, int, Duration)}, and then keeps reading for {@code settle} so that
     * late extra records (a task replaying from an old offset) also fail the call.
     */
    public List<ConsumerRecord<byte[], byte[]>> consumeExactly(String topic, int expected, Duration timeout,
                                                               Duration settle) {
        try (KafkaConsumer<byte[], byte[]> consumer = newConsumer()) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<TopicPartition> partitions = assignAll(consumer, topic, timeout);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(POLL).forEach(records::add);
            }
            if (records.size() < expected) {
                throw new AssertionError("Expected " + expected + " records in topic " + topic + " within " + timeout
                        + " but found " + records.size() + diagnostics());
            }
            drain(consumer, partitions, records);
            long settleEnd = System.nanoTime() + settle.toNanos();
            while (System.nanoTime() < settleEnd) {
                consumer.poll(POLL).forEach(records::add);
            }
            if (records.size() != expected) {
                throw new AssertionError("Expected exactly " + expected + " records in topic " + topic + " but found "
                        + records.size() + " (duplicates or extra records)" + diagnostics());
            }
            return sorted(records);
        }
    }

    /**
     * Everything committed to {@code topic} when the call starts, waiting up to {@code timeout} for the
     * topic to exist.
     */
    public List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic, Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> consumer = newConsumer()) {
            List<TopicPartition> partitions = assignAll(consumer, topic, timeout);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            drain(consumer, partitions, records);
            return sorted(records);
        }
    }

    private void drain(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
                       List<ConsumerRecord<byte[], byte[]>> records) {
        // With read_committed these are the last stable offsets: everything committed up to now.
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Could not read " + partitions + " up to " + end + " within " + DRAIN_TIMEOUT
                        + diagnostics());
            }
            consumer.poll(POLL).forEach(records::add);
        }
    }

    private List<TopicPartition> assignAll(KafkaConsumer<byte[], byte[]> consumer, String topic, Duration timeout) {
        AtomicReference<List<PartitionInfo>> found = new AtomicReference<>(List.of());
        try {
            TestUtils.waitForCondition(() -> {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, POLL);
                found.set(infos == null ? List.of() : infos);
                return !found.get().isEmpty();
            }, timeout.toMillis(), () -> "Topic " + topic + " was not created within " + timeout + diagnostics());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for topic " + topic, e);
        }
        List<TopicPartition> partitions = found.get().stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    private KafkaConsumer<byte[], byte[]> newConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500));
    }

    private static List<ConsumerRecord<byte[], byte[]>> sorted(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream()
                .sorted(Comparator.<ConsumerRecord<byte[], byte[]>>comparingInt(ConsumerRecord::partition)
                        .thenComparingLong(ConsumerRecord::offset))
                .toList();
    }

    private String diagnostics() {
        String text = diagnostics.get();
        return text == null || text.isEmpty() ? "" : "\n" + text;
    }
}
