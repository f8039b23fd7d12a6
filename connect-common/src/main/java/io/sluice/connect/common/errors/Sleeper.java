package io.sluice.connect.common.errors;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits for a duration; injected so that retry and rate-limit logic can be tested without real waiting. */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for {@code duration}.
     *
     * @param duration how long to wait; zero or negative returns at once
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /** @return a sleeper that blocks the calling thread */
    static Sleeper system() {
        return duration -> {
            long nanos;
            try {
                nanos = duration.toNanos();
            } catch (ArithmeticException tooLong) {
                nanos = Long.MAX_VALUE;
            }
            TimeUnit.NANOSECONDS.sleep(nanos);
        };
    }
}
