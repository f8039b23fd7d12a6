package io.sluice.connect.redis;

import io.sluice.connect.common.metrics.Counter;
import io.sluice.connect.common.metrics.Rate;
import io.sluice.connect.common.metrics.SluiceMetrics;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A task's metrics: {@code entries-rate}/{@code entries-total} (entries read), {@code reclaimed-entries} (taken over
 * from other consumers with XAUTOCLAIM), {@code bad-entries}, {@code pending-entries} (delivered to this task's
 * consumer and not yet acknowledged; group mode) and {@code lag-ms} (how far the last entry read is behind the newest
 * entry of its stream, the largest over the task's streams; 0 when caught up) and, in group mode on Redis 7+,
 * {@code lag-entries} (entries of the task's streams not yet delivered to the group, as XINFO GROUPS reports).
 */
final class RedisStreamMetrics implements AutoCloseable {

    private final SluiceMetrics metrics;
    private final Rate entries;
    private final Counter reclaimed;
    private final Counter bad;
    private final Counter reconnects;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong lagMs = new AtomicLong();
    private volatile Long lagEntries;

    RedisStreamMetrics(SluiceMetrics metrics) {
        this.metrics = metrics;
        this.entries = metrics.rate("entries", "Stream entries read");
        this.reclaimed = metrics.counter("reclaimed-entries", "Pending entries of other consumers reclaimed");
        this.bad = metrics.counter("bad-entries", "Entries that could not become records");
        this.reconnects = metrics.counter("reconnects", "Connections to Redis opened again after one was lost");
        metrics.gauge("pending-entries", "Entries delivered to this task's consumer and not yet acknowledged",
                pending::get);
        metrics.gauge("lag-ms", "How far the last entry read lags behind the newest entry of its stream",
                lagMs::get);
        metrics.gauge("lag-entries", "Entries not yet delivered to the consumer group (group mode, Redis 7+)",
                () -> lagEntries);
    }

    Rate entries() {
        return entries;
    }

    Counter reclaimed() {
        return reclaimed;
    }

    Counter bad() {
        return bad;
    }

    Counter reconnects() {
        return reconnects;
    }

    void pending(long value) {
        pending.set(value);
    }

    void lagMs(long value) {
        lagMs.set(value);
    }

    /** @param value the group's lag in entries, or null when Redis does not report it */
    void lagEntries(Long value) {
        lagEntries = value;
    }

    Map<String, Number> snapshot() {
        return metrics.snapshot();
    }

    @Override
    public void close() {
        metrics.close();
    }
}
