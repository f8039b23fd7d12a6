package io.sluice.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.testkit.ConnectClusterFixture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static io.sluice.packaging.RunningPluginContract.CSV_SOURCE;
import static io.sluice.packaging.RunningPluginContract.JSON;
import static io.sluice.packaging.RunningPluginContract.TIMEOUT;
import static io.sluice.packaging.RunningPluginContract.errorsByKey;
import static org.assertj.core.api.Assertions.assertThat;

/** The CSV source, loaded from a ZIP: validation of bad and shipped configs, and a file read into a topic. */
interface CsvSourceChecks {

    RunningPluginContract worker();

    @Test
    default void csvValidateNamesEachBadKey() throws IOException {
        Path notADirectory = Files.createTempFile("packaging-not-a-dir-", ".csv");
        Map<String, String> bad = Map.of(
                "connector.class", CSV_SOURCE,
                "name", "bad-csv",
                "input.paths", notADirectory.resolveSibling("missing-" + System.nanoTime()).toString(),
                "csv.delimiter", ";;",
                "schema.mode", "guess");

        JsonNode result = worker().validate("CsvSourceConnector", bad);

        Map<String, List<String>> errors = errorsByKey(result);
        assertThat(errors.keySet()).as("keys with errors in %s", result)
                .contains("input.paths", "csv.delimiter", "schema.mode", "topic");
        assertThat(errors).doesNotContainKeys("batch.size", "csv.quote", "connector.class");
        assertThat(result.path("error_count").asInt()).isEqualTo(
                errors.values().stream().mapToInt(List::size).sum());
    }

    @Test
    default void csvExampleConfigurationFromTheZipValidates() throws IOException {
        ObjectNode config = worker().exampleConfig("csv-source.json");
        // The example points at /var/data/sluice: the same settings with directories that exist here.
        for (String key : List.of("input.paths", "finished.path", "error.path")) {
            config.put(key, Files.createTempDirectory("packaging-example-").toString());
        }

        JsonNode result = worker().validate("CsvSourceConnector", config);

        assertThat(errorsByKey(result)).as("errors for the shipped example csv-source.json").isEmpty();
        assertThat(result.path("error_count").asInt()).isZero();
    }

    @Test
    default void csvConnectorReadsAFileIntoATopic() throws IOException {
        ConnectClusterFixture cluster = worker().cluster();
        Path input = Files.createTempDirectory("packaging-csv-in-");
        StringBuilder csv = new StringBuilder("id,name,score\n");
        for (int i = 1; i <= 25; i++) {
            csv.append(i).append(",name-").append(i).append(',').append(i).append(".5\n");
        }
        Files.writeString(input.resolve("people.csv"), csv);
        String name = "csv-" + getClass().getSimpleName().toLowerCase();
        String topic = name + "-rows";

        cluster.createConnector(name, Map.of(
                "connector.class", CSV_SOURCE,
                "tasks.max", "1",
                "input.paths", input.toString(),
                "topic", topic,
                "file.min.age.ms", "0",
                "poll.interval.ms", "200"));
        cluster.awaitRunning(name, 1);
        List<ConsumerRecord<byte[], byte[]>> records = cluster.consumeExactly(topic, 25, TIMEOUT);

        JsonNode first = JSON.readTree(records.get(0).value());
        assertThat(first.path("id").asLong()).isEqualTo(1);
        assertThat(first.path("name").asText()).isEqualTo("name-1");
        assertThat(records).extracting(r -> JSON.readTree(r.value()).path("name").asText())
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 25).mapToObj(i -> "name-" + i).toList());
        assertThat(headerKeys(records.get(24))).contains("sluice.file", "sluice.line");
        worker().assertHealthy(name, "batch_reading", "exactly_once", "incremental");
        cluster.deleteConnector(name);
    }

    private static Set<String> headerKeys(ConsumerRecord<byte[], byte[]> record) {
        Set<String> keys = new TreeSet<>();
        StreamSupport.stream(record.headers().spliterator(), false).map(Header::key).forEach(keys::add);
        return keys;
    }
}
