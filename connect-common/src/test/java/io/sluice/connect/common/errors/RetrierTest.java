package io.sluice.connect.common.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.SocketException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetrierTest {

    private final FakeClock clock = new FakeClock(Instant.parse("2026-01-05T10:00:00Z"));
    private final RetryPolicy policy = RetryPolicy.builder()
            .maxAttempts(4)
            .initialBackoff(Duration.ofMillis(100))
            .maxBackoff(Duration.ofMillis(300))
            .jitter(0)
            .build();
    private final Retrier retrier = new Retrier(policy, clock, clock.sleeper(), new SplittableRandom(7));
    private final AtomicInteger calls = new AtomicInteger();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void returnsAtOnceOnSuccess() {
        assertThat(retrier.call("read", () -> "ok")).isEqualTo("ok");
        assertThat(clock.sleeps).isEmpty();
    }

    @Test
    void retriesTransientFailuresWithBackoff() {
        String result = retrier.call("query table t", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new SocketException("Connection reset");
            }
            return "rows";
        });

        assertThat(result).isEqualTo("rows");
        assertThat(calls).hasValue(3);
        assertThat(clock.sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void throwsRetriableExceptionWhenAttemptsAreUsedUp() {
        SQLException last = new SQLException("terminating connection", "57P01");

        assertThatThrownBy(() -> retrier.call("query table public.orders", () -> {
            calls.incrementAndGet();
            throw last;
        }))
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining("query table public.orders")
                .hasMessageContaining("4 attempts")
                .hasMessageContaining("over 600 ms")
                .hasMessageContaining("terminating connection")
                .hasCause(last);
        assertThat(calls).hasValue(4);
        assertThat(clock.sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(300));
    }

    @Test
    void failsAtOnceOnPermanentFailure() {
        SQLException auth = new SQLException("password authentication failed", "28P01");

        assertThatThrownBy(() -> retrier.call("connect", () -> {
            calls.incrementAndGet();
            throw auth;
        }))
                .isInstanceOf(ConnectException.class)
                .isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("connect")
                .hasMessageContaining("password authentication failed")
                .hasCause(auth);
        assertThat(calls).hasValue(1);
        assertThat(clock.sleeps).isEmpty();
    }

    @Test
    void aSingleAttemptPolicyNeverSleeps() {
        Retrier once = new Retrier(RetryPolicy.builder().maxAttempts(1).build(), clock, clock.sleeper(),
                new SplittableRandom(1));

        assertThatThrownBy(() -> once.run("ping", () -> {
            throw new SocketException("reset");
        }))
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining("after 1 attempt over");
        assertThat(clock.sleeps).isEmpty();
    }

    @Test
    void usesTheGivenClassifier() {
        Retrier retryAll = new Retrier(policy, clock, clock.sleeper(), new SplittableRandom(1),
                t -> ErrorKind.TRANSIENT);

        retryAll.run("write", () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("would be permanent by default");
            }
        });

        assertThat(calls).hasValue(2);
        assertThat(clock.sleeps).hasSize(1);
    }

    @Test
    void anInterruptedWaitStopsRetryingAndKeepsTheInterrupt() {
        Retrier interrupted = new Retrier(policy, clock, d -> {
            throw new InterruptedException();
        }, new SplittableRandom(1));

        assertThatThrownBy(() -> interrupted.call("read", () -> {
            calls.incrementAndGet();
            throw new SocketException("reset");
        }))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("Interrupted while waiting to retry read");
        assertThat(calls).hasValue(1);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }
}
