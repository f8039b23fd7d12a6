package io.sluice.connect.redis;

import io.sluice.connect.common.Version;
import io.sluice.connect.common.metrics.SluiceMetrics;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A task of {@link RedisStreamSourceConnector}: reads the streams of its {@link TaskAssignment} with the
 * {@link StreamReader} of the configured {@link DeliveryMode}; this class only connects it to Connect.
 */
public class RedisStreamSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(RedisStreamSourceTask.class);
    private static final long STATS_INTERVAL_MS = 10_000L;

    /** Held while a poll talks to Redis, so that {@code stop()} closes the connection only between polls. */
    private final ReentrantLock polling = new ReentrantLock();
    private RedisStreamSourceConfig config;
    private RedisSession session;
    private StreamReader reader;
    private RedisStreamMetrics metrics;
    private Clock clock;
    private long nextStatsMs;
    private boolean noStreams;
    private volatile boolean stopping;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new RedisStreamSourceConfig(props);
        TaskAssignment assignment = TaskAssignment.fromTaskProps(props);
        clock = Clock.systemUTC();
        metrics = new RedisStreamMetrics(SluiceMetrics.of(() -> context.pluginMetrics()));
        String consumer = GroupStreamReader.consumerName(config.connectorName(), assignment.index());
        session = new RedisSession(config.endpoint(), consumer, config.pollBlockMs(), config.retryPolicy(), clock);
        session.onReconnect(() -> metrics.reconnects().increment());
        EntryConverter converter = new EntryConverter(config);
        BadEntryHandler badEntries = new BadEntryHandler(config, metrics.bad());
        StreamReader modeReader = config.deliveryMode() == DeliveryMode.GROUP
                ? new GroupStreamReader(config, assignment, consumer, session, converter, badEntries, metrics, clock)
                : new OffsetStreamReader(config, assignment, session, converter, badEntries, metrics,
                        context.offsetStorageReader());
        noStreams = assignment.streams().isEmpty();
        nextStatsMs = clock.millis();
        boolean readAhead = !noStreams && config.readAheadBatches() > 0
                && config.deliveryMode() == DeliveryMode.OFFSET;
        reader = readAhead ? new ReadAheadReader(modeReader, config.readAheadBatches(), config.pollBlockMs(),
                "sluice-redis-read-" + consumer) : modeReader;
        log.info("RedisStreamSourceConnector {} task {} of {} started: {} mode, streams {} at {}",
                config.connectorName(), assignment.index(), assignment.count(),
                config.deliveryMode().name().toLowerCase(Locale.ROOT), assignment.streams(),
                config.endpoint());
        if (reader instanceof ReadAheadReader ahead) {
            ahead.start();
        }
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (stopping) {
            return null;
        }
        polling.lock();
        try {
            if (stopping) {
                return null;
            }
            List<SourceRecord> records = reader.poll();
            if (clock.millis() >= nextStatsMs) {
                nextStatsMs = clock.millis() + STATS_INTERVAL_MS;
                refreshStats();
            }
            if (records.isEmpty() && noStreams) {
                session.idle(config.pollBlockMs());
            }
            return records.isEmpty() ? null : records;
        } catch (ConnectException e) {
            if (stopping) {
                // the stop ended a backoff wait or closed the connection under a blocking read
                return null;
            }
            throw e;
        } finally {
            polling.unlock();
        }
    }

    private void refreshStats() {
        try {
            reader.refreshStats();
        } catch (RuntimeException e) {
            // the gauges keep their last values; reading goes on and reports its own failures
            log.debug("RedisStreamSourceConnector {}: cannot refresh the pending and lag metrics: {}",
                    config.connectorName(), e.toString());
        }
    }

    /** Kafka acknowledged the record: in group mode the entry may now be acknowledged to Redis. */
    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        if (reader != null) {
            reader.committed(record);
        }
    }

    @Override
    public void stop() {
        stopping = true;
        if (session == null) {
            return;
        }
        session.signalStop();
        polling.lock();
        try {
            reader.finish();
            session.close();
            metrics.close();
            reader.stopped();
        } finally {
            polling.unlock();
        }
        log.info("RedisStreamSourceConnector {} task stopped", config.connectorName());
    }
}
