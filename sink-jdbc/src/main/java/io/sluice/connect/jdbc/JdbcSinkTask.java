package io.sluice.connect.jdbc;

import io.sluice.connect.common.Version;
import io.sluice.connect.common.config.ConfigEnums;
import io.sluice.connect.common.errors.Retrier;
import io.sluice.connect.common.errors.Sleeper;
import io.sluice.connect.common.metrics.SluiceMetrics;
import io.sluice.connect.jdbc.dialect.DatabaseDialect;
import io.sluice.connect.jdbc.dialect.DatabaseDialects;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Random;

/**
 * Writes records into tables: buffers them per table ({@link JdbcWriter}) and writes every buffer before the worker
 * commits offsets, so that a committed offset always stands for a written (or reported) record.
 */
public class JdbcSinkTask extends SinkTask {

    private static final Logger log = LoggerFactory.getLogger(JdbcSinkTask.class);

    /** How long buffered rows wait for more records before they are written. */
    static final long IDLE_WRITE_MS = 500;

    private JdbcSinkConfig config;
    private JdbcSinkMetrics metrics;
    private JdbcWriter writer;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new JdbcSinkConfig(props);
        DatabaseDialect dialect = DatabaseDialects.forUrl(config.connection().url());
        metrics = new JdbcSinkMetrics(SluiceMetrics.of(() -> context.pluginMetrics()));
        Retrier retrier = new Retrier(config.retryPolicy(), Clock.systemUTC(), Sleeper.system(), new Random(),
                failure -> JdbcWriter.classify(dialect, failure));
        BadRecords badRecords = new BadRecords(config.connectorName(), config.tolerateAll(), errantRecordReporter(),
                metrics);
        String applicationName = applicationName(config.connectorName());
        writer = new JdbcWriter(config, dialect, () -> dialect.open(config.connection(), applicationName), retrier,
                badRecords, metrics);
        log.info("JdbcSinkTask of {} started: {} ({}), insert.mode={}, pk.mode={}, delete.mode={}",
                config.connectorName(), config.connection().redactedUrl(), dialect.name(),
                ConfigEnums.name(config.insertMode()), ConfigEnums.name(config.pkMode()),
                ConfigEnums.name(config.deleteMode()));
    }

    /** How the sink's sessions name themselves to the server (PostgreSQL's {@code application_name}). */
    static String applicationName(String connectorName) {
        return "sluice-jdbc-sink " + connectorName;
    }

    private ErrantRecordReporter errantRecordReporter() {
        try {
            return context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            log.warn("This worker has no errant-record reporter (Kafka 2.6+); bad records fail the task");
            return null;
        }
    }

    /**
     * Writes the buffered rows once no new record has come for {@value #IDLE_WRITE_MS} ms, rather than at the worker's
     * next offset commit ({@code offset.flush.interval.ms}, a minute by default), so the rows of a topic gone quiet
     * appear promptly while a busy topic still fills whole batches.
     */
    @Override
    public void put(Collection<SinkRecord> records) {
        writer.put(records);
        if (writer.hasBufferedRows()) {
            if (records.isEmpty()) {
                // Connect's poll came back empty: have preCommit write the buffers (and commit) now. Writing them here
                // instead would lose them on a retriable failure, which Connect answers by redelivering only put's
                // own (empty) batch; a failed commit rewinds to the last committed offsets.
                context.requestCommit();
            } else {
                // An empty poll comes back within this time when no record follows.
                context.timeout(IDLE_WRITE_MS);
            }
        }
    }

    /**
     * Writes every buffered row, then lets Connect commit the offsets it was given: all of them stand for written
     * (or reported) rows now. Connect proposes no offset for a batch whose {@code put} failed.
     */
    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        writer.flushAll();
        return currentOffsets;
    }

    /**
     * Forgets the rows buffered for partitions this task no longer owns (Connect flushed and committed what it could
     * just before): their new owner delivers them again, and writing them here later would undo newer writes.
     */
    @Override
    public void close(Collection<TopicPartition> partitions) {
        if (writer != null) {
            writer.forget(partitions);
        }
    }

    @Override
    public void stop() {
        if (writer != null) {
            writer.close();
        }
        if (metrics != null) {
            metrics.close();
        }
        log.info("JdbcSinkTask of {} stopped", config == null ? "?" : config.connectorName());
    }
}
