package io.sluice.connect.csv;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.fail;

/**
 * Drives a {@link CsvSourceTask} the way a worker does, in memory: polls, "commits" the offsets of delivered
 * records to an in-memory store (through a JSON round trip, so small numbers come back as Integers, as they do from
 * the offsets topic), then calls {@code commit()}.
 */
final class TaskHarness implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Committed offsets, shared by the tasks a test starts one after another. */
    static final class InMemoryOffsets implements OffsetStorageReader {

        private final Map<Map<String, Object>, Map<String, Object>> committed = new HashMap<>();

        synchronized void commit(List<SourceRecord> records) {
            for (SourceRecord record : records) {
                committed.put(roundTrip(record.sourcePartition()), roundTrip(record.sourceOffset()));
            }
        }

        synchronized void put(Map<String, ?> partition, Map<String, ?> offset) {
            committed.put(roundTrip(partition), offset == null ? null : roundTrip(offset));
        }

        synchronized Map<String, Object> get(Map<String, ?> partition) {
            return committed.get(roundTrip(partition));
        }

        @Override
        public synchronized <T> Map<String, Object> offset(Map<String, T> partition) {
            return committed.get(roundTrip(partition));
        }

        @Override
        public synchronized <T> Map<Map<String, T>, Map<String, Object>> offsets(
                Collection<Map<String, T>> partitions) {
            Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
            for (Map<String, T> partition : partitions) {
                result.put(partition, committed.get(roundTrip(partition)));
            }
            return result;
        }

        private static Map<String, Object> roundTrip(Map<String, ?> map) {
            try {
                return JSON.readValue(JSON.writeValueAsString(map), new TypeReference<>() {
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final InMemoryOffsets offsets;
    private final CsvSourceTask task = new CsvSourceTask();
    private final List<SourceRecord> delivered = new ArrayList<>();

    TaskHarness(InMemoryOffsets offsets, Map<String, String> props) {
        this.offsets = offsets;
        task.initialize(new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return props;
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return offsets;
            }

            @Override
            public PluginMetrics pluginMetrics() {
                throw new UnsupportedOperationException("no plugin metrics in unit tests");
            }
        });
        task.start(props);
    }

    CsvSourceTask task() {
        return task;
    }

    /** @return one poll's records; empty for null */
    List<SourceRecord> pollOnce() throws InterruptedException {
        List<SourceRecord> records = task.poll();
        if (records == null) {
            return List.of();
        }
        delivered.addAll(records);
        return records;
    }

    /** Polls until {@code count} records arrived in this call, failing after {@code timeout}. */
    List<SourceRecord> pollUntil(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<SourceRecord> got = new ArrayList<>();
        while (got.size() < count) {
            if (System.nanoTime() > deadline) {
                fail("expected " + count + " records within " + timeout + ", got " + got.size() + ": " + got);
            }
            got.addAll(pollOnce());
        }
        return got;
    }

    /** Polls until {@code timeout} passes, for tests asserting that nothing (more) arrives. */
    List<SourceRecord> pollFor(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<SourceRecord> got = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            got.addAll(pollOnce());
        }
        return got;
    }

    /** Commits the offsets of the given records, as the worker does after they are written, then tells the task. */
    void commit(List<SourceRecord> records) throws InterruptedException {
        offsets.commit(records);
        task.commit();
    }

    /** Commits every record delivered so far. */
    void commitAll() throws InterruptedException {
        commit(delivered);
    }

    @Override
    public void close() {
        task.stop();
    }
}
