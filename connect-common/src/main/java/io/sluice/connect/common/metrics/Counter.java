package io.sluice.connect.common.metrics;

import java.util.concurrent.atomic.LongAdder;

/** A cumulative count (records read, rows deleted, errors, ...); cheap to update from many threads. */
public final class Counter {

    private final LongAdder count = new LongAdder();

    Counter() {
    }

    /** Adds one. */
    public void increment() {
        count.increment();
    }

    /** @param n the amount to add, not negative for a cumulative count */
    public void add(long n) {
        count.add(n);
    }

    /** @return the count so far */
    public long get() {
        return count.sum();
    }
}
