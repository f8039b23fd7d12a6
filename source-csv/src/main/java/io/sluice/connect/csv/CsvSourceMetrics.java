package io.sluice.connect.csv;

import io.sluice.connect.common.metrics.Counter;
import io.sluice.connect.common.metrics.Rate;
import io.sluice.connect.common.metrics.SluiceMetrics;

import java.util.Map;
import java.util.function.IntSupplier;

/**
 * A task's metrics, published through the worker's plugin metrics where it has them (Kafka 4.1+):
 * {@code files-done-total}, {@code files-in-progress}, {@code files-failed-total}, {@code records-total} and
 * {@code records-rate} (records/s), {@code bytes-read-total} (uncompressed) and {@code parse-errors-total}.
 * Updated per batch or per file, never per record, except for bad rows.
 */
final class CsvSourceMetrics implements AutoCloseable {

    private final SluiceMetrics metrics;
    private final Counter filesDone;
    private final Counter filesFailed;
    private final Rate records;
    private final Counter bytes;
    private final Counter parseErrors;

    /**
     * @param metrics         the task's metrics
     * @param filesInProgress the number of files being read or waiting for their offsets to be committed
     */
    CsvSourceMetrics(SluiceMetrics metrics, IntSupplier filesInProgress) {
        this.metrics = metrics;
        this.filesDone = metrics.counter("files-done-total", "Files read to the end whose offsets are committed");
        this.filesFailed = metrics.counter("files-failed-total", "Files that could not be read");
        this.records = metrics.rate("records", "Records read from files");
        this.bytes = metrics.counter("bytes-read-total", "Uncompressed bytes read from files");
        this.parseErrors = metrics.counter("parse-errors-total",
                "Bad rows: malformed, with the wrong column count, or with a value that does not fit its column");
        metrics.gauge("files-in-progress", "Files being read or waiting for their offsets to be committed",
                filesInProgress::getAsInt);
    }

    /** @return metrics that are not published, for tests */
    static CsvSourceMetrics local() {
        return new CsvSourceMetrics(SluiceMetrics.local(), () -> 0);
    }

    void recordsRead(int count, long byteCount) {
        if (count > 0) {
            records.record(count);
        }
        if (byteCount > 0) {
            bytes.add(byteCount);
        }
    }

    void fileDone() {
        filesDone.increment();
    }

    void fileFailed() {
        filesFailed.increment();
    }

    void parseError() {
        parseErrors.increment();
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
