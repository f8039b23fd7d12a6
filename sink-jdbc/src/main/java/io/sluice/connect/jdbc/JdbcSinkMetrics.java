package io.sluice.connect.jdbc;

import io.sluice.connect.common.metrics.Counter;
import io.sluice.connect.common.metrics.Rate;
import io.sluice.connect.common.metrics.SluiceMetrics;
import io.sluice.connect.jdbc.dialect.WriteCounts;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A task's metrics, published through the worker's plugin metrics where it has them (Kafka 4.1+):
 * {@code rows-created-total}, {@code rows-updated-total}, {@code rows-upserted-total} (inserted or updated where the
 * database does not say which), {@code rows-deleted-total}, {@code rows-failed-total},
 * {@code tombstones-skipped-total}, {@code batches-total}, {@code rows-rate} / {@code rows-total} (rows/s written),
 * {@code flush-time-ms-total} and {@code last-flush-latency-ms}. Updated per batch, never per record.
 */
final class JdbcSinkMetrics implements AutoCloseable {

    private final SluiceMetrics metrics;
    private final Counter created;
    private final Counter updated;
    private final Counter upserted;
    private final Counter deleted;
    private final Counter failed;
    private final Counter skipped;
    private final Counter batches;
    private final Rate rows;
    private final Counter flushTime;
    private final AtomicLong lastFlushMs = new AtomicLong();

    JdbcSinkMetrics(SluiceMetrics metrics) {
        this.metrics = metrics;
        created = metrics.counter("rows-created-total", "Rows inserted");
        updated = metrics.counter("rows-updated-total", "Existing rows changed");
        upserted = metrics.counter("rows-upserted-total", "Rows inserted or updated where the database does not "
                + "say which");
        deleted = metrics.counter("rows-deleted-total", "Rows deleted or soft-deleted by tombstones");
        failed = metrics.counter("rows-failed-total", "Records refused, reported or failing the task");
        skipped = metrics.counter("tombstones-skipped-total", "Tombstones skipped with delete.mode=none");
        batches = metrics.counter("batches-total", "Batches written");
        rows = metrics.rate("rows", "Rows written");
        flushTime = metrics.counter("flush-time-ms-total", "Milliseconds spent writing batches");
        metrics.gauge("last-flush-latency-ms", "Milliseconds the last batch took to write", lastFlushMs::get);
    }

    /** @return metrics that are not published, for tests */
    static JdbcSinkMetrics local() {
        return new JdbcSinkMetrics(SluiceMetrics.local());
    }

    void written(WriteCounts counts, long deletedRows, long superseded, long elapsedMs) {
        created.add(counts.created());
        updated.add(counts.updated());
        upserted.add(counts.upserted());
        deleted.add(deletedRows);
        rows.record(counts.created() + counts.updated() + counts.upserted() + deletedRows + superseded);
        batches.increment();
        flushTime.add(elapsedMs);
        lastFlushMs.set(elapsedMs);
    }

    void failed(long count) {
        failed.add(count);
    }

    void skipped() {
        skipped.increment();
    }

    /** @return the local values by metric name */
    Map<String, Number> snapshot() {
        return metrics.snapshot();
    }

    @Override
    public void close() {
        metrics.close();
    }
}
