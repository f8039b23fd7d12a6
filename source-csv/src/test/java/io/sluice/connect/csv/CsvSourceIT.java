package io.sluice.connect.csv;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.connect.csv.it.CsvConnector;
import io.sluice.connect.csv.it.InputFiles;
import io.sluice.connect.csv.it.Records;
import io.sluice.connect.csv.it.SampleFiles;
import io.sluice.testkit.TopicTail;
import io.sluice.testkit.ConnectClusterExtension;
import io.sluice.testkit.ConnectClusterFixture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static io.sluice.connect.csv.it.CsvConnector.timeout;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV source in a two-worker Connect cluster (at-least-once), installed from its plugin ZIP and driven over the
 * REST API: every format with exact counts, files arriving while it runs, directory trees, a task restarted and a
 * worker stopped mid-file, and four tasks sharing twenty files. Finished and unreadable files, bad rows and offset
 * changes are in {@link CsvSourceFilesIT}; exactly-once delivery in {@link CsvSourceExactlyOnceIT}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CsvSourceIT {

    private static final int WORKERS = 2;

    @RegisterExtension
    static final ConnectClusterExtension CONNECT =
            new ConnectClusterExtension(CsvConnector.clusterBuilder().workers(WORKERS));

    @AfterEach
    void deleteConnectors() {
        CONNECT.cluster().deleteAllConnectors();
    }

    @Test
    void readsCsvTsvJsonLinesGzipAndQuotedLineBreaksWithExactCounts(@TempDir Path root) throws Exception {
        ConnectClusterFixture cluster = CONNECT.cluster();
        Path mixed = Files.createDirectory(root.resolve("mixed"));
        Path headerless = Files.createDirectory(root.resolve("headerless"));
        Path tabs = Files.createDirectory(root.resolve("tabs"));
        Path orders = InputFiles.write(mixed, "orders.csv", SampleFiles.orders(1, 100));
        InputFiles.writeGzip(mixed, "orders-archive.csv.gz", SampleFiles.orders(101, 300));
        InputFiles.write(mixed, "people.jsonl", SampleFiles.people(1, 50));
        InputFiles.writeGzip(mixed, "people-archive.jsonl.gz", SampleFiles.people(51, 130));
        InputFiles.write(mixed, "notes.csv", SampleFiles.notes(30));
        InputFiles.write(mixed, "readme.md", "id,name\n1,not matched by input.file.pattern\n");
        InputFiles.write(headerless, "plain.csv", SampleFiles.headerless(1, 60));
        InputFiles.write(tabs, "cities.tsv", SampleFiles.cities(1, 70));

        cluster.createConnector("formats-mixed", CsvConnector.config(mixed, "formats-${file}"));
        Map<String, String> noHeader = CsvConnector.config(headerless, "formats-plain");
        // The seed-spec aliases of input.paths and csv.header.
        noHeader.put("path", noHeader.remove("input.paths"));
        noHeader.put("has_header", "false");
        cluster.createConnector("formats-headerless", noHeader);
        Map<String, String> tsv = CsvConnector.config(tabs, "formats-tsv");
        tsv.put("csv.delimiter", "\\t");
        cluster.createConnector("formats-tsv", tsv);

        assertOrders(cluster, orders);
        assertPeople(cluster);
        assertNotes(cluster.consumeExactly("formats-notes", 30, timeout()));
        assertHeaderlessAndTabSeparated(cluster);
        try (Admin admin = cluster.cluster().kafka().createAdminClient()) {
            assertThat(admin.listTopics().names().get()).as("a topic for readme.md, which the pattern excludes")
                    .noneMatch(t -> t.contains("readme"));
        }
    }

    private static void assertOrders(ConnectClusterFixture cluster, Path orders) {
        Map<Long, ConsumerRecord<byte[], byte[]>> order = byId(cluster.consumeExactly("formats-orders", 100, timeout()));
        assertThat(order.keySet()).containsExactlyInAnyOrderElementsOf(range(1, 100));
        JsonNode order42 = Records.value(order.get(42L));
        assertThat(order42.get("id").asLong()).isEqualTo(42);
        assertThat(order42.get("name").asText()).isEqualTo("name-42");
        assertThat(order42.get("amount").asDouble()).isEqualTo(42.25);
        assertThat(order42.get("active").asBoolean()).isTrue();
        assertThat(order42.get("created").asLong()).isEqualTo(SampleFiles.ordersCreated(42).toEpochMilli());
        assertThat(Records.header(order.get(42L), "sluice.line")).isEqualTo("43");
        assertThat(Records.header(order.get(42L), "sluice.file")).isEqualTo(orders.toString());

        Map<Long, ConsumerRecord<byte[], byte[]>> archive =
                byId(cluster.consumeExactly("formats-orders-archive", 200, timeout()));
        assertThat(archive.keySet()).containsExactlyInAnyOrderElementsOf(range(101, 300));
        assertThat(Records.value(archive.get(300L)).get("name").asText()).isEqualTo("name-300");
        assertThat(Records.value(archive.get(101L)).get("active").asBoolean()).isFalse();
    }

    private static void assertPeople(ConnectClusterFixture cluster) {
        Map<Long, ConsumerRecord<byte[], byte[]>> people = byId(cluster.consumeExactly("formats-people", 50, timeout()));
        assertThat(people.keySet()).containsExactlyInAnyOrderElementsOf(range(1, 50));
        assertThat(Records.value(people.get(9L)).toString())
                .isEqualTo("{\"id\":9,\"name\":\"p-9\",\"score\":9.5,\"vip\":true}");
        Map<Long, ConsumerRecord<byte[], byte[]>> archive =
                byId(cluster.consumeExactly("formats-people-archive", 80, timeout()));
        assertThat(archive.keySet()).containsExactlyInAnyOrderElementsOf(range(51, 130));
        assertThat(Records.value(archive.get(130L)).get("score").asDouble()).isEqualTo(130.5);
    }

    private static void assertHeaderlessAndTabSeparated(ConnectClusterFixture cluster) {
        Map<Long, ConsumerRecord<byte[], byte[]>> plain = Records.byKey(
                cluster.consumeExactly("formats-plain", 60, timeout()), r -> Records.value(r).get("column_1").asLong());
        assertThat(plain.keySet()).containsExactlyInAnyOrderElementsOf(range(1, 60));
        assertThat(Records.value(plain.get(5L)).toString()).isEqualTo("{\"column_1\":5,\"column_2\":\"v-5\"}");

        Map<Long, ConsumerRecord<byte[], byte[]>> cities = byId(cluster.consumeExactly("formats-tsv", 70, timeout()));
        assertThat(cities.keySet()).containsExactlyInAnyOrderElementsOf(range(1, 70));
        assertThat(Records.value(cities.get(3L)).toString())
                .isEqualTo("{\"id\":3,\"city\":\"Town 3, ST\",\"pop\":3000}");
    }

    private static void assertNotes(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<Long, ConsumerRecord<byte[], byte[]>> notes = byId(records);
        List<Integer> lines = SampleFiles.noteLines(30);
        for (int i = 1; i <= 30; i++) {
            ConsumerRecord<byte[], byte[]> note = notes.get((long) i);
            assertThat(note).as("note " + i).isNotNull();
            assertThat(Records.value(note).get("note").asText()).as("note " + i).isEqualTo(SampleFiles.note(i));
            assertThat(Records.header(note, "sluice.line")).as("line of note " + i)
                    .isEqualTo(Integer.toString(lines.get(i - 1)));
        }
    }

    @Test
    void jsonTextThroughStringConverterWritesTheBytesJsonConverterWritesForTheStructs(@TempDir Path root)
            throws Exception {
        ConnectClusterFixture cluster = CONNECT.cluster();
        Path structs = Files.createDirectory(root.resolve("structs"));
        Path text = Files.createDirectory(root.resolve("text"));
        InputFiles.write(structs, "orders.csv", SampleFiles.orders(1, 100));
        InputFiles.write(text, "orders.csv", SampleFiles.orders(1, 100));
        // text outside the BMP, quotes and escapes, which JsonConverter writes in its own way
        String odd = "id,name,score\n1001,\"a\uD83D\uDE00b \"\"q\"\" \u00e9\tx\",1e20\n";
        InputFiles.write(structs, "odd.csv", odd);
        InputFiles.write(text, "odd.csv", odd);

        cluster.createConnector("values-struct", CsvConnector.config(structs, "values-struct"));
        Map<String, String> jsonText = CsvConnector.config(text, "values-json-text");
        jsonText.put("value.format", "json_text");
        jsonText.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        cluster.createConnector("values-json-text", jsonText);

        Map<Long, ConsumerRecord<byte[], byte[]>> viaConverter =
                byId(cluster.consumeExactly("values-struct", 101, timeout()));
        Map<Long, ConsumerRecord<byte[], byte[]>> viaText =
                byId(cluster.consumeExactly("values-json-text", 101, timeout()));
        assertThat(viaText.keySet()).hasSize(101).containsAll(range(1, 100)).contains(1001L);
        assertThat(new String(viaText.get(1001L).value(), StandardCharsets.UTF_8))
                .as("JsonConverter escapes text outside the BMP").containsIgnoringCase("\\ud83d\\ude00");
        for (long id : viaText.keySet()) {
            assertThat(new String(viaText.get(id).value(), StandardCharsets.UTF_8)).as("order " + id)
                    .isEqualTo(new String(viaConverter.get(id).value(), StandardCharsets.UTF_8));
        }
        assertThat(Records.header(viaText.get(42L), "sluice.line")).isEqualTo("43");
    }

    @Test
    void readsFilesThatArriveWhileItRuns(@TempDir Path input) throws Exception {
        ConnectClusterFixture cluster = CONNECT.cluster();
        InputFiles.write(input, "first.csv", InputFiles.numbered(1, 40));
        cluster.createConnector("arrivals", CsvConnector.config(input, "arrivals"));
        cluster.awaitRunning("arrivals", 1);

        try (TopicTail<Long> tail = TopicTail.follow(cluster, "arrivals", Records::id)) {
            tail.awaitAtLeast(40, timeout());
            InputFiles.writeGzip(input, "second.csv.gz", InputFiles.numbered(41, 65));
            tail.awaitAtLeast(65, timeout());
            InputFiles.write(input, "third.jsonl", SampleFiles.numberedJson(66, 80));
        }

        List<Long> ids = cluster.consumeExactly("arrivals", 80, timeout(), Duration.ofSeconds(2)).stream()
                .map(Records::id).toList();
        assertThat(Records.checkIds(ids, 80, true)).isEmpty();
    }

    @Test
    void taskRestartedMidFileResumesWithoutLosingARow(@TempDir Path input) throws Exception {
        ConnectClusterFixture cluster = CONNECT.cluster();
        int rows = 30_000;
        InputFiles.write(input, "big.csv", InputFiles.numbered(1, rows));
        cluster.createConnector("restart", CsvConnector.throttled(CsvConnector.config(input, "restart")));

        try (TopicTail<Long> tail = TopicTail.follow(cluster, "restart", Records::id)) {
            tail.awaitAtLeast(rows / 20, timeout());
            cluster.restartTask("restart", 0);
            long writtenWhenRestarted = tail.endOffset();
            cluster.awaitRunning("restart", 1);

            List<Long> ids = tail.awaitUntil(s -> s.size() >= rows && new HashSet<>(s).size() == rows, timeout(),
                    "every id from 1 to " + rows);
            assertThat(writtenWhenRestarted).as("records written when the task had restarted: it stopped mid-file")
                    .isBetween((long) rows / 20, rows - 1L);
            assertThat(Records.checkIds(ids, rows, false)).as("ids after the restart").isEmpty();
        }
    }

    @Test
    @Order(Integer.MAX_VALUE) // last, as it leaves one worker: another test would have to start a new one first
    void workerStoppedMidFileLosesNoRow(@TempDir Path input) throws Exception {
        ConnectClusterFixture cluster = CONNECT.cluster();
        int rows = 30_000;
        InputFiles.write(input, "big.csv", InputFiles.numbered(1, rows));
        CsvConnector.ensureWorkers(cluster, WORKERS);
        cluster.createConnector("failover", CsvConnector.throttled(CsvConnector.config(input, "failover")));
        cluster.awaitRunning("failover", 1);

        try (TopicTail<Long> tail = TopicTail.follow(cluster, "failover", Records::id)) {
            tail.awaitAtLeast(rows / 20, timeout());
            long[] writtenWhenStopped = new long[1];
            CsvConnector.stopWorkerRunning(cluster, "failover", 0, () -> writtenWhenStopped[0] = tail.endOffset());

            List<Long> ids = tail.awaitUntil(s -> s.size() >= rows && new HashSet<>(s).size() == rows, timeout(),
                    "every id from 1 to " + rows);
            assertThat(writtenWhenStopped[0]).as("records written when the worker had stopped: it stopped mid-file")
                    .isBetween((long) rows / 20, rows - 1L);
            assertThat(Records.checkIds(ids, rows, false)).as("ids after the failover").isEmpty();
        }
    }

    @Test
    void fourTasksOnTwoWorkersReadTwentyFilesExactlyOnce(@TempDir Path input) throws Exception {
        ConnectClusterFixture cluster = CONNECT.cluster();
        Map<String, Integer> rowsByFile = new TreeMap<>();
        for (int f = 1; f <= 20; f++) {
            int rows = 100 + 10 * f;
            Path file = InputFiles.write(input, String.format("part-%02d.csv", f), InputFiles.numbered(1, rows));
            rowsByFile.put(file.toString(), rows);
        }
        int total = rowsByFile.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, String> config = CsvConnector.config(input, "parts");
        config.put("tasks.max", "4");
        CsvConnector.ensureWorkers(cluster, WORKERS);
        cluster.createConnector("parts", config);
        cluster.awaitStatus("parts", s -> s.tasks().size() == 4
                        && s.tasks().stream().allMatch(t -> "RUNNING".equals(t.state()))
                        && s.tasks().stream().map(t -> t.workerId()).distinct().count() == WORKERS,
                timeout(), "4 tasks RUNNING, spread over both workers");

        List<ConsumerRecord<byte[], byte[]>> records =
                cluster.consumeExactly("parts", total, timeout(), Duration.ofSeconds(2));
        Map<String, List<Long>> idsByFile = records.stream().collect(Collectors.groupingBy(
                r -> Records.header(r, "sluice.file"), TreeMap::new,
                Collectors.mapping(Records::id, Collectors.toList())));
        assertThat(idsByFile.keySet()).containsExactlyElementsOf(rowsByFile.keySet());
        rowsByFile.forEach((file, rows) ->
                assertThat(Records.checkIds(idsByFile.get(file), rows, true)).as(file).isEmpty());
    }

    @Test
    void readsEveryFileOfADirectoryTreeWhenRecursive(@TempDir Path input) throws Exception {
        ConnectClusterFixture cluster = CONNECT.cluster();
        Path nested = Files.createDirectories(input.resolve("2024/05"));
        Files.createDirectories(input.resolve(".hidden"));
        InputFiles.write(input, "top.csv", InputFiles.numbered(1, 10));
        InputFiles.write(nested, "deep.csv", InputFiles.numbered(11, 25));
        InputFiles.write(input.resolve(".hidden"), "skipped.csv", InputFiles.numbered(100, 120));
        InputFiles.write(input, ".invisible.csv", InputFiles.numbered(200, 210));
        Map<String, String> config = CsvConnector.config(input, "tree-${dir}");
        config.put("input.recursive", "true");
        cluster.createConnector("tree", config);

        List<Long> top = cluster.consumeExactly("tree-" + input.getFileName(), 10, timeout()).stream()
                .map(Records::id).toList();
        List<Long> deep = cluster.consumeExactly("tree-05", 15, timeout(), Duration.ofSeconds(2)).stream()
                .map(Records::id).toList();
        assertThat(top).containsExactlyElementsOf(range(1, 10));
        assertThat(deep).containsExactlyElementsOf(range(11, 25));
        try (Admin admin = cluster.cluster().kafka().createAdminClient()) {
            assertThat(admin.listTopics().names().get()).as("topics of hidden files and directories")
                    .noneMatch(t -> t.contains("hidden"));
        }
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    private static Map<Long, ConsumerRecord<byte[], byte[]>> byId(List<ConsumerRecord<byte[], byte[]>> records) {
        return Records.byKey(records, Records::id);
    }
}
