package io.sluice.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.testkit.ConnectClusterFixture;
import io.sluice.testkit.ConnectRest;
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
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every built ZIP must do in a real worker: the worker starts with it in {@code plugin.path} under
 * {@code plugin.discovery=hybrid_fail} (which refuses plugins without ServiceLoader manifests) and lists its
 * connectors with the project's version. Each subclass installs different ZIPs into its own worker and takes
 * the checks of each connector they hold ({@link CsvSourceChecks}, ...), which validate configurations and run
 * the connector end to end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RunningPluginContract {

    static final String CSV_SOURCE = "io.sluice.connect.csv.CsvSourceConnector";
    static final String CACHE_SINK = "io.sluice.connect.cache.RedisCacheSinkConnector";
    static final String STREAM_SOURCE = "io.sluice.connect.redis.RedisStreamSourceConnector";
    static final String POSTGRES_SOURCE = "io.sluice.connect.postgres.PostgresSourceConnector";
    static final String JDBC_SINK = "io.sluice.connect.jdbc.JdbcSinkConnector";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String HEALTH_EXTENSION = "io.sluice.connect.common.health.SluiceHealthRestExtension";

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

    /** The worker, for the checks of each connector. */
    public ConnectClusterFixture cluster() {
        return cluster;
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

    /**
     * The example REST request a ZIP ships in {@code etc/}, as the config that the validate endpoint takes (the
     * name inside it).
     */
    ObjectNode exampleConfig(String fileName) throws IOException {
        Path exampleFile;
        try (var files = Files.walk(cluster.pluginPath())) {
            exampleFile = files.filter(p -> p.getFileName().toString().equals(fileName)).findFirst()
                    .orElseThrow(() -> new AssertionError("no etc/" + fileName + " in " + cluster.pluginPath()));
        }
        JsonNode request = JSON.readTree(exampleFile.toFile());
        ObjectNode config = (ObjectNode) request.path("config");
        // POST /connectors takes the name beside the config; the validate endpoint wants it inside.
        config.put("name", request.path("name").asText());
        return config;
    }

    /** Validates {@code config} with the connector plugin named by its simple class name. */
    JsonNode validate(String plugin, Object config) throws IOException {
        String body = config instanceof String text ? text : JSON.writeValueAsString(config);
        return cluster.rest().put("connector-plugins/" + plugin + "/config/validate", body).ok().json();
    }

    /** The connector's health from the REST extension: healthy, connected, with these capabilities. */
    void assertHealthy(String connector, String... capabilities) {
        JsonNode health = cluster.rest().get("sluice/health/" + connector).ok().json();
        assertThat(health.path("status").asText()).as("health %s", health).isEqualTo("healthy");
        assertThat(health.path("connected").asBoolean()).as("health %s", health).isTrue();
        assertThat(health.path("last_check").asText()).isNotBlank();
        assertThat(health.has("response_time_ms")).isTrue();
        assertThat(health.path("capabilities")).extracting(JsonNode::asText).contains(capabilities);
        assertThat(health.has("error")).isFalse();
        assertThat(cluster.status(connector).connector().version()).isEqualTo(PackagingIT.projectVersion());
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
