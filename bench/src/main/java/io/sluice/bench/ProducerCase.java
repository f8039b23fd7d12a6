package io.sluice.bench;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/**
 * A baseline that sends records itself: one thread and a producer configured exactly as Connect configures a source
 * task's, at the case's settings. Subclasses say what they send.
 */
abstract class ProducerCase implements BenchCase {

    private final long rows;
    private final ProducerSettings settings;
    private final String bootstrapServers;
    private final AtomicReference<String> failure = new AtomicReference<>();
    private volatile boolean stopping;
    private Thread sender;

    ProducerCase(long rows, ProducerSettings settings, String bootstrapServers) {
        this.rows = rows;
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Sends the case's records to {@code topic}, stopping early when {@link #sending()} turns false.
     *
     * @throws Exception when the records cannot be read or built
     */
    abstract void send(Producer<byte[], byte[]> producer, String topic) throws Exception;

    @Override
    public Kind kind() {
        return Kind.RAW;
    }

    @Override
    public long expectedRecords() {
        return rows;
    }

    long rows() {
        return rows;
    }

    /** @return whether to go on sending: not stopping and nothing failed */
    boolean sending() {
        return !stopping && failure.get() == null;
    }

    /** @return a callback that records the first failed send */
    Callback onFailure() {
        return (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, "send failed: " + e);
            }
        };
    }

    @Override
    public void start(String topic) {
        sender = new Thread(() -> run(topic), "raw-producer-" + topic);
        sender.setDaemon(true);
        sender.start();
    }

    private void run(String topic) {
        try (Producer<byte[], byte[]> producer = new KafkaProducer<>(settings.rawProducerConfig(bootstrapServers))) {
            send(producer, topic);
            producer.flush();
        } catch (Exception e) {
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
