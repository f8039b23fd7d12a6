package io.sluice.connect.postgres;

import io.sluice.connect.common.metrics.SluiceMetrics;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class SplitPollerTest {

    private static final long WAIT_MS = 30_000L;

    private static SplitPoller poller(Map<String, String> props) {
        return new SplitPoller(new PostgresSourceConfig(props), List.of(Split.table("public", "t")), null,
                p -> new PostgresSourceMetrics(SluiceMetrics.local(), p::splitsBehind, p::waitingMs, p::cursorLag),
                Clock.systemUTC());
    }

    @Test
    void aPollAfterTheTaskWasStoppedOpensNoConnection() throws InterruptedException {
        // nothing listens on port 1: an attempt to connect would fail, and be retried, instead of returning at once
        SplitPoller poller = poller(Map.of("name", "stopped",
                "connection.url", "jdbc:postgresql://127.0.0.1:1/none", "retry.max.attempts", "1"));
        poller.close();
        assertThat(poller.poll()).isEmpty();
        poller.close();
    }

    @Test
    void aStopEndsTheWaitBeforeARetrySoTheReadingThreadCanEnd() throws InterruptedException {
        // nothing listens on port 1: the first attempt fails at once, and the next would come ten minutes later
        SplitPoller poller = poller(Map.of("name", "backing-off",
                "connection.url", "jdbc:postgresql://127.0.0.1:1/none", "retry.max.attempts", "3",
                "retry.backoff.initial.ms", "600000", "retry.backoff.max.ms", "600000"));
        AtomicReference<Object> polled = new AtomicReference<>();
        Thread reading = new Thread(() -> {
            try {
                List<SourceRecord> records = poller.poll();
                polled.set(records);
            } catch (InterruptedException | RuntimeException e) {
                polled.set(e);
            }
        }, "split-poller-test");
        reading.start();
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (!backingOff(reading) && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(backingOff(reading)).as("the poll waits to retry the refused connection").isTrue();

        poller.wakeup();
        reading.join(WAIT_MS);
        assertThat(reading.isAlive()).as("the poll still waits to retry after the stop").isFalse();
        assertThat(polled.get()).as("what the poll returned after the stop").isEqualTo(List.of());
        poller.close();
    }

    private static boolean backingOff(Thread thread) {
        return Arrays.stream(thread.getStackTrace()).anyMatch(frame -> frame.getMethodName().equals("backOff")
                && frame.getClassName().equals(SplitPoller.class.getName()));
    }
}
