package io.sluice.connect.common.source;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadAheadTest {

    private static final long WAIT_MS = 5_000L;

    /**
     * Hands out the scripted results in order; with none left, waits a little for one to be added and returns
     * nothing, as a source with nothing to read waits for its poll interval. Records which thread read.
     */
    private static final class Scripted implements ReadAhead.BatchSource {
        final BlockingDeque<Supplier<List<SourceRecord>>> script = new LinkedBlockingDeque<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        volatile int reads;

        @Override
        public List<SourceRecord> next() throws InterruptedException {
            reads++;
            threads.add(Thread.currentThread());
            Supplier<List<SourceRecord>> next = script.poll(10, TimeUnit.MILLISECONDS);
            if (next == null) {
                return null;
            }
            return next.get();
        }
    }

    private static List<SourceRecord> batch(int from, int to) {
        List<SourceRecord> records = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            records.add(new SourceRecord(Map.of("file", "f"), Map.of("n", i), "t", null, "v" + i));
        }
        return records;
    }

    private static List<Object> ids(List<SourceRecord> records) {
        return records.stream().map(r -> (Object) r.sourceOffset().get("n")).toList();
    }

    private static List<SourceRecord> pollUntilRecords(ReadAhead ahead) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            List<SourceRecord> records = ahead.poll();
            if (!records.isEmpty()) {
                return records;
            }
        }
        throw new AssertionError("no batch arrived");
    }

    private static void awaitEnded(ReadAhead ahead) {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (ahead.reading() && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(ahead.reading()).as("the reading thread has ended").isFalse();
    }

    @Test
    void batchesArriveInOrderReadOnTheReadingThreadAndEmptyOnesAreNotHandedOut() throws Exception {
        Scripted source = new Scripted();
        source.script.add(() -> batch(1, 3));
        source.script.add(List::of);
        source.script.add(() -> batch(4, 4));
        ReadAhead ahead = new ReadAhead(source, 1, 50, "read-ahead-test", "Reading the test script").start();

        assertThat(ids(pollUntilRecords(ahead))).containsExactly(1, 2, 3);
        assertThat(ids(pollUntilRecords(ahead))).containsExactly(4);
        assertThat(ahead.poll()).as("nothing more was read").isEmpty();
        assertThat(ahead.stop(WAIT_MS)).isTrue();
        assertThat(source.threads).extracting(Thread::getName).containsOnly("read-ahead-test");
    }

    @Test
    void aRetriableFailureIsThrownInItsPlaceAndReadingGoesOn() throws Exception {
        Scripted source = new Scripted();
        source.script.add(() -> batch(1, 2));
        source.script.add(() -> {
            throw new RetriableException("the server is not answering");
        });
        source.script.add(() -> batch(3, 3));
        ReadAhead ahead = new ReadAhead(source, 1, 50, "read-ahead-test", "Reading the test script").start();

        assertThat(ids(pollUntilRecords(ahead))).containsExactly(1, 2);
        assertThatThrownBy(() -> pollUntilRecords(ahead)).isInstanceOf(RetriableException.class)
                .hasMessage("the server is not answering");
        assertThat(ids(pollUntilRecords(ahead))).containsExactly(3);
        assertThat(ahead.stop(WAIT_MS)).isTrue();
    }

    @Test
    void kafkasOwnRetriableExceptionsAreRetriableToo() throws Exception {
        Scripted source = new Scripted();
        source.script.add(() -> {
            throw new org.apache.kafka.common.errors.TimeoutException("metadata not available");
        });
        source.script.add(() -> batch(1, 1));
        ReadAhead ahead = new ReadAhead(source, 1, 50, "read-ahead-test", "Reading the test script").start();

        assertThatThrownBy(() -> pollUntilRecords(ahead))
                .isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        assertThat(ids(pollUntilRecords(ahead))).containsExactly(1);
        assertThat(ahead.stop(WAIT_MS)).isTrue();
    }

    @Test
    void aReadingThreadInterruptedWhileNotStoppingFailsTheTaskInsteadOfFallingSilent() throws Exception {
        Scripted source = new Scripted();
        source.script.add(() -> {
            Thread.currentThread().interrupt();
            return List.of();
        });
        ReadAhead ahead = new ReadAhead(source, 1, 50, "read-ahead-test", "Reading the test script").start();

        awaitEnded(ahead);
        assertThatThrownBy(ahead::poll).isInstanceOf(ConnectException.class)
                .hasMessage("Reading the test script was interrupted");
    }

    @Test
    void aPermanentFailureComesAfterTheBatchesBeforeItAndEndsReading() throws Exception {
        Scripted source = new Scripted();
        source.script.add(() -> batch(1, 2));
        source.script.add(() -> {
            throw new ConnectException("bad row at line 7");
        });
        source.script.add(() -> batch(3, 3));
        ReadAhead ahead = new ReadAhead(source, 2, 50, "read-ahead-test", "Reading the test script").start();

        assertThat(ids(pollUntilRecords(ahead))).containsExactly(1, 2);
        assertThatThrownBy(() -> pollUntilRecords(ahead)).isInstanceOf(ConnectException.class)
                .hasMessage("bad row at line 7");
        awaitEnded(ahead);
        assertThat(source.script).as("the batch after the failure is never read").hasSize(1);
        assertThat(ahead.poll()).isEmpty();
    }

    @Test
    void anErrorOnTheReadingThreadFailsTheTaskNamingWhatWasRead() throws Exception {
        Scripted source = new Scripted();
        source.script.add(() -> {
            throw new OutOfMemoryError("Java heap space");
        });
        ReadAhead ahead = new ReadAhead(source, 1, 50, "read-ahead-test", "Reading the test script").start();

        assertThatThrownBy(() -> pollUntilRecords(ahead)).isInstanceOf(ConnectException.class)
                .hasMessageContaining("Reading the test script failed").hasMessageContaining("Java heap space");
        awaitEnded(ahead);
    }

    @Test
    void readsNoFurtherThanTheQueueHolds() throws Exception {
        Scripted source = new Scripted();
        for (int i = 0; i < 10; i++) {
            int id = i;
            source.script.add(() -> batch(id, id));
        }
        ReadAhead ahead = new ReadAhead(source, 2, 50, "read-ahead-test", "Reading the test script").start();
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (source.threads.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        Thread reading = source.threads.get(0);
        // with batches left to read, the thread waits only in the hand-over, once the queue is full
        while (reading.getState() != Thread.State.TIMED_WAITING && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }

        // one batch waits in the queue and another to be handed over: two ahead, as configured
        assertThat(source.reads).isEqualTo(2);
        assertThat(ids(pollUntilRecords(ahead))).containsExactly(0);
        assertThat(ahead.stop(WAIT_MS)).isTrue();
    }

    @Test
    void stopDropsTheBatchesNotHandedOutAndEndsTheThread() throws Exception {
        Scripted source = new Scripted();
        for (int i = 0; i < 10; i++) {
            int id = i;
            source.script.add(() -> batch(id, id));
        }
        ReadAhead ahead = new ReadAhead(source, 3, 50, "read-ahead-test", "Reading the test script").start();
        assertThat(ids(pollUntilRecords(ahead))).containsExactly(0);

        assertThat(ahead.stop(WAIT_MS)).isTrue();
        assertThat(ahead.reading()).isFalse();
        assertThat(ahead.poll()).as("nothing is handed out after stop").isEmpty();
        assertThat(source.reads).as("reading ended well before the script did").isLessThan(10);
    }

    @Test
    void atLeastOneBatchAhead() {
        assertThatThrownBy(() -> new ReadAhead(() -> null, 0, 50, "t", "Reading"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
