package io.sluice.connect.common.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final FakeClock clock = new FakeClock(Instant.parse("2026-01-05T10:00:00Z"));

    @Test
    void startsFullAndAllowsTheBurst() {
        TokenBucket bucket = new TokenBucket(10, 5, clock);

        for (int i = 0; i < 5; i++) {
            assertThat(bucket.tryAcquire(1)).as("permit %d", i).isTrue();
        }
        assertThat(bucket.tryAcquire(1)).isFalse();
    }

    @Test
    void refillsAtTheConfiguredRate() {
        TokenBucket bucket = new TokenBucket(10, 5, clock);
        assertThat(bucket.tryAcquire(5)).isTrue();

        assertThat(bucket.waitTime(1)).isEqualTo(Duration.ofMillis(100));
        clock.advance(Duration.ofMillis(99));
        assertThat(bucket.tryAcquire(1)).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(bucket.tryAcquire(1)).isTrue();
        assertThat(bucket.tryAcquire(1)).isFalse();
    }

    @Test
    void neverAccruesMoreThanTheBurst() {
        TokenBucket bucket = new TokenBucket(10, 5, clock);
        clock.advance(Duration.ofHours(1));

        assertThat(bucket.tryAcquire(5)).isTrue();
        assertThat(bucket.tryAcquire(1)).isFalse();
    }

    @Test
    void acquireWaitsWithTheSleeperUntilPermitsAccrue() throws InterruptedException {
        TokenBucket bucket = new TokenBucket(100, 10, clock);
        bucket.acquire(10, clock.sleeper());
        assertThat(clock.sleeps).isEmpty();

        bucket.acquire(5, clock.sleeper());

        assertThat(clock.sleeps).containsExactly(Duration.ofMillis(50));
    }

    @Test
    void aBatchLargerThanTheBurstPassesAndLeavesADebt() throws InterruptedException {
        TokenBucket bucket = new TokenBucket(10, 5, clock);
        Instant start = clock.instant();

        bucket.acquire(25, clock.sleeper());
        assertThat(clock.sleeps).isEmpty();
        bucket.acquire(5, clock.sleeper());

        // 25 + 5 permits at 10/s, with 5 in the bucket at the start: 2.5 s
        assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void holdsTheLongRunRate() throws InterruptedException {
        AtomicLong nanos = new AtomicLong();
        TokenBucket bucket = new TokenBucket(1000, 100, nanos::get);
        Sleeper sleeper = d -> nanos.addAndGet(d.toNanos());

        for (int i = 0; i < 1000; i++) {
            bucket.acquire(7, sleeper);
        }

        // 7000 permits at 1000/s, 100 of them from the initial burst
        assertThat(nanos.get()).isBetween(6_899_000_000L, 6_901_000_000L);
    }

    @Test
    void zeroRateIsUnlimited() throws InterruptedException {
        TokenBucket bucket = new TokenBucket(0, 0, clock);
        assertThat(bucket.isUnlimited()).isTrue();
        assertThat(bucket.tryAcquire(Long.MAX_VALUE)).isTrue();
        assertThat(bucket.waitTime(1_000_000)).isZero();
        bucket.acquire(1_000_000, d -> {
            throw new AssertionError("must not wait");
        });
        assertThat(TokenBucket.unlimited().tryAcquire(5)).isTrue();
        assertThat(new TokenBucket(-1, 0, clock).isUnlimited()).isTrue();
    }

    @Test
    void aClockSteppingBackDoesNotTakePermitsAway() {
        TokenBucket bucket = new TokenBucket(10, 5, clock);
        assertThat(bucket.tryAcquire(4)).isTrue();
        clock.advance(Duration.ofSeconds(-10));
        assertThat(bucket.tryAcquire(1)).isTrue();
        clock.advance(Duration.ofMillis(100));
        assertThat(bucket.tryAcquire(1)).isTrue();
    }

    @Test
    void rejectsInvalidArguments() {
        assertThatThrownBy(() -> new TokenBucket(10, 0, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(Double.NaN, 1, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(10, 1, clock).tryAcquire(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
