package io.sluice.connect.redis;

import org.apache.kafka.connect.errors.ConnectException;
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

class ReadAheadReaderTest {

    private static final long WAIT_MS = 5_000L;

    /**
     * Hands out the scripted results in order; with none left, waits a little for one to be added and returns nothing,
     * as a blocking XREAD does. Records which thread did what.
     */
    private static final class ScriptedReader implements StreamReader {
        final BlockingDeque<Supplier<List<SourceRecord>>> script = new LinkedBlockingDeque<>();
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<Thread> pollThreads = new CopyOnWriteArrayList<>();
        volatile int polls;

        @Override
        public List<SourceRecord> poll() throws InterruptedException {
            polls++;
            pollThreads.add(Thread.currentThread());
            Supplier<List<SourceRecord>> next = script.poll(5, TimeUnit.MILLISECONDS);
            if (next == null) {
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
