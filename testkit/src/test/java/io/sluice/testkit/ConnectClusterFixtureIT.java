package io.sluice.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Connect fixture end to end, with Kafka's own FileStreamSourceConnector packaged as a plugin ZIP the
 * way Sluice's connectors are: installed from the ZIP, run on two workers, a worker stopped and replaced.
 */
class ConnectClusterFixtureIT {

    private static final String FILE_SOURCE = "org.apache.kafka.connect.file.FileStreamSourceConnector";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    // service_load: hybrid_fail would scan this module's whole test classpath (S3Proxy, Testcontainers, ...)
    // for every worker; PackagingIT covers hybrid_fail with the real ZIPs.
    @RegisterExtension
    static final ConnectClusterExtension CONNECT = new ConnectClusterExtension(ConnectClusterFixture.builder()
            .workers(2).pluginDiscovery("service_load").pluginZips(List.of(connectFileZip())));

    @AfterEach
    void deleteConnectors() {
        CONNECT.cluster().deleteAllConnectors();
    }

    @Test
    void installsThePluginFromItsZip() {
        ConnectClusterFixture cluster = CONNECT.cluster();

        assertThat(cluster.installedPlugins()).hasSize(1);
        assertThat(PluginZips.listFiles(cluster.installedPlugins().get(0)))
                .containsExactly("kafka-connect-file/lib/" + connectFileJar().getFileName());
        JsonNode plugins = cluster.rest().get("connector-plugins").ok().json();
        assertThat(plugins.findValuesAsText("class")).contains(FILE_SOURCE);
        assertThat(cluster.workers()).hasSize(2);
    }

    @Test
    void readsEveryLineAndKeepsReadingAfterItsWorkerStops() throws IOException {
        ConnectClusterFixture cluster = CONNECT.cluster();
        Path input = Files.createTempFile("testkit-lines-", ".txt");
        append(input, 1, 100);

        cluster.createConnector("lines", Map.of(
                "connector.class", FILE_SOURCE, "tasks.max", "1", "file", input.toString(), "topic", "lines"));
        cluster.awaitRunning("lines", 1);
        List<ConsumerRecord<byte[], byte[]>> first = cluster.consumeExactly("lines", 100, TIMEOUT);
        assertThat(new String(first.get(99).value(), StandardCharsets.UTF_8)).isEqualTo("\"line 100\"");
        ConnectClusterFixture.await(() -> !cluster.offsets("lines").isEmpty(), TIMEOUT,
                () -> "no committed offsets for the connector");

        WorkerHandle busy = cluster.workerRunning("lines", 0);
        cluster.stopWorker(busy);
        assertThat(cluster.workerRunning("lines", 0)).isNotEqualTo(busy);
        cluster.awaitRunning("lines", 1);
        append(input, 101, 150);

        cluster.consumeExactly("lines", 150, TIMEOUT);
        cluster.addWorker();
        assertThat(cluster.workers()).hasSize(2);
    }

    @Test
    void restartsTasksThroughTheRestApi() throws IOException {
        ConnectClusterFixture cluster = CONNECT.cluster();
        Path input = Files.createTempFile("testkit-restart-", ".txt");
        append(input, 1, 10);
        cluster.createConnector("restart", Map.of(
                "connector.class", FILE_SOURCE, "tasks.max", "1", "file", input.toString(), "topic", "restart"));
        cluster.awaitRunning("restart", 1);
        cluster.consumeExactly("restart", 10, TIMEOUT);

        cluster.restartTasks("restart");
        cluster.awaitRunning("restart", 1);
        append(input, 11, 20);

        assertThat(cluster.consumeExactly("restart", 20, TIMEOUT, Duration.ofSeconds(2))).hasSize(20);
    }

    @Test
    void offsetsLeaveOutPartitionsWhoseOffsetWasDeleted() throws IOException {
        ConnectClusterFixture cluster = CONNECT.cluster();
        Path input = Files.createTempFile("testkit-offsets-", ".txt");
        append(input, 1, 3);
        cluster.createConnector("offsets", Map.of(
                "connector.class", FILE_SOURCE, "tasks.max", "1", "file", input.toString(), "topic", "offsets"));
        cluster.consumeExactly("offsets", 3, TIMEOUT);
        ConnectClusterFixture.await(() -> cluster.offsets("offsets").size() == 1, TIMEOUT,
                () -> "offsets: " + cluster.offsets("offsets"));

        cluster.cluster().stopConnector("offsets");
        cluster.awaitStatus("offsets", s -> "STOPPED".equals(s.connector().state()), TIMEOUT, "STOPPED");
        cluster.cluster().resetConnectorOffsets("offsets");

        assertThat(cluster.offsets("offsets")).isEmpty();
    }

    @Test
    void consumeExactlyFailsWithTheCountsAndConnectorStates() throws IOException {
        ConnectClusterFixture cluster = CONNECT.cluster();
        Path input = Files.createTempFile("testkit-short-", ".txt");
        append(input, 1, 5);
        cluster.createConnector("short", Map.of(
                "connector.class", FILE_SOURCE, "tasks.max", "1", "file", input.toString(), "topic", "short"));
        cluster.consumeExactly("short", 5, TIMEOUT);

        assertThatThrownBy(() -> cluster.consumeExactly("short", 6, Duration.ofSeconds(2)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected 6 records in topic short")
                .hasMessageContaining("found 5")
                .hasMessageContaining("short: RUNNING");
        assertThatThrownBy(() -> cluster.consumeExactly("short", 4, TIMEOUT))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected exactly 4 records in topic short but found 5");
    }

    @Test
    void s3ProxyRunsBesideTheWorker() throws Exception {
        try (S3ProxyFixture s3 = S3ProxyFixture.anonymousInMemory()) {
            s3.putObject("beside", "k", new byte[] {1, 2, 3});
            HttpResponse<String> listing = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(s3.endpoint() + "/beside?list-type=2")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(listing.body()).contains("<Key>k</Key>");
            assertThat(CONNECT.cluster().rest().get("").ok().json().path("version").asText()).isNotEmpty();
        }
    }

    private static void append(Path file, int from, int to) throws IOException {
        StringBuilder lines = new StringBuilder();
        IntStream.rangeClosed(from, to).forEach(i -> lines.append("line ").append(i).append('\n'));
        Files.writeString(file, lines, StandardOpenOption.APPEND);
    }

    private static Path connectFileJar() {
        String jar = System.getProperty("sluice.testkit.connect-file.jar");
        assertThat(jar).as("system property sluice.testkit.connect-file.jar (set by failsafe)").isNotBlank();
        return Path.of(jar);
    }

    /** Kafka's file connector laid out like a Confluent Hub ZIP: {@code kafka-connect-file/lib/*.jar}. */
    private static Path connectFileZip() {
        try {
            Path jar = connectFileJar();
            Path zip = Files.createTempDirectory("testkit-zip-").resolve("kafka-connect-file.zip");
            try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out)) {
                entries.putNextEntry(new ZipEntry("kafka-connect-file/lib/" + jar.getFileName()));
                Files.copy(jar, entries);
                entries.closeEntry();
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
