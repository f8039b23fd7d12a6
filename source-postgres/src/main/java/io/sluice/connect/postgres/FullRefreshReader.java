package io.sluice.connect.postgres;

import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every row of a split, in key order and in pages of {@code batch.size} ({@code WHERE key > last ORDER BY
 * key LIMIT batch.size + 1}), then again {@code full.refresh.interval.ms} after that run began (0: never again).
 *
 * <p>A split that is a key range of a table ({@code full.refresh.split.rows}) reads only its range
 * {@code (after, through]}. A run resumes after the last committed key, so with exactly-once delivery each row
 * present for the whole run is written once per run; a row inserted during a run below the run's position, or
 * deleted before the run reaches it, shows up (or stops showing up) in the next run. The extra row of each page
 * tells whether the run is complete, so the last row's offset says {@code done} and a restart after a completed run
 * waits for the interval.
 */
final class FullRefreshReader implements SplitReader {

    private static final Logger log = LoggerFactory.getLogger(FullRefreshReader.class);

    private final SplitShape shape;
    private final RowReader rowReader;
    private final RecordFactory records;
    private final PageQuery query;
    private final int batchSize;
    private final long intervalMs;
    private final Clock clock;
    // written by the polling thread, read by the splits-behind gauge on another thread
    private volatile SplitOffset.FullRefresh offset;

    FullRefreshReader(SplitShape shape, SplitOffset.FullRefresh offset, PostgresSourceConfig config,
                      RecordFactory records, PageQuery query, Clock clock) {
        this.shape = shape;
        this.rowReader = new RowReader(shape, config.numericMapping());
        this.records = records;
        this.query = query;
        this.batchSize = config.batchSize();
        this.intervalMs = config.fullRefreshIntervalMs();
        this.clock = clock;
        this.offset = offset;
    }

    @Override
    public Split split() {
        return shape.split();
    }

    @Override
    public List<SourceRecord> poll(Connection connection) throws SQLException {
        SplitOffset.FullRefresh run = currentRun();
        if (run == null) {
            return List.of();
        }
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        Split.KeyRange range = shape.split().range();
        List<String> after = run.key() != null ? run.key() : range == null ? null : range.after();
        if (after != null) {
            conditions.add(Sql.row(shape.key()) + " > " + shape.keyParams());
            params.addAll(after);
        }
        if (range != null && range.through() != null) {
            conditions.add(Sql.row(shape.key()) + " <= " + shape.keyParams());
            params.addAll(range.through());
        }
        params.add(batchSize + 1);
        List<RowReader.Row> rows = query.rows(connection, shape.page(conditions, true), params, rowReader,
                batchSize + 1, batchSize);
        boolean more = rows.size() > batchSize;
        List<RowReader.Row> page = more ? rows.subList(0, batchSize) : rows;
        records.checkPage(page);
        List<SourceRecord> result = new ArrayList<>(page.size());
        SplitOffset.FullRefresh next = run;
        for (int i = 0; i < page.size(); i++) {
            RowReader.Row row = page.get(i);
            next = new SplitOffset.FullRefresh(run.runStartedMs(), row.position(), !more && i == page.size() - 1,
                    shape.columns());
            SourceRecord record = records.record(rowReader, row, next.toMap());
            if (record != null) {
                result.add(record);
            }
        }
        if (page.isEmpty()) {
            next = new SplitOffset.FullRefresh(run.runStartedMs(), run.key(), true, shape.columns());
        }
        if (next.done()) {
            log.info("Full refresh of {} complete; {}", shape.split(), intervalMs == 0
                    ? "it is not read again (full.refresh.interval.ms=0)"
                    : "the next one begins " + intervalMs + " ms after this one began");
        }
        offset = next;
        return result;
    }

    /** @return the run to continue or begin now, or null when the next run is not due */
    private SplitOffset.FullRefresh currentRun() {
        long now = clock.millis();
        if (offset == null) {
            log.info("Full refresh of {} begins", shape.split());
            offset = new SplitOffset.FullRefresh(now, null, false, shape.columns());
        } else if (offset.done()) {
            if (intervalMs == 0 || now < offset.runStartedMs() + intervalMs) {
                return null;
            }
            log.info("Full refresh of {} begins again", shape.split());
            offset = new SplitOffset.FullRefresh(now, null, false, shape.columns());
        }
        return offset;
    }

    @Override
    public boolean behind() {
        return offset != null && !offset.done();
    }
}
