package io.sluice.connect.cache;

import io.sluice.connect.common.metrics.Counter;
import io.sluice.connect.common.metrics.Rate;
import io.sluice.connect.common.metrics.SluiceMetrics;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A task's metrics, published through the worker's plugin metrics where it has them (Kafka 4.1+):
 * {@code records-written-rate}/{@code -total} (records/s and count of keys stored), {@code records-deleted-total},
 * {@code records-skipped-total} (older versions skipped by newer-wins), {@code records-failed-total} (bad records),
 * {@code pipelines-rate}/{@code -total} and {@code pipeline-latency-ms} (the last batch, retries included) and
 * {@code pipeline-latency-max-ms}. Updated per batch, except for bad records.
 */
final class CacheSinkMetrics implements AutoCloseable {

    private final SluiceMetrics metrics;
    private final Rate written;
    private final Counter deleted;
    private final Counter skipped;
    private final Counter failed;
    private final Rate pipelines;
    private final AtomicLong lastLatencyMs = new AtomicLong();
    private final AtomicLong maxLatencyMs = new AtomicLong();

    CacheSinkMetrics(SluiceMetrics metrics) {
        this.metrics = metrics;
        this.written = metrics.rate("records-written", "Records stored in Redis (SET or HSET)");
        this.deleted = metrics.counter("records-deleted-total", "Keys deleted by tombstones or expired records");
        this.skipped = metrics.counter("records-skipped-total",
                "Records skipped by newer-wins because Redis holds a newer version");
        this.failed = metrics.counter("records-failed-total", "Bad records sent to the errant-record reporter");
        this.pipelines = metrics.rate("pipelines", "Pipelined batches written to Redis");
        metrics.gauge("pipeline-latency-ms", "Time to write the last batch, retries included, in ms",
                lastLatencyMs::get);
        metrics.gauge("pipeline-latency-max-ms", "Longest time to write a batch, in ms", maxLatencyMs::get);
    }

    void attempt(PipelineWriter.Attempt attempt) {
        if (attempt.written() > 0) {
            written.record(attempt.written());
        }
        deleted.add(attempt.deleted());
        skipped.add(attempt.skipped());
    }

    void failed() {
        failed.increment();
    }

    void batch(long latencyMs) {
        pipelines.record();
        lastLatencyMs.set(latencyMs);
        maxLatencyMs.accumulateAndGet(latencyMs, Math::max);
    }

    Map<String, Number> snapshot() {
        return metrics.snapshot();
    }

    @Override
    public void close() {
        metrics.close();
    }
}
