package io.sluice.connect.common.errors;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a transient failure is retried: capped exponential backoff with jitter.
 *
 * <p>Attempt {@code n} (1-based) that failed is followed by a wait of {@code min(initial * 2^(n-1), max)},
 * reduced by a random fraction of at most {@code jitter}, so the wait lies in
 * {@code (cap * (1 - jitter), cap]}. The jitter only ever shortens the wait, so the cap is a hard bound, and it
 * spreads the retries of many tasks hit by the same outage.
 */
public final class RetryPolicy {

    /** Default total number of attempts, including the first. */
    public static final int DEFAULT_MAX_ATTEMPTS = 10;
    /** Default wait after the first failed attempt. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    /** Default longest wait between attempts. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);
    /** Default fraction by which a wait may be shortened at random. */
    public static final double DEFAULT_JITTER = 0.2;

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double jitter;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.jitter = b.jitter;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the default policy */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** @return the total number of attempts, including the first; 1 means no retry */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** @return the wait after the first failed attempt, before jitter */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** @return the longest wait between attempts */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** @return the largest fraction by which a wait is shortened at random, 0 to 1 */
    public double jitter() {
        return jitter;
    }

    /**
     * @param attempt the 1-based number of the attempt that just failed
     * @param random  the source of jitter
     * @return how long to wait before the next attempt
     * @throws IllegalArgumentException if {@code attempt < 1}
     */
    public Duration backoff(int attempt, RandomGenerator random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
        }
        long initial = initialBackoff.toNanos();
        long max = maxBackoff.toNanos();
        int shift = attempt - 1;
        long capped;
        if (initial == 0) {
            capped = 0;
        } else if (shift >= Long.SIZE - 2 || initial > (max >> shift)) {
            capped = max;
        } else {
            capped = Math.min(initial << shift, max);
        }
        long reduction = (long) (capped * jitter * random.nextDouble());
        return Duration.ofNanos(capped - reduction);
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
                + ", maxBackoff=" + maxBackoff + ", jitter=" + jitter + "}";
    }

    /** Builds an immutable {@link RetryPolicy}; every setting starts at its default. */
    public static final class Builder {

        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private double jitter = DEFAULT_JITTER;

        private Builder() {
        }

        /**
         * @param maxAttempts total attempts including the first, at least 1
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * @param initialBackoff the wait after the first failure, zero or positive
         * @return this builder
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = nonNegative(initialBackoff, "initialBackoff");
            return this;
        }

        /**
         * @param maxBackoff the longest wait, zero or positive, at least the initial backoff
         * @return this builder
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = nonNegative(maxBackoff, "maxBackoff");
            return this;
        }

        /**
         * @param jitter the largest fraction by which a wait is shortened at random, from 0 (none) to 1
         * @return this builder
         */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /**
         * @return the policy
         * @throws IllegalArgumentException if the maximum backoff is below the initial backoff
         */
        public RetryPolicy build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("maxBackoff " + maxBackoff
                        + " must not be below initialBackoff " + initialBackoff);
            }
            return new RetryPolicy(this);
        }

        private static Duration nonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, was " + d);
            }
            try {
                d.toNanos();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(name + " is too long: " + d, e);
            }
            return d;
        }
    }
}
