package io.sluice.connect.csv;

import io.sluice.connect.csv.it.CsvConnector;
import io.sluice.connect.csv.it.InputFiles;
import io.sluice.connect.csv.it.Records;
import io.sluice.connect.csv.it.SampleFiles;
import io.sluice.testkit.ConnectClusterExtension;
import io.sluice.testkit.ConnectClusterFixture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.LongStream;

import static io.sluice.connect.csv.it.CsvConnector.timeout;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the CSV source does around the rows it reads, in a one-worker Connect cluster driven over the REST API:
 * finished files left, moved or deleted only once their end-of-file offset is committed; unreadable files moved
 * aside with a reason; bad rows under each {@code bad.record.policy}; and offsets reset or altered through
 * {@code DELETE} and {@code PATCH /connectors/{name}/offsets}.
 */
class CsvSourceFilesIT {

    private static final Duration SETTLE = Duration.ofSeconds(2);

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = new ConnectClusterExtension(CsvConnector.clusterBuilder());

    @AfterEach
    void deleteConnectors() {
        CONNECT.cluster().deleteAllConnectors();
    }

    @Test
    void movesEachFileToFinishedPathOnlyAfterItsEndOffsetIsCommitted(@TempDir Path root) throws Exception {
        ConnectClusterFixture cluster = CONNECT.cluster();
        Path input = Files.createDirectory(root.resolve("in"));
        Path finished = root.resolve("done");
        Path csv = InputFiles.write(input, "a.csv", InputFiles.numbered(1, 30));
        Path jsonl = InputFiles.write(input, "b.jsonl", SampleFiles.numberedJson(31, 50));
        Map<String, String> config = CsvConnector.config(input, "moved");
        config.put("after.read", "move");
        config.put("finished.path", finished.toString());
        cluster.createConnector("moved", config);

        cluster.consumeExactly("moved", 50, timeout());
        // Offsets only grow: an offset read after the file was seen moved was committed no later than it would
        // have been at the move.
        Map<Path, Map<String, ?>> committedWhenMoved = new HashMap<>();
        ConnectClusterFixture.await(() -> {
            for (Path file : List.of(csv, jsonl)) {
                if (!committedWhenMoved.containsKey(file) && Files.exists(finished.resolve(file.getFileName()))) {
                    committedWhenMoved.put(file, CsvConnector.offsetOf(cluster, "moved", file));
                }
            }
            return committedWhenMoved.size() == 2;
        }, timeout(), () -> "files not moved to " + finished + ": " + committedWhenMoved.keySet());

        assertThat(committedWhenMoved.get(csv)).as("offset of a.csv when it was moved").matches(CsvConnector::isEof);
        assertThat(committedWhenMoved.get(jsonl)).as("offset of b.jsonl when it was moved")
                .matches(CsvConnector::isEof);
        assertThat(CsvConnector.offsetNumber(committedWhenMoved.get(csv), "record")).isEqualTo(30L);
        assertThat(CsvConnector.offsetNumber(committedWhenMoved.get(jsonl), "record")).isEqualTo(20L);
        assertThat(csv).doesNotExist();
        assertThat(jsonl).doesNotExist();
        assertThat(Files.readString(finished.resolve("a.csv"))).isEqualTo(InputFiles.numbered(1, 30));
        assertThat(cluster.consumeExactly("moved", 50, timeout(), SETTLE)).hasSize(50);
    }

    @Test
    void deletesEachFileOnceItIsReadAndCommitted(@TempDir Path input) throws Exception {
        ConnectClusterFixture cluster = CONNECT.cluster();
        Path csv = InputFiles.write(input, "a.csv", InputFiles.numbered(1, 25));
        Path gz = InputFiles.writeGzip(input, "b.csv.gz", InputFiles.numbered(26, 60));
        Map<String, String> config = CsvConnector.config(input, "deleted");
        config.put("after.read", "delete");
        cluster.createConnector("deleted", config);

        cluster.consumeExactly("deleted", 60, timeout());
        ConnectClusterFixture.await(() -> !Files.exists(csv) && !Files.exists(gz), timeout(),
                () -> "finished files not deleted: " + List.of(Files.exists(csv), Files.exists(gz)));

        assertThat(CsvConnector.offsetOf(cluster, "deleted", csv)).matches(CsvConnector::isEof);
        assertThat(CsvConnector.offsetOf(cluster, "deleted", gz)).matches(CsvConnector::isEof);
        List<Long> ids = cluster.consumeExactly("deleted", 60, timeout(), SETTLE).stream().map(Records::id).toList();
        assertThat(Records.checkIds(ids, 60, true)).isEmpty();
    }

    @Test
    void movesAnUnreadableFileToErrorPathWithItsReasonAndReadsTheOthers(@TempDir Path root) throws Exception {
        ConnectClusterFixture cluster = CONNECT.cluster();
        Path input = Files.createDirectory(root.resolve("in"));
        Path errors = root.resolve("errors");
        Path good = InputFiles.write(input, "good.csv", InputFiles.numbered(1, 40));
        Path broken = InputFiles.publish(input, "broken.csv.gz", SampleFiles.brokenGzip());
        InputFiles.write(input, "more.jsonl", SampleFiles.numberedJson(41, 50));
        Map<String, String> config = CsvConnector.config(input, "unreadable");
        config.put("error.path", errors.toString());
        cluster.createConnector("unreadable", config);

        List<Long> ids = cluster.consumeExactly("unreadable", 50, timeout()).stream().map(Records::id).toList();
        assertThat(Records.checkIds(ids, 50, true)).isEmpty();
        Path moved = errors.resolve("broken.csv.gz");
        Path reason = errors.resolve("broken.csv.gz.error.txt");
        ConnectClusterFixture.await(() -> Files.exists(reason), timeout(), () -> "no " + reason);

        assertThat(moved).hasBinaryContent(SampleFiles.brokenGzip());
        assertThat(Files.readString(reason)).contains("file: " + broken).contains("connector: unreadable")
                .contains("reason: ");
        assertThat(broken).doesNotExist();
        assertThat(good).as("a finished file with after.read=leave").exists();
        assertThat(cluster.status("unreadable").tasks()).allMatch(t -> "RUNNING".equals(t.state()));
    }

    /** {@code bad.csv}: rows 1..20 where row 8 (line 9) has a fourth column and row 15 (line 16) a text amount. */
    private static Path writeBadCsv(Path input) throws Exception {
        return InputFiles.write(input, "bad.csv", InputFiles.lines("id,name,amount", 1, 20, i -> switch (i) {
            case 8 -> "8,name-8,8.25,extra";
            case 15 -> "15,name-15,not-a-number";
            default -> i + ",name-" + i + "," + i + ".25";
        }));
    }

    /** {@code bad.jsonl}: rows 21..30 where row 24 (line 4) is not valid JSON. */
    private static Path writeBadJsonl(Path input) throws Exception {
        return InputFiles.write(input, "bad.jsonl", InputFiles.lines(null, 21, 30, i -> i == 24
                ? "{\"id\":24,\"name\":" : "{\"id\":" + i + ",\"name\":\"name-" + i + "\",\"amount\":" + i + ".25}"));
    }

    private static Map<String, String> badRowConfig(Path input, String topic, String policy) {
        Map<String, String> config = CsvConnector.config(input, topic);
        config.put("bad.record.policy", policy);
        // Row 15's amount comes after the sample, so it does not fit the inferred float64 column.
        config.put("schema.infer.sample.rows", "10");
        return config;
    }

    @Test
    void badRowUnderFailPolicyFailsTheTaskNamingFileLineAndFix(@TempDir Path input) throws Exception {
        ConnectClusterFixture cluster = CONNECT.cluster();
        Path bad = writeBadCsv(input);
        cluster.createConnector("bad-fail", badRowConfig(input, "bad-fail", "fail"));

        ConnectorStateInfo status = cluster.awaitTaskFailed("bad-fail", timeout());
        String trace = status.tasks().get(0).trace();
        assertThat(trace).contains(bad + ":9").contains("expected 3 columns, found 4")
                .contains("set bad.record.policy=skip or error_topic");
        List<Long> ids = cluster.consumeExactly("bad-fail", 7, timeout(), SETTLE).stream().map(Records::id).toList();
        assertThat(ids).as("the rows before the bad one").containsExactlyElementsOf(range(1, 7));
    }

    @Test
    void badRowsUnderSkipPolicyAreLeftOutAndTheOthersDelivered(@TempDir Path input) throws Exception {
        ConnectClusterFixture cluster = CONNECT.cluster();
        writeBadCsv(input);
        writeBadJsonl(input);
        cluster.createConnector("bad-skip", badRowConfig(input, "bad-skip", "skip"));

        List<Long> ids = cluster.consumeExactly("bad-skip", 27, timeout(), SETTLE).stream().map(Records::id).toList();
        List<Long> expected = new ArrayList<>(range(1, 30));
        expected.removeAll(List.of(8L, 15L, 24L));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(cluster.status("bad-skip").tasks()).allMatch(t -> "RUNNING".equals(t.state()));
    }

    @Test
    void badRowsUnderErrorTopicPolicyGoToTheErrorTopicWithHeaders(@TempDir Path input) throws Exception {
        ConnectClusterFixture cluster = CONNECT.cluster();
        Path csv = writeBadCsv(input);
        Path jsonl = writeBadJsonl(input);
        Map<String, String> config = badRowConfig(input, "bad-good", "error_topic");
        config.put("bad.record.topic", "bad-errors");
        cluster.createConnector("bad-topic", config);

        List<Long> ids = cluster.consumeExactly("bad-good", 27, timeout(), SETTLE).stream().map(Records::id).toList();
        assertThat(ids).hasSize(27).doesNotContain(8L, 15L, 24L);
        Map<String, ConsumerRecord<byte[], byte[]>> errors = Records.byKey(
                cluster.consumeExactly("bad-errors", 3, timeout(), SETTLE),
                r -> Records.header(r, "sluice.error.source") + ":" + Records.header(r, "sluice.error.line"));

        assertThat(errors).containsOnlyKeys(csv + ":9", csv + ":16", jsonl + ":4");
        assertErrorRecord(errors.get(csv + ":9"), "8,name-8,8.25,extra", "column");
        assertErrorRecord(errors.get(csv + ":16"), "15,name-15,not-a-number", "amount");
        assertErrorRecord(errors.get(jsonl + ":4"), "{\"id\":24,\"name\":", "");
        assertThat(Records.header(errors.get(csv + ":9"), "sluice.error.position"))
                .isEqualTo(Integer.toString(InputFiles.numbered(1, 7).length()));
    }

    private static void assertErrorRecord(ConsumerRecord<byte[], byte[]> error, String rawText, String reasonPart) {
        assertThat(Records.value(error).asText().strip()).isEqualTo(rawText);
        assertThat(Records.header(error, "sluice.error.reason")).isNotBlank().contains(reasonPart);
        assertThat(Records.header(error, "sluice.error.connector")).isEqualTo("bad-topic");
    }

    @Test
    void deletingTheOffsetsOfAStoppedConnectorReadsEveryFileAgain(@TempDir Path input) throws Exception {
        ConnectClusterFixture cluster = CONNECT.cluster();
        Path csv = InputFiles.write(input, "a.csv", InputFiles.numbered(1, 30));
        Path jsonl = InputFiles.write(input, "b.jsonl", SampleFiles.numberedJson(31, 45));
        cluster.createConnector("reset", CsvConnector.config(input, "reset"));
        cluster.consumeExactly("reset", 45, timeout());
        awaitEof(cluster, "reset", csv, jsonl);

        CsvConnector.stop(cluster, "reset");
        cluster.rest().delete("connectors/reset/offsets").ok();
        // Connect still lists the partitions, each with a null offset.
        assertThat(cluster.offsets("reset").values()).as("offsets after DELETE").allMatch(Objects::isNull);
        CsvConnector.resume(cluster, "reset", 1);

        List<Long> ids = cluster.consumeExactly("reset", 90, timeout(), SETTLE).stream().map(Records::id).toList();
        assertThat(Records.counts(ids)).hasSize(45).allSatisfy((id, count) -> assertThat(count).as("id " + id)
                .isEqualTo(2L));
    }

    @Test
    void patchingOneFileOffsetReadsThatFileAgainFromThere(@TempDir Path input) throws Exception {
        ConnectClusterFixture cluster = CONNECT.cluster();
        Path first = InputFiles.write(input, "a.csv", InputFiles.numbered(1, 30));
        String secondText = InputFiles.numbered(31, 60);
        Path second = InputFiles.write(input, "b.csv", secondText);
        cluster.createConnector("patch", CsvConnector.config(input, "patch"));
        cluster.consumeExactly("patch", 60, timeout());
        awaitEof(cluster, "patch", first, second);

        CsvConnector.stop(cluster, "patch");
        Map<String, ?> firstPartition = CsvConnector.partitionOf(cluster, "patch", first);
        Map<String, ?> secondPartition = CsvConnector.partitionOf(cluster, "patch", second);
        // b.csv resumes at its row 21 (id 51), which starts on line 22.
        int position = secondText.indexOf("51,name-51");
        Map<String, Object> midFile = Map.of("v", 1, "position", position, "record", 20, "line", 22, "eof", false);
        CsvConnector.patchOffsets(cluster, "patch", List.of(
                CsvConnector.offsetEntry(firstPartition, null),
                CsvConnector.offsetEntry(secondPartition, midFile)));
        assertThat(CsvConnector.offsetOf(cluster, "patch", first)).as("offset of a.csv after the reset").isNull();
        assertThat(CsvConnector.offsetNumber(CsvConnector.offsetOf(cluster, "patch", second), "position"))
                .isEqualTo((long) position);
        CsvConnector.resume(cluster, "patch", 1);

        List<Long> ids = cluster.consumeExactly("patch", 100, timeout(), SETTLE).stream().map(Records::id).toList();
        Map<Long, Long> counts = Records.counts(ids);
        assertThat(counts).hasSize(60);
        counts.forEach((id, count) -> assertThat(count).as("times id " + id + " was read")
                .isEqualTo(id <= 30 || id >= 51 ? 2L : 1L));
    }

    private static void awaitEof(ConnectClusterFixture cluster, String connector, Path... files) {
        ConnectClusterFixture.await(() -> List.of(files).stream()
                        .allMatch(f -> CsvConnector.isEof(CsvConnector.offsetOf(cluster, connector, f))),
                timeout(), () -> "end-of-file offsets not committed for " + List.of(files) + ": "
                        + cluster.offsets(connector));
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }
}
