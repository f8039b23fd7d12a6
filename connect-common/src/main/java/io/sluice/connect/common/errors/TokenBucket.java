package io.sluice.connect.common.errors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A token-bucket rate limiter: permits accrue at a fixed rate up to a burst, and each operation takes as many as
 * it handles records.
 *
 * <p>A request for more permits than the burst is granted once the bucket is full and leaves it in debt, which
 * later requests wait off; a batch larger than the burst therefore still flows and the long-run rate holds. A
 * rate of zero or less means unlimited. Thread-safe.
 */
public final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double permitsPerNano;
    private final double capacity;
    private final LongSupplier nanoTime;
    private double tokens;
    private long lastRefill;

    /**
     * @param permitsPerSecond the sustained rate; zero or less means unlimited
     * @param burst            the most permits that may accrue while idle, at least 1 unless unlimited
     * @param clock            the time source
     */
    public TokenBucket(double permitsPerSecond, long burst, Clock clock) {
        this(permitsPerSecond, burst, nanosOf(Objects.requireNonNull(clock, "clock")));
    }

    /**
     * @param permitsPerSecond the sustained rate; zero or less means unlimited
     * @param burst            the most permits that may accrue while idle, at least 1 unless unlimited
     * @param nanoTime         a monotonic time source in nanoseconds, e.g. {@code System::nanoTime}
     */
    public TokenBucket(double permitsPerSecond, long burst, LongSupplier nanoTime) {
        if (Double.isNaN(permitsPerSecond) || Double.isInfinite(permitsPerSecond)) {
            throw new IllegalArgumentException("permitsPerSecond must be finite, was " + permitsPerSecond);
        }
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.permitsPerNano = Math.max(0, permitsPerSecond) / NANOS_PER_SECOND;
        if (permitsPerNano > 0 && burst < 1) {
            throw new IllegalArgumentException("burst must be >= 1, was " + burst);
        }
        this.capacity = burst;
        this.tokens = burst;
        this.lastRefill = nanoTime.getAsLong();
    }

    /** @return a limiter that never limits */
    public static TokenBucket unlimited() {
        return new TokenBucket(0, 0, () -> 0L);
    }

    /** @return whether this limiter never limits */
    public boolean isUnlimited() {
        return permitsPerNano == 0;
    }

    /**
     * Takes {@code n} permits if they are available now.
     *
     * @param n the number of permits, e.g. records in a batch
     * @return whether the permits were taken
     */
    public synchronized boolean tryAcquire(long n) {
        requireNonNegative(n);
        if (isUnlimited() || n == 0) {
            return true;
        }
        refill();
        if (tokens >= needed(n)) {
            tokens -= n;
            return true;
        }
        return false;
    }

    /**
     * @param n the number of permits
     * @return how long until {@link #tryAcquire tryAcquire(n)} would succeed, if nobody else takes permits first;
     *         zero when it would succeed now
     */
    public synchronized Duration waitTime(long n) {
        requireNonNegative(n);
        if (isUnlimited() || n == 0) {
            return Duration.ZERO;
        }
        refill();
        double missing = needed(n) - tokens;
        if (missing <= 0) {
            return Duration.ZERO;
        }
        // at least a nanosecond, so that rounding can never make a caller spin without waiting
        return Duration.ofNanos(Math.max(1, (long) Math.ceil(missing / permitsPerNano)));
    }

    /**
     * Takes {@code n} permits, waiting with {@code sleeper} until they are available.
     *
     * @param n       the number of permits
     * @param sleeper waits between tries
     * @throws InterruptedException if the wait is interrupted; no permits are taken then
     */
    public void acquire(long n, Sleeper sleeper) throws InterruptedException {
        while (!tryAcquire(n)) {
            sleeper.sleep(waitTime(n));
        }
    }

    private double needed(long n) {
        return Math.min(n, capacity);
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        long elapsed = now - lastRefill;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * permitsPerNano);
        }
        // a clock that steps back only restarts the accrual; it never takes permits away
        lastRefill = now;
    }

    private static void requireNonNegative(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("permits must be >= 0, was " + n);
        }
    }

    private static LongSupplier nanosOf(Clock clock) {
        return () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }
}
