package io.sluice.connect.common.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    private static RetryPolicy noJitter() {
        return RetryPolicy.builder()
                .maxAttempts(10)
                .initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofSeconds(1))
                .jitter(0)
                .build();
    }

    @Test
    void doublesFromTheInitialBackoffUpToTheCap() {
        RetryPolicy policy = noJitter();
        RandomGenerator rnd = new SplittableRandom(1);

        assertThat(java.util.stream.IntStream.rangeClosed(1, 6).mapToObj(a -> policy.backoff(a, rnd).toMillis()))
                .containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
    }

    @Test
    void theCapHoldsForAnyAttempt() {
        RetryPolicy policy = noJitter();
        RandomGenerator rnd = new SplittableRandom(1);
        assertThat(policy.backoff(62, rnd)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(63, rnd)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(Integer.MAX_VALUE, rnd)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void jitterOnlyShortensTheWaitByAtMostItsFraction() {
        RetryPolicy policy = RetryPolicy.builder()
                .initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofSeconds(1))
                .jitter(0.25)
                .build();

        assertThat(policy.backoff(2, fixed(0.0))).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoff(2, fixed(0.5))).isEqualTo(Duration.ofMillis(175));
        assertThat(policy.backoff(10, fixed(0.999_999_999))).isGreaterThan(Duration.ofMillis(750));

        RandomGenerator rnd = new SplittableRandom(42);
        for (int attempt = 1; attempt <= 12; attempt++) {
            long cap = Math.min(100L << (attempt - 1), 1000L);
            for (int i = 0; i < 200; i++) {
                Duration d = policy.backoff(attempt, rnd);
                assertThat(d).isLessThanOrEqualTo(Duration.ofMillis(cap))
                        .isGreaterThan(Duration.ofNanos(cap * 750_000L));
            }
        }
    }

    @Test
    void zeroBackoffStaysZero() {
        RetryPolicy policy = RetryPolicy.builder().initialBackoff(Duration.ZERO).maxBackoff(Duration.ZERO).build();
        assertThat(policy.backoff(5, new SplittableRandom(1))).isZero();
    }

    @Test
    void rejectsInvalidSettings() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.builder()
                .initialBackoff(Duration.ofSeconds(5)).maxBackoff(Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> noJitter().backoff(0, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaults() {
        RetryPolicy policy = RetryPolicy.defaults();
        assertThat(policy.maxAttempts()).isEqualTo(10);
        assertThat(policy.initialBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.maxBackoff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.jitter()).isEqualTo(0.2);
    }
}
