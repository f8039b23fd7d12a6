package io.sluice.testkit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Follows a topic from its beginning with one long-lived {@code read_committed} consumer, keeping what
 * {@code extract} takes from each record (not the records themselves, so a test can follow a topic of hundreds of
 * thousands of rows). For watching progress while a test stops tasks and workers; final exact counts use
 * {@link ConnectClusterFixture#consumeExactly}.
 *
 * @param <T> what is kept per record
 */
public final class TopicTail<T> implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final Function<ConsumerRecord<byte[], byte[]>, T> extract;
    private final Supplier<String> diagnostics;
    private final List<T> seen = new ArrayList<>();
    private List<TopicPartition> partitions;

    private TopicTail(ConnectClusterFixture cluster, String topic, Function<ConsumerRecord<byte[], byte[]>, T> extract) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000));
        this.topic = topic;
        this.extract = extract;
        this.diagnostics = cluster::describeConnectors;
    }

    /** Follows {@code topic}, keeping {@code extract(record)} for every record. */
    public static <T> TopicTail<T> follow(ConnectClusterFixture cluster, String topic,
                                          Function<ConsumerRecord<byte[], byte[]>, T> extract) {
        return new TopicTail<>(cluster, topic, extract);
    }

    /** Polls once (the topic may not exist yet) and returns how many records have been seen so far. */
    public int poll() {
        if (partitions == null) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, POLL);
            if (infos == null || infos.isEmpty()) {
                return 0;
            }
            partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        consumer.poll(POLL).forEach(r -> seen.add(extract.apply(r)));
        return seen.size();
    }

    /** Polls until at least {@code count} records have been seen; returns everything seen. */
    public List<T> awaitAtLeast(int count, Duration timeout) {
        return awaitUntil(s -> s.size() >= count, timeout, "at least " + count + " records");
    }

    /** Polls until what has been seen satisfies {@code condition}; returns everything seen. */
    public List<T> awaitUntil(Predicate<List<T>> condition, Duration timeout, String description) {
        ConnectClusterFixture.await(() -> {
            poll();
            return condition.test(seen);
        }, timeout, () -> "Topic " + topic + " did not reach: " + description + " within " + timeout + " ("
                + seen.size() + " records seen)\n" + diagnostics.get());
        return List.copyOf(seen);
    }

    /** Everything seen so far. */
    public List<T> seen() {
        return List.copyOf(seen);
    }

    /**
     * The sum of the partitions' end offsets as a {@code read_committed} consumer sees them: an upper bound of the
     * records committed to the topic now (transaction markers and aborted records take offsets too).
     */
    public long endOffset() {
        if (partitions == null) {
            return 0;
        }
        return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
