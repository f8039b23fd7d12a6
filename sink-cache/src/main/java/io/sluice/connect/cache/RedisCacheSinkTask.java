package io.sluice.connect.cache;

import io.sluice.connect.common.Version;
import io.sluice.connect.common.errors.Retrier;
import io.sluice.connect.common.errors.Sleeper;
import io.sluice.connect.common.metrics.SluiceMetrics;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each {@code put()} batch to Redis in one pipeline. Writes are idempotent, and every batch is written
 * (or its bad records reported) before {@code put()} returns, so the offsets Connect commits afterwards never run
 * ahead of Redis.
 */
public class RedisCacheSinkTask extends SinkTask {

    private static final Logger log = LoggerFactory.getLogger(RedisCacheSinkTask.class);

    private RedisConnection connection;
    private CacheSinkMetrics metrics;
    private CacheWriter writer;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        start(new RedisCacheSinkConfig(props), SluiceMetrics.of(() -> context.pluginMetrics()), errantReporter());
    }

    void start(RedisCacheSinkConfig config, SluiceMetrics pluginMetrics, ErrantRecordReporter reporter) {
        Clock clock = Clock.systemUTC();
        connection = new RedisConnection(config.endpoint());
        metrics = new CacheSinkMetrics(pluginMetrics);
        SplittableRandom random = new SplittableRandom();
        Retrier retrier = new Retrier(RedeliveryBackoff.inPut(config.retryPolicy()), clock, Sleeper.system(), random,
                RedisErrors::classify);
        RedeliveryBackoff redelivery = new RedeliveryBackoff(config.retryPolicy(), random, this::timeout);
        writer = new CacheWriter(config.recordMapper(clock),
                new PipelineWriter(connection, config.newerWinsScript()), retrier, redelivery,
                new BadRecordHandler(config.connectorName(), reporter, metrics), metrics,
                () -> WriteStatus.of(config.connectorName()), config.endpoint().toString());
        log.info("Redis cache sink task for connector '{}' started: writing to {} with key template '{}', "
                + "value format {}, newer-wins {}", config.connectorName(), config.endpoint(), config.keyTemplate(),
                config.valueFormat(), config.newerWins());
    }

    private void timeout(long waitMs) {
        if (context != null) {
            context.timeout(waitMs);
        }
    }

    private ErrantRecordReporter errantReporter() {
        try {
            return context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError olderWorker) {
            // workers before Kafka 2.6 have no reporter: bad records then fail the task
            return null;
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (!records.isEmpty()) {
            writer.write(records);
        }
    }

    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        // every put() is written synchronously before it returns: nothing is buffered
    }

    @Override
    public void stop() {
        if (connection != null) {
            connection.close();
        }
        if (metrics != null) {
            metrics.close();
        }
        log.info("Redis cache sink task stopped");
    }
}
