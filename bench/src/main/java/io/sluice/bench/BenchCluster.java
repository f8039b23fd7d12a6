package io.sluice.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * One Kafka broker and one Connect worker in this JVM, the worker's {@code plugin.path} being the
 * prepared plugin directory, plus an Admin client that reads the topics' end offsets.
 */
public final class BenchCluster implements AutoCloseable {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddedConnectCluster connect;
    private final Admin admin;

    private BenchCluster(EmbeddedConnectCluster connect) {
        this.connect = connect;
        this.admin = connect.kafka().createAdminClient();
    }

    /** Starts a broker and a worker whose plugin path is {@code pluginPath}. */
    public static BenchCluster start(Path pluginPath) {
        Map<String, String> worker = new HashMap<>();
        worker.put(WorkerConfig.PLUGIN_PATH_CONFIG, pluginPath.toString());
        // Every plugin installed here (ours, Kafka's connect-file, Debezium's) has ServiceLoader manifests: the
        // reflective scan of the default mode would add a minute to each start on two cores.
        worker.put(WorkerConfig.PLUGIN_DISCOVERY_CONFIG, "service_load");
        // Lets each connector carry the tuned producer settings as producer.override.* keys.
        worker.put(WorkerConfig.CONNECTOR_CLIENT_POLICY_CLASS_CONFIG, "All");
        EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder()
            .name("sluice-bench")
            .numWorkers(1)
            .numBrokers(1)
            .workerProps(worker)
            .build();
        connect.start();
        return new BenchCluster(connect);
    }

    /** The worker, for creating and deleting connectors through its REST API. */
    public EmbeddedConnectCluster connect() {
        return connect;
    }

    /** The broker's bootstrap servers. */
    public String bootstrapServers() {
        return connect.kafka().bootstrapServers();
    }

    /**
     * Creates a topic with one partition, so a single task's record order is the topic's, and
     * returns once its end offset can be read: no case's clock starts on a topic still being created.
     */
    public void createTopic(String topic) throws InterruptedException, ExecutionException, TimeoutException {
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all()
            .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        while (true) {
            try {
                endOffset(topic);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }

    /** Deletes a topic so a long run does not keep every case's data on disk. */
    public void deleteTopic(String topic) throws InterruptedException, ExecutionException, TimeoutException {
        admin.deleteTopics(List.of(topic)).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The end offset of the topic's single partition: the records acknowledged so far. */
    public long endOffset(String topic) throws InterruptedException, ExecutionException, TimeoutException {
        TopicPartition tp = new TopicPartition(topic, 0);
        return admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp)
            .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset();
    }

    /** Reads up to {@code max} records from the start of the topic and measures their sizes. */
    public RecordSample sample(String topic, int max) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, max);
        TopicPartition tp = new TopicPartition(topic, 0);
        try (KafkaConsumer<byte[], byte[]> consumer = connect.kafka().createConsumer(props)) {
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            RecordSample sample = new RecordSample();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (sample.count < max && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (sample.count < max) {
                        sample.add(r);
                    }
                }
            }
            return sample;
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        connect.stop();
    }

    /** Average sizes over the first records of a topic, and the first value as an example. */
    public static final class RecordSample {
        private int count;
        private long valueBytes;
        private long headerBytes;
        private String example;

        void add(ConsumerRecord<byte[], byte[]> r) {
            count++;
            valueBytes += r.value() == null ? 0 : r.value().length;
            for (Header h : r.headers()) {
                headerBytes += h.key().length() + (h.value() == null ? 0 : h.value().length);
            }
            if (example == null && r.value() != null && count > 1) {
                // the second record: the first of FileStreamSource is the header line
                example = new String(r.value(), StandardCharsets.UTF_8);
            }
        }

        /** Records sampled. */
        public int count() {
            return count;
        }

        /** Average value size in bytes, 0 when nothing was sampled. */
        public double avgValueBytes() {
            return count == 0 ? 0 : (double) valueBytes / count;
        }

        /** Average size of the headers' keys and values in bytes. */
        public double avgHeaderBytes() {
            return count == 0 ? 0 : (double) headerBytes / count;
        }

        /** The second record's value as text, or null. */
        public String example() {
            return example;
        }
    }
}
