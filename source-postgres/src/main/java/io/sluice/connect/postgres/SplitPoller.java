package io.sluice.connect.postgres;

import io.sluice.connect.common.config.ConfigEnums;
import io.sluice.connect.common.errors.Retrier;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The work of one task: its splits, read in turn on one connection. Each poll asks the splits in round-robin order
 * and returns the first non-empty page, so one busy table cannot starve the others; when none has rows the task
 * waits {@code poll.interval.ms}.
 *
 * <p>Failures are classified: a transient one (connection lost, server restarting) closes the connection and is
 * retried with backoff on a new one, from the split's last position; an authentication failure, a missing
 * privilege or a bad filter fails the task at once. A table dropped while the task runs is left alone until the
 * connector reassigns the tables.
 *
 * <p>One thread polls: Connect's poll thread, or the task's read-ahead thread. Any other thread only calls
 * {@link #wakeup()} and {@link #close()}, and reads the gauges ({@link #splitsBehind()}, {@link #waitingMs()},
 * {@link #cursorLag()}), which read the readers' volatile state.
 */
final class SplitPoller {

    private static final Logger log = LoggerFactory.getLogger(SplitPoller.class);
    private static final String UNDEFINED_TABLE = "42P01";

    private final PostgresSourceConfig config;
    private final List<Split> splits;
    private final OffsetStorageReader offsetReader;
    private final PostgresSourceMetrics metrics;
    private final Retrier retrier;
    private final PageQuery pageQuery;
    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Map<Split, SplitReader> readers = new ConcurrentHashMap<>();
    private final List<Split> dropped = new ArrayList<>();
    private Map<Map<String, Object>, Map<String, Object>> storedOffsets;
    private volatile boolean stopping;
    private Connection connection;
    private boolean metricsClosed;
    private int next;

    SplitPoller(PostgresSourceConfig config, List<Split> splits, OffsetStorageReader offsetReader,
                Function<SplitPoller, PostgresSourceMetrics> metrics, Clock clock) {
        this.config = config;
        this.splits = List.copyOf(splits);
        this.offsetReader = offsetReader;
        this.clock = clock;
        this.metrics = metrics.apply(this);
        this.retrier = new Retrier(config.retryPolicy(), clock, this::backOff, RandomGenerator.getDefault());
        this.pageQuery = new PageQuery(config.fetchSize(), this.metrics);
    }

    /** @return the next page of some split, or an empty list after waiting when none has rows */
    List<SourceRecord> poll() throws InterruptedException {
        for (int i = 0; i < splits.size() && !stopping; i++) {
            Split split = splits.get(next);
            next = (next + 1) % splits.size();
            if (dropped.contains(split)) {
                continue;
            }
            List<SourceRecord> records = retrier.call("read " + split, () -> read(split));
            if (!records.isEmpty()) {
                return records;
            }
        }
        stopped.await(config.pollIntervalMs(), TimeUnit.MILLISECONDS);
        return List.of();
    }

    /** Waits before a retry; {@link #wakeup()} ends the wait, and the retry then reads nothing. */
    private void backOff(Duration wait) throws InterruptedException {
        stopped.await(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
    }

    private List<SourceRecord> read(Split split) throws SQLException {
        if (stopping) {
            // the task is stopping: a failure now comes from the closed connection and is not worth a retry
            return List.of();
        }
        try {
            Connection c = connection();
            if (c == null) {
                return List.of();
            }
            SplitReader reader = readers.get(split);
            if (reader == null) {
                reader = createReader(c, split);
                readers.put(split, reader);
            }
            return reader.poll(c);
        } catch (SQLException e) {
            if (stopping) {
                // the connection was closed by stop(): nothing to retry
                closeConnection();
                return List.of();
            }
            // 42P01 also comes from a filter naming another table: only a table gone from the catalog is dropped
            if (UNDEFINED_TABLE.equals(e.getSQLState()) && !split.isQuery() && !existsAfter(e, split)) {
                log.warn("PostgresSourceConnector {}: {} no longer exists; it is left alone until the connector "
                        + "reassigns the tables: {}", config.connectorName(), split, e.getMessage());
                dropped.add(split);
                return List.of();
            }
            closeConnection();
            throw e;
        }
    }

    private boolean existsAfter(SQLException failure, Split split) {
        if (connection == null) {
            return true;
        }
        try {
            return Catalog.exists(connection, split);
        } catch (SQLException e) {
            failure.addSuppressed(e);
            return true;
        }
    }

    private SplitReader createReader(Connection c, Split split) throws SQLException {
        SplitShape shape = SplitShape.load(c, split, config);
        TableSettings settings = config.settings(split);
        SplitOffset offset = storedOffset(split, settings, shape);
        RecordFactory records = new RecordFactory(config, split, metrics);
        if (settings.incremental()) {
            SplitOffset.Incremental start = offset instanceof SplitOffset.Incremental inc ? inc : null;
            log.info("PostgresSourceConnector {}: {} incremental on {} with key {}, from {}", config.connectorName(),
                    split, shape.cursor(), shape.key(), start == null ? "the start" : start.toMap());
            return new IncrementalReader(shape, start, config, records, pageQuery, clock);
        }
        SplitOffset.FullRefresh start = offset instanceof SplitOffset.FullRefresh full ? full : null;
        if (shape.physical() && start != null && !start.done()) {
            // a row's ctid changes when it is updated or the table is vacuumed or rewritten, so a run paged by
            // ctid is not resumed at a position from before the restart: it starts again
            log.info("PostgresSourceConnector {}: {} has no key; its interrupted run by ctid starts again",
                    config.connectorName(), split);
            start = null;
        }
        log.info("PostgresSourceConnector {}: {} full refresh by {}, from {}", config.connectorName(), split,
                shape.key(), start == null ? "the start" : start.toMap());
        return new FullRefreshReader(shape, start, config, records, pageQuery, clock);
    }

    /**
     * @return the split's stored offset; null when it has none, or when it was written in the other mode or for
     *         other cursor or key columns (the table's settings or primary key changed since): the split is then
     *         read from the start with its new settings
     */
    private SplitOffset storedOffset(Split split, TableSettings settings, SplitShape shape) {
        if (storedOffsets == null) {
            storedOffsets = offsetReader.offsets(splits.stream().map(Split::partition).toList());
        }
        Map<String, Object> stored = storedOffsets == null ? null : storedOffsets.get(split.partition());
        if (stored == null) {
            return null;
        }
        try {
            SplitOffset offset = SplitOffset.fromMap(stored);
            boolean matches = (offset instanceof SplitOffset.Incremental) == settings.incremental();
            if (!matches) {
                log.warn("PostgresSourceConnector {}: the stored offset of {} was written in another sync mode ({}); "
                        + "it is read from the start, now {} by {}", config.connectorName(), split, stored,
                        ConfigEnums.name(settings.mode()),
                        settings.keyOf(PostgresSourceConfig.SYNC_MODE_CONFIG));
                return null;
            }
            String misfit = offset.misfit(shape.cursor(), shape.key());
            if (misfit != null) {
                log.warn("PostgresSourceConnector {}: the stored offset of {} does not fit the columns it is read by "
                        + "now: {} ({}); it is read from the start, by cursor {} and key {}", config.connectorName(),
                        split, misfit, stored, shape.cursor(), shape.key());
                return null;
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw new ConnectException("PostgresSourceConnector " + config.connectorName() + ": the stored offset of "
                    + split + " cannot be read: " + e.getMessage() + ". Reset it with DELETE /connectors/"
                    + config.connectorName() + "/offsets, or set a valid one with PATCH.", e);
        }
    }

    /**
     * The polling thread opens the connection and {@link #close()} may close it from the thread that stops the task,
     * so both hold the poller's lock to read or set it; the connection is opened outside the lock, so that a stop is
     * not held up by a slow connect, and one opened while the task was being stopped is closed at once.
     *
     * @return the open connection, or null when the task is stopping
     */
    private Connection connection() throws SQLException {
        synchronized (this) {
            if (stopping) {
                return null;
            }
            if (connection != null) {
                return connection;
            }
        }
        Connection opened = Catalog.open(config, "");
        try {
            opened.setAutoCommit(false);
            opened.setReadOnly(true);
        } catch (SQLException e) {
            close(opened);
            throw e;
        }
        synchronized (this) {
            if (!stopping) {
                connection = opened;
                return opened;
            }
        }
        close(opened);
        return null;
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            log.debug("Closing the connection failed: {}", e.toString());
        }
    }

    private synchronized void closeConnection() {
        if (connection != null) {
            close(connection);
            connection = null;
        }
    }

    int splitsBehind() {
        return (int) readers.values().stream().filter(SplitReader::behind).count();
    }

    Double cursorLag() {
        return readers.values().stream().map(SplitReader::cursorLag).filter(java.util.Objects::nonNull)
                .max(Double::compare).orElse(null);
    }

    long waitingMs() {
        return readers.values().stream().mapToLong(SplitReader::waitingMs).max().orElse(0);
    }

    /**
     * Wakes a poll waiting for {@code poll.interval.ms} or for a retry, and keeps it from opening a connection; the
     * task then calls {@link #close()}.
     */
    void wakeup() {
        stopping = true;
        stopped.countDown();
    }

    /** Closes the connection (a query still running on it fails, and is not retried) and the metrics; idempotent. */
    void close() {
        wakeup();
        closeConnection();
        synchronized (this) {
            if (!metricsClosed) {
                metricsClosed = true;
                metrics.close();
            }
        }
    }
}
