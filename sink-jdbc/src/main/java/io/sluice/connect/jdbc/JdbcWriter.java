package io.sluice.connect.jdbc;

import io.sluice.connect.common.errors.ErrorClassifier;
import io.sluice.connect.common.errors.ErrorKind;
import io.sluice.connect.common.errors.Retrier;
import io.sluice.connect.jdbc.dialect.DatabaseDialect;
import io.sluice.connect.jdbc.dialect.TableId;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Buffers a task's rows per table and writes them: a table's buffer when it reaches {@code batch.size} (or when a
 * record with other columns arrives), every buffer when the worker is about to commit offsets.
 *
 * <p>Transient failures (connection lost, deadlock, server restart) are retried with backoff over a new connection;
 * when the attempts are used up the buffered rows are dropped and the consumer rewound to the first of them, so that
 * Connect delivers them again: offsets are committed only for rows that were written.
 */
final class JdbcWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JdbcWriter.class);

    private final JdbcSinkConfig config;
    private final DatabaseDialect dialect;
    private final RowMapper mapper;
    private final TableManager tables;
    private final BadRecords badRecords;
    private final JdbcSinkMetrics metrics;
    private final Retrier retrier;
    private final ConnectionFactory connections;
    private final Consumer<Map<TopicPartition, Long>> rewind;
    private final Map<TableId, TableBuffer> buffers = new LinkedHashMap<>();
    /** Where the consumer was rewound to, per partition, until the rewound records come back. */
    private final Map<TopicPartition, Long> pendingRewind = new HashMap<>();
    private Connection connection;
    /** A permanent failure of a flush before an offset commit, where Connect only logs: the next put fails with it. */
    private ConnectException fatal;

    /** Opens connections; a seam for the dialect's {@code open}. */
    @FunctionalInterface
    interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    /**
     * @param rewind receives the offsets to consume again from, per partition (the task's {@code context.offset})
     */
    JdbcWriter(JdbcSinkConfig config, DatabaseDialect dialect, ConnectionFactory connections, Retrier retrier,
               BadRecords badRecords, JdbcSinkMetrics metrics, Consumer<Map<TopicPartition, Long>> rewind) {
        this.config = config;
        this.dialect = dialect;
        this.connections = connections;
        this.retrier = retrier;
        this.badRecords = badRecords;
        this.metrics = metrics;
        this.rewind = rewind;
        this.mapper = new RowMapper(config, dialect);
        this.tables = new TableManager(dialect, config);
    }

    /** The failure kinds of this database, before the shared rules. */
    static ErrorKind classify(DatabaseDialect dialect, Throwable failure) {
        return ErrorClassifier.classify(failure, dialect::classify);
    }

    /**
     * Buffers the records, writing each table's buffer as it fills.
     *
     * @throws org.apache.kafka.connect.errors.RetriableException when the database stays unreachable; the buffered
     *         rows are dropped and the consumer rewound to them
     * @throws org.apache.kafka.connect.errors.ConnectException   on a permanent failure, or a bad record with
     *         {@code errors.tolerance=none}
     */
    void put(Collection<SinkRecord> records) {
        if (fatal != null) {
            throw fatal;
        }
        try {
            for (SinkRecord record : records) {
                if (!pendingRewind.isEmpty()) {
                    pendingRewind.remove(new TopicPartition(record.topic(), record.kafkaPartition()),
                            record.kafkaOffset());
                }
                SinkRow row;
                try {
                    row = mapper.map(record);
                } catch (DataException e) {
                    badRecords.report(record, null, e);
                    continue;
                }
                if (row == null) {
                    metrics.skipped();
                    continue;
                }
                TableBuffer buffer = buffers.computeIfAbsent(row.table(), TableBuffer::new);
                if (!buffer.accepts(row)) {
                    flush(buffer);
                }
                buffer.add(row);
                if (buffer.size() >= config.batchSize()) {
                    flush(buffer);
                }
            }
        } catch (RuntimeException e) {
            rewindAndClear();
            throw e;
        }
    }

    /**
     * Writes every buffer; afterwards every record handed to {@link #put} is written or reported.
     *
     * @throws RuntimeException as {@link #put}; the buffers are cleared, and Connect rewinds to its last commit. A
     *         permanent failure is thrown again by the next {@link #put}: Connect fails a task only for failures of
     *         {@code put}, and only logs those of {@code preCommit}
     */
    void flushAll() {
        try {
            for (TableBuffer buffer : buffers.values()) {
                if (!buffer.isEmpty()) {
                    flush(buffer);
                }
            }
            badRecords.awaitReported();
        } catch (RuntimeException e) {
            buffers.values().forEach(TableBuffer::clear);
            if (e instanceof ConnectException failure && !(e instanceof RetriableException)) {
                fatal = failure;
            }
            throw e;
        }
    }

    /**
     * The offsets that may be committed once every buffer is written: those Connect proposes, except for partitions
     * rewound after a failure whose rewound records have not come back yet, which stay at the first of them.
     */
    Map<TopicPartition, OffsetAndMetadata> committable(Map<TopicPartition, OffsetAndMetadata> proposed) {
        if (pendingRewind.isEmpty()) {
            return proposed;
        }
        Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>(proposed);
        pendingRewind.forEach((partition, offset) -> result.computeIfPresent(partition,
                (p, current) -> current.offset() > offset ? new OffsetAndMetadata(offset) : current));
        return result;
    }

    private void flush(TableBuffer buffer) {
        long start = System.nanoTime();
        BatchPlan plan = BatchPlan.of(buffer.rows(), config.deleteMode() == DeleteMode.HARD);
        BatchWriter writer = new BatchWriter(dialect, config, tables, badRecords);
        int size = buffer.size();
        retrier.run("write " + size + " rows to table " + buffer.table(), () -> {
            try {
                writer.write(connection(), buffer.table(), plan);
            } catch (SQLException | RuntimeException e) {
                tables.invalidate(buffer.table());
                if (classify(dialect, e) == ErrorKind.TRANSIENT) {
                    closeConnection();
                }
                throw e;
            }
        });
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        metrics.written(writer.counts(), writer.deleted(), plan.superseded(), elapsedMs);
        log.debug("JdbcSinkConnector {}: wrote {} rows to {} in {} ms ({})", config.connectorName(), size,
                buffer.table(), elapsedMs, writer.counts());
        buffer.clear();
    }

    /** Drops every buffered row and asks Connect to deliver them again from the first one per partition. */
    private void rewindAndClear() {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (TableBuffer buffer : buffers.values()) {
            for (SinkRow row : buffer.rows()) {
                SinkRecord record = row.record();
                first.merge(new TopicPartition(record.topic(), record.kafkaPartition()), record.kafkaOffset(),
                        Math::min);
            }
            buffer.clear();
        }
        if (!first.isEmpty()) {
            log.warn("JdbcSinkConnector {}: buffered rows were not written; consuming again from {}",
                    config.connectorName(), first);
            pendingRewind.putAll(first);
            rewind.accept(first);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = connections.open();
        }
        return connection;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Closing a failed connection: {}", e.toString());
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        closeConnection();
    }
}
