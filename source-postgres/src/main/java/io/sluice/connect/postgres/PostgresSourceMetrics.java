package io.sluice.connect.postgres;

import io.sluice.connect.common.metrics.Counter;
import io.sluice.connect.common.metrics.Rate;
import io.sluice.connect.common.metrics.SluiceMetrics;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A task's metrics, published through the worker's plugin metrics where it has them (Kafka 4.1+):
 * {@code records-rate} (rows/s) and {@code records-total}, {@code bytes-read-total} (the size of the values read,
 * estimated from their text and binary lengths), {@code query-time-ms-total} and {@code queries-total} (so the mean
 * query time is their ratio), {@code last-query-time-ms}, {@code bad-values-total}, {@code splits-behind} (splits
 * that have rows up to their safe position still to read) and {@code watermark-wait-ms} (how long the oldest
 * observation of an incremental split has waited for older transactions to finish: the lag that long transactions
 * add) and {@code cursor-lag} (how far the last row read is behind the newest visible cursor value, for numeric
 * and date/time cursors). Updated per query, never per row.
 */
final class PostgresSourceMetrics implements AutoCloseable {

    private final SluiceMetrics metrics;
    private final Rate records;
    private final Counter bytes;
    private final Counter queryTimeMs;
    private final Counter queries;
    private final Counter badValues;
    private volatile long lastQueryTimeMs;

    PostgresSourceMetrics(SluiceMetrics metrics, Supplier<Number> splitsBehind, Supplier<Number> watermarkWaitMs,
                          Supplier<Number> cursorLag) {
        this.metrics = metrics;
        this.records = metrics.rate("records", "Rows read and handed to Connect");
        this.bytes = metrics.counter("bytes-read-total", "Estimated bytes of the rows read");
        this.queryTimeMs = metrics.counter("query-time-ms-total", "Milliseconds spent in queries");
        this.queries = metrics.counter("queries-total", "Queries run");
        this.badValues = metrics.counter("bad-values-total", "Rows with a value that could not be converted");
        metrics.gauge("last-query-time-ms", "Duration of the last query", () -> lastQueryTimeMs);
        metrics.gauge("splits-behind", "Splits with rows below their safe position still to read", splitsBehind);
        metrics.gauge("watermark-wait-ms", "Age of the oldest position waiting for older transactions to finish",
                watermarkWaitMs);
        metrics.gauge("cursor-lag", "How far the last row read is behind the newest visible one, in cursor units "
                + "(milliseconds for dates and timestamps); the largest over the task's incremental splits", cursorLag);
    }

    /** @return metrics that are not published, for tests */
    static PostgresSourceMetrics local() {
        return new PostgresSourceMetrics(SluiceMetrics.local(), () -> 0, () -> 0, () -> null);
    }

    void query(long millis) {
        lastQueryTimeMs = millis;
        queryTimeMs.add(millis);
        queries.increment();
    }

    void rowsRead(int count, long byteCount) {
        if (count > 0) {
            records.record(count);
        }
        if (byteCount > 0) {
            bytes.add(byteCount);
        }
    }

    void badValue() {
        badValues.increment();
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
