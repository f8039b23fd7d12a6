package io.sluice.connect.postgres;

import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the rows of a split after its last (cursor, key) position, in that order, by keyset pagination:
 * {@code WHERE (cursor, key) > (last) AND (cursor, key) <= (safe) ORDER BY cursor, key LIMIT batch.size}. Rows that
 * share a cursor value are ordered by their key, so a run of equal cursor values longer than a page is neither cut
 * nor read twice. The upper bound comes from the {@link SnapshotWatermark}: no row is read past a position below
 * which a transaction still open could yet commit a row.
 *
 * <p>The table's {@code sync.from} bounds the first read ({@code cursor >= sync.from}) of a split without an offset
 * only.
 */
final class IncrementalReader implements SplitReader {

    private static final Logger log = LoggerFactory.getLogger(IncrementalReader.class);

    private final SplitShape shape;
    private final RowReader rowReader;
    private final RecordFactory records;
    private final PageQuery query;
    private final int batchSize;
    private final String syncFrom;
    private final Clock clock;
    private final SnapshotWatermark watermark;
    // written by the polling thread, read by the metrics' gauges on other threads
    private volatile SplitOffset.Incremental offset;
    private volatile SnapshotWatermark.Position newestSeen;
    private volatile boolean caughtUp = true;

    IncrementalReader(SplitShape shape, SplitOffset.Incremental offset, PostgresSourceConfig config,
                      RecordFactory records, PageQuery query, Clock clock) {
        this.shape = shape;
        this.rowReader = new RowReader(shape, config.numericMapping());
        this.records = records;
        this.query = query;
        this.batchSize = config.batchSize();
        this.syncFrom = config.settings(shape.split()).syncFrom();
        this.clock = clock;
        this.watermark = new SnapshotWatermark(config.settleMs());
        this.offset = offset;
    }

    @Override
    public Split split() {
        return shape.split();
    }

    @Override
    public List<SourceRecord> poll(Connection connection) throws SQLException {
        if (caughtUp) {
            observe(connection);
        }
        SnapshotWatermark.Position safe = watermark.safe();
        if (safe == null) {
            caughtUp = true;
            return List.of();
        }
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        lowerBound(conditions, params);
        conditions.add(Sql.row(shape.order()) + " <= " + shape.orderParams());
        params.addAll(safe.cursor());
        params.addAll(safe.key());
        params.add(batchSize);
        List<RowReader.Row> rows = query.rows(connection, shape.page(conditions, true), params, rowReader, batchSize,
                batchSize);
        records.checkPage(rows);
        List<SourceRecord> result = new ArrayList<>(rows.size());
        SplitOffset.Incremental next = offset;
        for (RowReader.Row row : rows) {
            next = new SplitOffset.Incremental(row.cursor(), row.position(), shape.columns());
            SourceRecord record = records.record(rowReader, row, next.toMap());
            if (record != null) {
                result.add(record);
            }
        }
        caughtUp = rows.size() < batchSize;
        offset = next;
        log.debug("{}: {} rows up to {}", shape.split(), rows.size(), offset);
        return result;
    }

    private void lowerBound(List<String> conditions, List<Object> params) {
        if (offset == null) {
            if (!syncFrom.isEmpty()) {
                conditions.add(Sql.quote(shape.cursor().get(0)) + " >= CAST(? AS " + shape.orderTypes().get(0) + ")");
                params.add(syncFrom);
            }
        } else if (offset.key() == null) {
            conditions.add(Sql.row(shape.cursor()) + " > " + shape.cursorParams());
            params.addAll(offset.cursor());
        } else {
            conditions.add(Sql.row(shape.order()) + " > " + shape.orderParams());
            params.addAll(offset.cursor());
            params.addAll(offset.key());
        }
    }

    private void observe(Connection connection) throws SQLException {
        int cursors = shape.cursor().size();
        int keys = shape.key().size();
        try (PreparedStatement statement = connection.prepareStatement(shape.newestPosition());
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            long xmin = rs.getLong(1);
            long maxInProgress = rs.getLong(2);
            Long inProgress = rs.wasNull() ? null : maxInProgress;
            SnapshotWatermark.Position newest = null;
            if (rs.getString(3) != null) {
                List<String> cursor = new ArrayList<>(cursors);
                List<String> key = new ArrayList<>(keys);
                for (int i = 0; i < cursors + keys; i++) {
                    (i < cursors ? cursor : key).add(rs.getString(3 + i));
                }
                newest = new SnapshotWatermark.Position(cursor, key);
            }
            watermark.observe(xmin, inProgress, newest, clock.millis());
            if (newest != null) {
                newestSeen = newest;
            }
        } finally {
            Catalog.endTransaction(connection);
        }
    }

    @Override
    public boolean behind() {
        return !caughtUp;
    }

    @Override
    public long waitingMs() {
        return watermark.waitingMs(clock.millis());
    }

    @Override
    public Double cursorLag() {
        SnapshotWatermark.Position newest = newestSeen;
        SplitOffset.Incremental read = offset;
        if (newest == null) {
            return null;
        }
        return read == null ? null : CursorLag.between(read.cursor().get(0), newest.cursor().get(0));
    }
}
