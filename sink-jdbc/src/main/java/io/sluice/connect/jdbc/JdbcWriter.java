package io.sluice.connect.jdbc;

import io.sluice.connect.common.errors.ErrorClassifier;
import io.sluice.connect.common.errors.ErrorKind;
import io.sluice.connect.common.errors.Retrier;
import io.sluice.connect.jdbc.dialect.DatabaseDialect;
import io.sluice.connect.jdbc.dialect.TableId;
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
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Buffers a task's rows per table and writes them: a table's buffer when it reaches {@code batch.size} (or when a
 * record with other columns arrives), every buffer when the worker is about to commit offsets.
 *
 * <p>Transient failures (connection lost, deadlock, server restart) are retried with backoff over a new connection.
 * When the attempts are used up inside {@link #put}, only the rows of that call's batch leave the buffers: Connect keeps
 * the batch and delivers exactly it again, while older buffered rows stay and are written by a later flush. Offsets
 * are committed only after {@link #flushAll} wrote every buffer, so never past an unwritten row.
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
    private final Map<TableId, TableBuffer> buffers = new LinkedHashMap<>();
    private Connection connection;
    /** A permanent failure of a flush before an offset commit, where Connect only logs: the next put fails with it. */
    private ConnectException fatal;

    /** Opens connections; a seam for the dialect's {@code open}. */
    @FunctionalInterface
    interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    JdbcWriter(JdbcSinkConfig config, DatabaseDialect dialect, ConnectionFactory connections, Retrier retrier,
               BadRecords badRecords, JdbcSinkMetrics metrics) {
        this.config = config;
        this.dialect = dialect;
        this.connections = connections;
        this.retrier = retrier;
        this.badRecords = badRecords;
        this.metrics = metrics;
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
     * @throws org.apache.kafka.connect.errors.RetriableException when the database stays unreachable; the rows of
     *         {@code records} leave the buffers (Connect delivers the same records again), older rows stay
     * @throws org.apache.kafka.connect.errors.ConnectException   on a permanent failure, or a bad record with
     *         {@code errors.tolerance=none}
     */
    void put(Collection<SinkRecord> records) {
        if (fatal != null) {
            throw fatal;
        }
        Set<SinkRecord> batch = Collections.newSetFromMap(new IdentityHashMap<>());
        batch.addAll(records);
        try {
            for (SinkRecord record : records) {
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
        } catch (RetriableException e) {
            dropRows(row -> batch.contains(row.record()), "of the failed batch");
            throw e;
        } catch (RuntimeException e) {
            // the task fails: nothing buffered will be committed
            buffers.values().forEach(TableBuffer::clear);
            throw e;
        }
    }

    /**
     * Drops the buffered rows of partitions this task no longer owns: their new owner writes them, and writing them
     * here later would overwrite newer values.
     */
    void forget(Collection<TopicPartition> partitions) {
        Set<TopicPartition> revoked = new HashSet<>(partitions);
        dropRows(row -> revoked.contains(new TopicPartition(row.record().topic(), row.record().kafkaPartition())),
                "of revoked partitions " + revoked);
    }

    private void dropRows(Predicate<SinkRow> which, String what) {
        int dropped = 0;
        for (TableBuffer buffer : buffers.values()) {
            dropped += buffer.removeIf(which);
        }
        if (dropped > 0) {
            log.debug("JdbcSinkConnector {}: dropped {} buffered rows {}", config.connectorName(), dropped, what);
        }
    }

    /** Whether rows wait in a buffer to be written. */
    boolean hasBufferedRows() {
        return buffers.values().stream().anyMatch(buffer -> !buffer.isEmpty());
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
            badRecords.discardPending();
            if (e instanceof ConnectException failure && !(e instanceof RetriableException)) {
                fatal = failure;
            }
            throw e;
        }
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
