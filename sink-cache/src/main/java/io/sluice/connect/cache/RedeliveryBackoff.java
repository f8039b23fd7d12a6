package io.sluice.connect.cache;

import io.sluice.connect.common.errors.RetryPolicy;
import java.time.Duration;
import java.util.function.LongConsumer;
import java.util.random.RandomGenerator;

/**
 * Where a failing batch waits. Inside {@code put()} only a short budget is spent (at most
 * {@link #IN_PUT_ATTEMPTS} attempts, waits of at most {@link #IN_PUT_MAX_BACKOFF}), because the worker cannot
 * interrupt a blocked {@code put()}: a task stopped during a long wait would write old values after its
 * successor wrote newer ones. Past that budget the batch goes back to Connect, which waits the configured backoff
 * ({@code SinkTaskContext.timeout}) in its own loop and delivers the same batch again.
 */
final class RedeliveryBackoff {

    /** The most attempts one {@code put()} makes. */
    static final int IN_PUT_ATTEMPTS = 3;
    /** The longest wait between attempts inside one {@code put()}. */
    static final Duration IN_PUT_MAX_BACKOFF = Duration.ofSeconds(1);

    private final RetryPolicy configured;
    private final RandomGenerator random;
    private final LongConsumer timeout;
    private int failedDeliveries;

    /**
     * @param configured the configured retry policy, whose backoff spaces the redeliveries
     * @param random     jitter source
     * @param timeout    tells the worker how long to wait before the redelivery ({@code context::timeout})
     */
    RedeliveryBackoff(RetryPolicy configured, RandomGenerator random, LongConsumer timeout) {
        this.configured = configured;
        this.random = random;
        this.timeout = timeout;
    }

    /**
     * @param configured the configured retry policy
     * @return the policy for the attempts inside one {@code put()}: the configured one, cut to the short budget
     */
    static RetryPolicy inPut(RetryPolicy configured) {
        Duration max = min(configured.maxBackoff(), IN_PUT_MAX_BACKOFF);
        return RetryPolicy.builder()
                .maxAttempts(Math.min(configured.maxAttempts(), IN_PUT_ATTEMPTS))
                .initialBackoff(min(configured.initialBackoff(), max))
                .maxBackoff(max)
                .jitter(configured.jitter())
                .build();
    }

    /**
     * A delivery failed after its in-{@code put()} attempts: asks the worker to wait before delivering it again,
     * longer after each consecutive failure, up to the configured maximum.
     *
     * @return the wait in milliseconds
     */
    long failed() {
        failedDeliveries = Math.min(failedDeliveries + 1, Long.SIZE);
        long waitMs = configured.backoff(failedDeliveries, random).toMillis();
        timeout.accept(waitMs);
        return waitMs;
    }

    /** A delivery succeeded: the next failure starts again from the initial backoff. */
    void succeeded() {
        failedDeliveries = 0;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
