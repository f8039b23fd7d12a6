package io.sluice.connect.common.metrics;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleConsumer;

/**
 * Events per second with their cumulative total, published as {@code <name>-rate} and {@code <name>-total}
 * (the naming Kafka's own metrics use).
 */
public final class Rate {

    private final LongAdder total = new LongAdder();
    private final DoubleConsumer sensor;

    Rate(DoubleConsumer sensor) {
        this.sensor = sensor;
    }

    /** Records one event. */
    public void record() {
        record(1);
    }

    /** @param n the number of events, e.g. the records of one batch */
    public void record(long n) {
        total.add(n);
        sensor.accept(n);
    }

    /** @return the events recorded so far */
    public long total() {
        return total.sum();
    }
}
