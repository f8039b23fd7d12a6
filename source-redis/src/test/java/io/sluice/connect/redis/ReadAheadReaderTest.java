package io.sluice.connect.redis;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadAheadReaderTest {

    private static final long WAIT_MS = 5_000L;

    /** Hands out the scripted results in order, then nothing; records which thread did what. */
    private static final class ScriptedReader implements StreamReader {
        final Deque<Supplier<List<SourceRecord>>> script = new ConcurrentLinkedDeque<>();
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<Thread> pollThreads = new CopyOnWriteArrayList<>();
        volatile int polls;

        @Override
        public List<SourceRecord> poll() {
            polls++;
            pollThreads.add(Thread.currentThread());
            Supplier<List<SourceRecord>> next = script.poll();
            if (next == null) {
                sleepQuietly();
                return List.of();
            }
            return next.get();
        }

        @Override
        public void committed(SourceRecord record) {
            calls.add("committed " + record.sourceOffset().get("id"));
        }

        @Override
        public void finish() {
            calls.add("finish on " + Thread.currentThread().getName());
        }

        @Override
        public void stopped() {
            calls.add("stopped");
        }

        @Override
        public void refreshStats() {
            calls.add("stats on " + Thread.currentThread().getName());
        }

        private static void sleepQuietly() {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static List<SourceRecord> batch(int from, int to) {
        List<SourceRecord> records = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            records.add(new SourceRecord(Map.of("stream", "s"), Map.of("id", i), "t", null, "v" + i));
        }
        return records;
    }

    private static List<Object> ids(List<SourceRecord> records) {
        return records.stream().map(r -> (Object) r.sourceOffset().get("id")).toList();
    }

    private static List<SourceRecord> pollUntilRecords(ReadAheadReader reader) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<SourceRecord> records = reader.poll();
            if (!records.isEmpty()) {
                return records;
            }
        }
        throw new AssertionError("no batch arrived");
    }

    private static void awaitStopped(ReadAheadReader reader) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (reader.reading() && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(reader.reading()).as("the reading thread has ended").isFalse();
    }

    @Test
    void batchesArriveInOrderReadOnTheReadAheadThread() throws Exception {
        ScriptedReader scripted = new ScriptedReader();
        scripted.script.add(() -> batch(1, 3));
        scripted.script.add(() -> batch(4, 4));
        ReadAheadReader reader = new ReadAheadReader(scripted, 1, WAIT_MS, "read-ahead-test").start();

        assertThat(ids(pollUntilRecords(reader))).containsExactly(1, 2, 3);
        assertThat(ids(pollUntilRecords(reader))).containsExactly(4);
        reader.finish();
        assertThat(scripted.pollThreads).extracting(Thread::getName).containsOnly("read-ahead-test");
    }

    @Test
    void aRetriableFailureIsThrownInItsPlaceAndReadingGoesOn() throws Exception {
        ScriptedReader scripted = new ScriptedReader();
        scripted.script.add(() -> batch(1, 2));
        scripted.script.add(() -> {
            throw new RetriableException("Redis is not answering");
        });
        scripted.script.add(() -> batch(3, 3));
        ReadAheadReader reader = new ReadAheadReader(scripted, 1, WAIT_MS, "read-ahead-test").start();

        assertThat(ids(pollUntilRecords(reader))).containsExactly(1, 2);
        assertThatThrownBy(reader::poll).isInstanceOf(RetriableException.class).hasMessage("Redis is not answering");
        assertThat(ids(pollUntilRecords(reader))).containsExactly(3);
        reader.finish();
    }

    @Test
    void aPermanentFailureComesAfterTheBatchesBeforeItAndEndsReading() throws Exception {
        ScriptedReader scripted = new ScriptedReader();
        scripted.script.add(() -> batch(1, 2));
        scripted.script.add(() -> {
            throw new ConnectException("bad entry");
        });
        scripted.script.add(() -> batch(3, 3));
        ReadAheadReader reader = new ReadAheadReader(scripted, 2, WAIT_MS, "read-ahead-test").start();

        assertThat(ids(pollUntilRecords(reader))).containsExactly(1, 2);
        assertThatThrownBy(reader::poll).isInstanceOf(ConnectException.class).hasMessage("bad entry");
        awaitStopped(reader);
        assertThat(scripted.script).as("the batch after the failure is never read").hasSize(1);
        assertThat(reader.poll()).isEmpty();
        reader.finish();
    }

    @Test
    void anErrorOnTheReadingThreadFailsTheTask() throws Exception {
        ScriptedReader scripted = new ScriptedReader();
        scripted.script.add(() -> {
            throw new OutOfMemoryError("Java heap space");
        });
        ReadAheadReader reader = new ReadAheadReader(scripted, 1, WAIT_MS, "read-ahead-test").start();

        assertThatThrownBy(reader::poll).isInstanceOf(ConnectException.class)
                .hasMessageContaining("Reading ahead from Redis failed").hasMessageContaining("Java heap space");
        reader.finish();
    }

    @Test
    void readsNoFurtherThanTheQueueHolds() throws Exception {
        ScriptedReader scripted = new ScriptedReader();
        for (int i = 0; i < 10; i++) {
            int id = i;
            scripted.script.add(() -> batch(id, id));
        }
        ReadAheadReader reader = new ReadAheadReader(scripted, 2, WAIT_MS, "read-ahead-test").start();
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (scripted.pollThreads.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        Thread reading = scripted.pollThreads.get(0);
        // with batches left to read, the thread waits only in the hand-over, once the queue is full
        while (reading.getState() != Thread.State.TIMED_WAITING && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }

        // one batch waits in the queue and another to be handed over: two ahead, as configured
        assertThat(scripted.polls).isEqualTo(2);
        assertThat(ids(pollUntilRecords(reader))).containsExactly(0);
        reader.finish();
    }

    @Test
    void statsAreRefreshedOnTheReadingThreadAndFinishRunsAfterItStopped() throws Exception {
        ScriptedReader scripted = new ScriptedReader();
        ReadAheadReader reader = new ReadAheadReader(scripted, 1, WAIT_MS, "read-ahead-test").start();
        reader.refreshStats();
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (scripted.calls.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        reader.committed(batch(7, 7).get(0));
        reader.finish();
        reader.stopped();

        assertThat(scripted.calls).containsExactly("stats on read-ahead-test", "committed 7",
                "finish on " + Thread.currentThread().getName(), "stopped");
        assertThat(reader.reading()).as("the reading thread after finish()").isFalse();
    }
}
