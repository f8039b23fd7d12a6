package io.sluice.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.testkit.ConnectClusterFixture;
import io.sluice.testkit.ConnectRest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every built ZIP must do in a real worker: the worker starts with it in {@code plugin.path} under
 * {@code plugin.discovery=hybrid_fail} (which refuses plugins without ServiceLoader manifests), lists its
 * connectors with the project's version, validates configurations and runs the CSV connector end to end.
 * Each subclass installs different ZIPs into its own worker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RunningPluginContract {

    static final String CSV_SOURCE = "io.sluice.connect.csv.CsvSourceConnector";
    private static final String HEALTH_EXTENSION = "io.sluice.connect.common.health.SluiceHealthRestExtension";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private ConnectClusterFixture cluster;

    /** The ZIPs this worker gets. */
    abstract List<Path> zips();

    /** The Sluice connector classes the worker must list. */
    abstract Set<String> expectedConnectors();

    @BeforeAll
    void startWorker() {
        // hybrid_fail: the worker refuses to start if any plugin in the ZIPs lacks its ServiceLoader manifest.
        cluster = ConnectClusterFixture.builder().pluginZips(zips()).pluginDiscovery("hybrid_fail")
                .workerProp("rest.extension.classes", HEALTH_EXTENSION).start();
    }

    @AfterAll
    void stopWorker() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void listsEverySluiceConnectorWithTheProjectVersion() {
        JsonNode plugins = cluster.rest().get("connector-plugins").ok().json();

        Map<String, String> sluice = new TreeMap<>();
        plugins.forEach(p -> {
            if (p.path("class").asText().startsWith("io.sluice.")) {
                sluice.put(p.path("class").asText(), p.path("version").asText());
            }
        });
        Map<String, String> expected = new TreeMap<>();
        expectedConnectors().forEach(c -> expected.put(c, PackagingIT.projectVersion()));
        assertThat(sluice).as("Sluice connectors in GET /connector-plugins").isEqualTo(expected);
    }

    @Test
    void validateNamesEachBadKey() throws IOException {
        Path notADirectory = Files.createTempFile("packaging-not-a-dir-", ".csv");
        Map<String, String> bad = Map.of(
                "connector.class", CSV_SOURCE,
                "name", "bad-csv",
                "input.paths", notADirectory.resolveSibling("missing-" + System.nanoTime()).toString(),
                "csv.delimiter", ";;",
                "schema.mode", "guess");

        ConnectRest.Response response = cluster.rest()
                .put("connector-plugins/CsvSourceConnector/config/validate", bad).ok();

        Map<String, List<String>> errors = errorsByKey(response.json());
        assertThat(errors.keySet()).as("keys with errors in %s", response.body())
                .contains("input.paths", "csv.delimiter", "schema.mode", "topic");
        assertThat(errors).doesNotContainKeys("batch.size", "csv.quote", "connector.class");
        assertThat(response.json().path("error_count").asInt()).isEqualTo(
                errors.values().stream().mapToInt(List::size).sum());
    }

    @Test
    void exampleConfigurationFromTheZipValidates() throws IOException {
        Path exampleFile = Files.walk(cluster.pluginPath())
                .filter(p -> p.getFileName().toString().equals("csv-source.json")).findFirst()
                .orElseThrow(() -> new AssertionError("no etc/csv-source.json in " + cluster.pluginPath()));
        JsonNode request = JSON.readTree(exampleFile.toFile());
        ObjectNode config = (ObjectNode) request.path("config");
        // POST /connectors takes the name beside the config; the validate endpoint wants it inside.
        config.put("name", request.path("name").asText());
        // The example points at /var/data/sluice: the same settings with directories that exist here.
        for (String key : List.of("input.paths", "finished.path", "error.path")) {
            config.put(key, Files.createTempDirectory("packaging-example-").toString());
        }

        JsonNode result = cluster.rest().put("connector-plugins/CsvSourceConnector/config/validate",
                JSON.writeValueAsString(config)).ok().json();

        assertThat(errorsByKey(result)).as("errors for the shipped example %s", exampleFile).isEmpty();
        assertThat(result.path("error_count").asInt()).isZero();
    }

    @Test
    void csvConnectorReadsAFileIntoATopic() throws IOException {
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
                .containsExactlyInAnyOrderElementsOf(names(25));
        assertThat(headerKeys(records.get(24))).contains("sluice.file", "sluice.line");
        assertThat(cluster.status(name).connector().version()).isEqualTo(PackagingIT.projectVersion());

        JsonNode health = cluster.rest().get("sluice/health/" + name).ok().json();
        assertThat(health.path("status").asText()).as("health %s", health).isEqualTo("healthy");
        assertThat(health.path("connected").asBoolean()).isTrue();
        assertThat(health.path("last_check").asText()).isNotBlank();
        assertThat(health.has("response_time_ms")).isTrue();
        assertThat(health.path("capabilities")).extracting(JsonNode::asText)
                .contains("batch_reading", "exactly_once", "incremental");
        assertThat(health.has("error")).isFalse();
        cluster.deleteConnector(name);
    }

    private static List<String> names(int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> "name-" + i).toList();
    }

    private static Set<String> headerKeys(ConsumerRecord<byte[], byte[]> record) {
        Set<String> keys = new TreeSet<>();
        StreamSupport.stream(record.headers().spliterator(), false).map(Header::key).forEach(keys::add);
        return keys;
    }

    /** The errors in a validate response, by config key; keys without errors are left out. */
    static Map<String, List<String>> errorsByKey(JsonNode validation) {
        Map<String, List<String>> errors = new HashMap<>();
        validation.path("configs").forEach(c -> {
            JsonNode value = c.path("value");
            List<String> messages = StreamSupport.stream(value.path("errors").spliterator(), false)
                    .map(JsonNode::asText).toList();
            if (!messages.isEmpty()) {
                errors.put(value.path("name").asText(), messages);
            }
        });
        return errors;
    }

}
