package io.sluice.connect.csv;

import io.sluice.connect.common.errors.BadRecordConfig;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class CsvSourceTaskTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(300);

    @TempDir
    Path dir;

    private final TaskHarness.InMemoryOffsets offsets = new TaskHarness.InMemoryOffsets();

    /** @return keys every test's task gets, before the test's own */
    Map<String, String> baseProps() {
        return Map.of();
    }

    private Map<String, String> props(Path input, String... extra) {
        Map<String, String> props = new HashMap<>(baseProps());
        props.put("name", "test");
        props.put("input.paths", input.toString());
        props.put("topic", "lines");
        props.put("poll.interval.ms", "50");
        props.put("file.min.age.ms", "0");
        for (int i = 0; i < extra.length; i += 2) {
            props.put(extra[i], extra[i + 1]);
        }
        return props;
    }

    private Path write(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static Struct value(SourceRecord record) {
        return (Struct) record.value();
    }

    @Test
    void readsEveryRowOnceWithInferredTypesHeadersAndAnEndOfFileOffset() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        String content = "id,customer name,amount,paid,placed_at\n"
                + "1,Ann,12.5,true,2024-05-01T10:15:30Z\n"
                + "2,Bob,7,false,2024-05-01 11:00:00\n"
                + "3,\"Smith, Jo\",,true,\n";
        Path file = write(in.resolve("orders.csv"), content);

        try (TaskHarness harness = new TaskHarness(offsets, props(in))) {
            List<SourceRecord> records = harness.pollUntil(3, TIMEOUT);
            assertThat(harness.pollFor(QUIET)).isEmpty();

            assertThat(records).extracting(SourceRecord::topic).containsOnly("lines");
            assertThat(records).extracting(SourceRecord::key).containsOnlyNulls();
            assertThat(records).extracting(SourceRecord::timestamp).containsOnlyNulls();
            assertThat(records).extracting(r -> value(r).getInt64("id")).containsExactly(1L, 2L, 3L);
            assertThat(records).extracting(r -> value(r).getString("customer_name"))
                    .containsExactly("Ann", "Bob", "Smith, Jo");
            assertThat(records).extracting(r -> value(r).getFloat64("amount")).containsExactly(12.5, 7.0, null);
            assertThat(records).extracting(r -> value(r).getBoolean("paid")).containsExactly(true, false, true);
            assertThat(records).extracting(r -> (Date) value(r).get("placed_at")).containsExactly(
                    Date.from(Instant.parse("2024-05-01T10:15:30Z")), Date.from(Instant.parse("2024-05-01T11:00:00Z")),
                    null);
            Schema schema = records.get(0).valueSchema();
            assertThat(schema.name()).isEqualTo("io.sluice.connect.csv.orders");
            assertThat(schema.field("amount").schema().isOptional()).isTrue();

            assertThat(records).extracting(r -> r.headers().lastWithName("sluice.file").value())
                    .containsOnly(file.toString());
            assertThat(records).extracting(r -> r.headers().lastWithName("sluice.line").value())
                    .containsExactly(2L, 3L, 4L);

            assertThat(records.get(0).sourcePartition())
                    .isEqualTo(FileSplit.of(file, in).partition().toMap());
            int line3 = content.indexOf("2,Bob");
            assertThat(records.get(0).sourceOffset()).isEqualTo(Map.of("v", 1, "position", (long) line3,
                    "record", 1L, "line", 3L, "eof", false));
            FileOffset last = FileOffset.fromMap(records.get(2).sourceOffset());
            assertThat(last.eof()).isTrue();
            assertThat(last.position()).isEqualTo(Files.size(file));
            assertThat(last.size()).isEqualTo(Files.size(file));
            assertThat(last.record()).isEqualTo(3);
        }
    }

    @Test
    void aRestartedTaskResumesExactlyAfterTheLastCommittedRecord() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        write(in.resolve("a.csv"), "id,name\n1,a\n2,b\n3,c\n4,d\n5,e\n");

        try (TaskHarness first = new TaskHarness(offsets, props(in))) {
            List<SourceRecord> records = first.pollUntil(5, TIMEOUT);
            first.commit(records.subList(0, 2));
        }
        try (TaskHarness second = new TaskHarness(offsets, props(in))) {
            List<SourceRecord> records = second.pollUntil(3, TIMEOUT);
            assertThat(second.pollFor(QUIET)).isEmpty();
            assertThat(records).extracting(r -> value(r).getInt64("id")).containsExactly(3L, 4L, 5L);
            assertThat(records).extracting(r -> r.headers().lastWithName("sluice.line").value())
                    .containsExactly(4L, 5L, 6L);
            assertThat(FileOffset.fromMap(records.get(2).sourceOffset()).record()).isEqualTo(5);
        }
    }

    @Test
    void aFileShorterThanItsCommittedPositionIsReadAgainFromTheStart() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        Path file = write(in.resolve("a.csv"), "id,name\n1,aaaaaaaa\n2,bbbbbbbb\n3,cccccccc\n");
        try (TaskHarness first = new TaskHarness(offsets, props(in))) {
            first.commit(first.pollUntil(3, TIMEOUT).subList(0, 2));
        }
        // Rewritten in place: same inode, so the same partition, but smaller than the committed position.
        Files.writeString(file, "id,name\n7,x\n");

        try (TaskHarness second = new TaskHarness(offsets, props(in))) {
            List<SourceRecord> records = second.pollUntil(1, TIMEOUT);
            assertThat(second.pollFor(QUIET)).isEmpty();
            assertThat(records).extracting(r -> value(r).getInt64("id")).containsExactly(7L);
            assertThat(records.get(0).headers().lastWithName("sluice.line").value()).isEqualTo(2L);
        }
    }

    @Test
    void aFinishedFileIsNotReadAgainWhenItGrowsButIsWhenReplacedOrShrunk() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        Path file = write(in.resolve("a.csv"), "id\n1\n2\n");
        try (TaskHarness harness = new TaskHarness(offsets, props(in))) {
            Map<String, Object> original = Map.copyOf(harness.pollUntil(2, TIMEOUT).get(0).sourcePartition());
            harness.commitAll();

            Files.writeString(file, "3\n", StandardOpenOption.APPEND);
            assertThat(harness.pollFor(QUIET)).as("growth after the end is ignored").isEmpty();

            Path replacement = write(dir.resolve("staging").resolve("a.csv"), "id\n10\n11\n12\n");
            Files.move(replacement, file, StandardCopyOption.REPLACE_EXISTING);
            List<SourceRecord> replaced = harness.pollUntil(3, TIMEOUT);
            assertThat(replaced).extracting(r -> value(r).getInt64("id")).containsExactly(10L, 11L, 12L);
            Map<String, Object> partition = Map.copyOf(replaced.get(0).sourcePartition());
            assertThat(partition).as("a new file is a new partition").isNotEqualTo(original)
                    .containsEntry("path", file.toString());
            harness.commitAll();

            Files.writeString(file, "id\n9\n");
            List<SourceRecord> rewritten = harness.pollUntil(1, TIMEOUT);
            assertThat(rewritten).extracting(r -> value(r).getInt64("id")).containsExactly(9L);
        }
    }

    @Test
    void afterReadDeleteWaitsForTheEndOfFileOffsetToBeCommitted() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        Path file = write(in.resolve("a.csv"), "id\n1\n2\n");
        try (TaskHarness harness = new TaskHarness(offsets, props(in, "after.read", "delete"))) {
            List<SourceRecord> records = harness.pollUntil(2, TIMEOUT);
            harness.task().commit();
            assertThat(file).as("nothing committed yet").exists();

            harness.commit(records.subList(0, 1));
            assertThat(file).as("only the first record committed").exists();

            harness.commit(records);
            assertThat(file).doesNotExist();
            assertThat(harness.task().metricValues()).containsEntry("files-done-total", 1L);
        }
    }

    @Test
    void anEmptyFileWithKeyColumnsIsFinishedNotSentToTheErrorPath() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        Path errors = dir.resolve("errors");
        Path empty = write(in.resolve("empty.csv"), "");
        write(in.resolve("b.csv"), "id\n7\n");
        Map<String, String> props = props(in, "after.read", "delete", "key.columns", "id",
                "error.path", errors.toString());
        try (TaskHarness harness = new TaskHarness(offsets, props)) {
            List<SourceRecord> records = harness.pollUntil(1, TIMEOUT);
            assertThat(records).extracting(SourceRecord::key).containsExactly(7L);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (Files.exists(empty) && System.nanoTime() < deadline) {
                assertThat(harness.pollOnce()).isEmpty();
            }
            assertThat(empty).as("an empty file has nothing to commit: it is finished at once").doesNotExist();
            assertThat(errors.resolve("empty.csv")).doesNotExist();
        }
    }

    @Test
    void afterReadMoveKeepsThePathRelativeToTheInputDirectory() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        Path finished = dir.resolve("done");
        Path file = write(in.resolve("2024").resolve("a.csv"), "id\n1\n");
        write(finished.resolve("2024").resolve("a.csv"), "an older file of the same name\n");
        Map<String, String> props = props(in, "after.read", "move", "finished.path", finished.toString(),
                "input.recursive", "true");
        try (TaskHarness harness = new TaskHarness(offsets, props)) {
            harness.pollUntil(1, TIMEOUT);
            assertThat(file).exists();
            harness.commitAll();
            assertThat(file).doesNotExist();
            assertThat(finished.resolve("2024").resolve("a-1.csv")).hasContent("id\n1\n");
            assertThat(finished.resolve("2024").resolve("a.csv")).hasContent("an older file of the same name\n");
        }
    }

    @Test
    void aFileWhoseEndOffsetWasCommittedBeforeAStopIsFinishedOnStart() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        Path file = write(in.resolve("a.csv"), "id\n1\n");
        try (TaskHarness first = new TaskHarness(offsets, props(in, "after.read", "delete"))) {
            // The offset is committed, but the task stops before commit() acts on it.
            offsets.commit(first.pollUntil(1, TIMEOUT));
        }
        assertThat(file).exists();
        try (TaskHarness second = new TaskHarness(offsets, props(in, "after.read", "delete"))) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (Files.exists(file) && System.nanoTime() < deadline) {
                assertThat(second.pollOnce()).isEmpty();
            }
            assertThat(file).doesNotExist();
        }
    }

    @Test
    void anUnreadableFileMovesToTheErrorPathWithItsReasonAndOthersAreStillRead() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        Path errors = dir.resolve("errors");
        Path broken = in.resolve("broken.csv.gz");
        Files.write(broken, new byte[] {0x1f, (byte) 0x8b, 'n', 'o', 't', ' ', 'g', 'z', 'i', 'p'});
        write(in.resolve("good.csv"), "id\n1\n2\n");
        try (TaskHarness harness = new TaskHarness(offsets, props(in, "error.path", errors.toString()))) {
            List<SourceRecord> records = harness.pollUntil(2, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (Files.exists(broken) && System.nanoTime() < deadline) {
                records.addAll(harness.pollOnce());
            }
            assertThat(records).hasSize(2).extracting(r -> value(r).getInt64("id")).containsExactly(1L, 2L);
            assertThat(broken).doesNotExist();
            assertThat(errors.resolve("broken.csv.gz")).exists();
            assertThat(Files.readString(errors.resolve("broken.csv.gz.error.txt")))
                    .contains("file: " + broken).contains("connector: test").contains("reason: ");
            assertThat(offsets.get(Map.of("path", broken.toString()))).isNull();
            assertThat(harness.task().metricValues()).containsEntry("files-failed-total", 1L);
        }
    }

    @Test
    void failPolicyHandsOutTheRowsBeforeABadRowThenFailsNamingFileAndLine() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        Path file = write(in.resolve("a.csv"), "id,name\n1,a\n2\n3,c\n");
        try (TaskHarness harness = new TaskHarness(offsets, props(in))) {
            List<SourceRecord> records = new ArrayList<>();
            ConnectException failure = null;
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (failure == null && System.nanoTime() < deadline) {
                try {
                    records.addAll(harness.pollOnce());
                } catch (ConnectException e) {
                    failure = e;
                }
            }
            assertThat(records).extracting(r -> value(r).getInt64("id")).containsExactly(1L);
            assertThat(FileOffset.fromMap(records.get(0).sourceOffset()).line()).as("resume at the bad row")
                    .isEqualTo(3);
            assertThat(failure).hasMessage("CsvSourceConnector test: " + file + ":3: expected 2 columns, found 1. "
                    + "Fix the row, or set bad.record.policy=skip or error_topic");
        }
    }

    @Test
    void skipPolicyLeavesBadRowsOutAndMovesThePositionPastThem() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("id,name\n1,a\n2\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'3', ',', (byte) 0xff, '\n'});
        bytes.writeBytes("4,d\nx,e\n".getBytes(StandardCharsets.UTF_8));
        Files.write(in.resolve("a.csv"), bytes.toByteArray());
        // The sample ends before the last row, whose id is not an int64.
        Map<String, String> props = props(in, "bad.record.policy", "skip", "schema.infer.sample.rows", "2");
        try (TaskHarness harness = new TaskHarness(offsets, props)) {
            List<SourceRecord> records = harness.pollUntil(2, TIMEOUT);
            assertThat(harness.pollFor(QUIET)).isEmpty();
            assertThat(records).extracting(r -> value(r).getInt64("id")).containsExactly(1L, 4L);
            assertThat(FileOffset.fromMap(records.get(0).sourceOffset()).line()).isEqualTo(5);
            assertThat(FileOffset.fromMap(records.get(1).sourceOffset()).eof()).isTrue();
            assertThat(harness.task().metricValues()).containsEntry("parse-errors-total", 3L);
        }
    }

    @Test
    void errorTopicPolicySendsTheRawRowWithItsLocationAndKeepsOffsetsContinuous() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        Path file = write(in.resolve("a.csv"), "id,name\n1,a\noops\n3,c\n");
        Map<String, String> props = props(in, "bad.record.policy", "error_topic", "bad.record.topic", "bad");
        try (TaskHarness harness = new TaskHarness(offsets, props)) {
            List<SourceRecord> records = harness.pollUntil(3, TIMEOUT);
            assertThat(records).extracting(SourceRecord::topic).containsExactly("lines", "bad", "lines");
            SourceRecord bad = records.get(1);
            assertThat(bad.value()).isEqualTo("oops");
            assertThat(bad.valueSchema()).isEqualTo(Schema.STRING_SCHEMA);
            assertThat(bad.headers().lastWithName(BadRecordConfig.HEADER_REASON).value())
                    .isEqualTo("expected 2 columns, found 1");
            assertThat(bad.headers().lastWithName(BadRecordConfig.HEADER_SOURCE).value()).isEqualTo(file.toString());
            assertThat(bad.headers().lastWithName(BadRecordConfig.HEADER_LINE).value()).isEqualTo(3L);
            assertThat(bad.headers().lastWithName(BadRecordConfig.HEADER_POSITION).value())
                    .isEqualTo((long) "id,name\n1,a\n".length());
            assertThat(bad.headers().lastWithName(BadRecordConfig.HEADER_CONNECTOR).value()).isEqualTo("test");
            assertThat(bad.sourcePartition()).isEqualTo(records.get(0).sourcePartition());
            assertThat(records).extracting(r -> FileOffset.fromMap(r.sourceOffset()).line())
                    .containsExactly(3L, 4L, 5L);
        }
    }

    @Test
    void readsGzipJsonLinesAndSchemalessValuesWithKeysAndATopicTemplate() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("{\"id\":1,\"tags\":[\"x\"],\"ok\":true}\n{\"id\":2,\"ok\":false}\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        Files.write(in.resolve("events.jsonl.gz"), gz.toByteArray());
        Map<String, String> props = props(in, "schema.mode", "none", "key.columns", "id", "topic", "raw-${file}");
        try (TaskHarness harness = new TaskHarness(offsets, props)) {
            List<SourceRecord> records = harness.pollUntil(2, TIMEOUT);
            assertThat(records).extracting(SourceRecord::topic).containsOnly("raw-events");
            assertThat(records).extracting(SourceRecord::key).containsExactly(1L, 2L);
            assertThat(records.get(0).valueSchema()).isNull();
            assertThat(records.get(0).value()).isEqualTo(Map.of("id", 1L, "tags", List.of("x"), "ok", true));
            assertThat(FileOffset.fromMap(records.get(1).sourceOffset()).eof()).isTrue();
        }
    }

    @Test
    void pollReturnsNullAfterThePollIntervalAndStopEndsTheWait() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        try (TaskHarness quick = new TaskHarness(offsets, props(in))) {
            assertThat(quick.task().poll()).isNull();
        }
        TaskHarness slow = new TaskHarness(offsets, props(in, "poll.interval.ms", "60000"));
        CompletableFuture<List<SourceRecord>> result = new CompletableFuture<>();
        Thread poller = new Thread(() -> {
            try {
                result.complete(slow.task().poll());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        poller.start();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (poller.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(poller.getState()).as("poll waits for the next scan").isEqualTo(Thread.State.TIMED_WAITING);
        Thread reading = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("sluice-csv-read-test-0")).findFirst().orElse(null);
        if (reading != null) {
            // reading ahead, the reading thread is the one that waits for the next scan
            while (!waitsForTheNextScan(reading) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(waitsForTheNextScan(reading)).as("the reading thread waits for the next scan").isTrue();
        }
        slow.close();
        assertThat(result.get(5, TimeUnit.SECONDS)).isNull();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .as("no reading thread outlives the stop").doesNotContain("sluice-csv-read-test-0");
    }

    private static boolean waitsForTheNextScan(Thread thread) {
        return thread.getState() == Thread.State.TIMED_WAITING && Arrays.stream(thread.getStackTrace())
                .anyMatch(f -> f.getClassName().equals(FileIngestor.class.getName()) && f.getMethodName().equals("poll"));
    }

    @Test
    void jsonTextValuesHoldTheTypedFieldsAsJsonConverterWritesThemWithTheSameKeys() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        write(in.resolve("orders.csv"), "id,customer name,amount,paid,placed_at\n"
                + "1,\"Ann \"\"A\"\"\",12.5,true,2024-05-01T10:15:30Z\n"
                + "2,Bob,,false,\n");
        Map<String, String> props = props(in, "value.format", "json_text", "key.columns", "id");
        try (TaskHarness harness = new TaskHarness(offsets, props)) {
            List<SourceRecord> records = harness.pollUntil(2, TIMEOUT);
            assertThat(records).extracting(SourceRecord::valueSchema).containsOnly(Schema.STRING_SCHEMA);
            assertThat(records).extracting(SourceRecord::value).containsExactly(
                    "{\"id\":1,\"customer_name\":\"Ann \\\"A\\\"\",\"amount\":12.5,\"paid\":true,"
                            + "\"placed_at\":" + Instant.parse("2024-05-01T10:15:30Z").toEpochMilli() + "}",
                    "{\"id\":2,\"customer_name\":\"Bob\",\"amount\":null,\"paid\":false,\"placed_at\":null}");
            assertThat(records).extracting(SourceRecord::key).containsExactly(1L, 2L);
            assertThat(records.get(0).keySchema().type()).isEqualTo(Schema.Type.INT64);
            assertThat(records).extracting(r -> r.headers().lastWithName("sluice.line").value())
                    .containsExactly(2L, 3L);
        }
    }

    @Test
    void rawValuesAreTheRowsAsWrittenStillCheckedAndKeyed() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        write(in.resolve("a.csv"), "id,note\r\n1,\"two\nlines, quoted\"\r\n2,plain\r\n3\r\n4,last");
        write(in.resolve("b.jsonl"), "{\"id\": 7, \"tags\": [\"x\"]}\n");
        Map<String, String> props = props(in, "value.format", "raw", "key.columns", "id",
                "bad.record.policy", "skip");
        try (TaskHarness harness = new TaskHarness(offsets, props)) {
            List<SourceRecord> records = harness.pollUntil(4, TIMEOUT);
            assertThat(harness.pollFor(QUIET)).isEmpty();
            Map<Object, Object> byKey = new HashMap<>();
            records.forEach(r -> byKey.put(r.key(), r.value()));
            assertThat(byKey).containsExactlyInAnyOrderEntriesOf(Map.of(1L, "1,\"two\nlines, quoted\"", 2L, "2,plain",
                    4L, "4,last", 7L, "{\"id\": 7, \"tags\": [\"x\"]}"));
            assertThat(records).extracting(SourceRecord::valueSchema).containsOnly(Schema.STRING_SCHEMA);
            assertThat(harness.task().metricValues()).as("the short row is still a bad row")
                    .containsEntry("parse-errors-total", 1L);
        }
    }

    @Test
    void headersCanBeTurnedOff() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        write(in.resolve("a.csv"), "id,name\n1,a\n2,b\n");
        try (TaskHarness harness = new TaskHarness(offsets, props(in, "headers.enabled", "false"))) {
            List<SourceRecord> records = harness.pollUntil(2, TIMEOUT);
            assertThat(records).allSatisfy(r -> assertThat(r.headers().isEmpty()).isTrue());
            assertThat(records).extracting(r -> value(r).getInt64("id")).containsExactly(1L, 2L);
            assertThat(FileOffset.fromMap(records.get(1).sourceOffset()).eof()).isTrue();
        }
    }

    @Test
    void twoTasksReadDisjointSharesThatTogetherCoverEveryFile() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        for (int i = 0; i < 10; i++) {
            write(in.resolve("f" + i + ".csv"), "id\n" + i + "\n");
        }
        Set<Long> seen = new HashSet<>();
        int total = 0;
        for (int index = 0; index < 2; index++) {
            Map<String, String> props = props(in, "task.index", Integer.toString(index), "task.count", "2");
            TaskAssignment assignment = new TaskAssignment(index, 2);
            int owned = 0;
            for (int i = 0; i < 10; i++) {
                owned += assignment.owns(in.resolve("f" + i + ".csv").toString()) ? 1 : 0;
            }
            try (TaskHarness harness = new TaskHarness(offsets, props)) {
                List<SourceRecord> records = owned == 0 ? List.of() : harness.pollUntil(owned, TIMEOUT);
                assertThat(harness.pollFor(QUIET)).isEmpty();
                records.forEach(r -> seen.add(value(r).getInt64("id")));
                total += records.size();
            }
        }
        assertThat(total).isEqualTo(10);
        assertThat(seen).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void aProvidedSchemaTypesTheColumnsByHeaderNameAndAMissingRequiredColumnRejectsTheFile() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        Path errors = dir.resolve("errors");
        write(in.resolve("a.csv"), "name,id,extra\nann,1,x\n");
        write(in.resolve("b.csv"), "name\nbob\n");
        String schema = "{\"name\":\"com.example.Person\",\"columns\":[{\"name\":\"id\",\"type\":\"int64\","
                + "\"optional\":false},{\"name\":\"name\",\"type\":\"string\"}]}";
        Map<String, String> props = props(in, "schema.mode", "provided", "schema.json", schema,
                "key.columns", "id", "error.path", errors.toString());
        try (TaskHarness harness = new TaskHarness(offsets, props)) {
            List<SourceRecord> records = harness.pollUntil(1, TIMEOUT);
            assertThat(records.get(0).valueSchema().name()).isEqualTo("com.example.Person");
            assertThat(value(records.get(0))).isEqualTo(new Struct(records.get(0).valueSchema())
                    .put("id", 1L).put("name", "ann"));
            assertThat(records.get(0).key()).isEqualTo(1L);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!Files.exists(errors.resolve("b.csv.error.txt")) && System.nanoTime() < deadline) {
                assertThat(harness.pollOnce()).isEmpty();
            }
            assertThat(Files.readString(errors.resolve("b.csv.error.txt")))
                    .contains("schema.json column 'id' is required");
        }
    }
}
