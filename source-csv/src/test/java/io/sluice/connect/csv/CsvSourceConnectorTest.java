package io.sluice.connect.csv;

import io.sluice.connect.common.health.HealthRegistry;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvSourceConnectorTest {

    @TempDir
    Path dir;

    private final CsvSourceConnector connector = new CsvSourceConnector();

    private Map<String, String> valid(String... extra) {
        Map<String, String> props = new HashMap<>(Map.of("name", "csv-test", "input.paths", dir.toString(),
                "topic", "t"));
        for (int i = 0; i < extra.length; i += 2) {
            props.put(extra[i], extra[i + 1]);
        }
        return props;
    }

    /** The errors of a validation, by key; keys without errors are left out. */
    private Map<String, List<String>> errors(Map<String, String> props) {
        Config result = connector.validate(props);
        return result.configValues().stream().filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    @Test
    void aValidConfigurationHasNoErrors() {
        assertThat(errors(valid())).isEmpty();
        assertThat(errors(Map.of("path", dir.toString(), "topic", "t", "delimiter", ";"))).isEmpty();
    }

    @Test
    void eachProblemIsAttachedToTheKeyToChangeAndNamesTheFix() throws Exception {
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        assertThat(errors(valid("input.paths", dir.resolve("missing") + "," + file)).get("input.paths"))
                .containsExactly("'" + dir.resolve("missing") + "' does not exist: create it, grant the worker read "
                        + "access, or fix input.paths", "'" + file + "' is not a directory: create it, grant the "
                        + "worker read access, or fix input.paths");
        assertThat(errors(valid("input.file.pattern", "*.{csv")).get("input.file.pattern")).singleElement()
                .asString().contains("not a valid glob");
        assertThat(errors(valid("after.read", "move"))).containsOnlyKeys("finished.path");
        assertThat(errors(valid("finished.path", dir.resolve("done").toString())).get("finished.path"))
                .singleElement().asString().contains("set after.read=move, or remove finished.path");
        assertThat(errors(valid("bad.record.policy", "error_topic"))).containsOnlyKeys("bad.record.topic");
        assertThat(errors(valid("bad.record.policy", "error_topic", "bad.record.topic", "t")))
                .containsOnlyKeys("bad.record.topic");
        assertThat(errors(valid("schema.mode", "provided")).get("schema.json")).singleElement().asString()
                .contains("must be set when schema.mode=provided");
        assertThat(errors(valid("schema.mode", "provided", "schema.json", "{\"columns\":[{\"name\":\"id\"}]}"))
                .get("schema.json")).singleElement().asString().contains("needs a \"type\"");
        assertThat(errors(valid("schema.json", "{\"columns\":[{\"name\":\"id\",\"type\":\"int64\"}]}")))
                .containsOnlyKeys("schema.json");
        assertThat(errors(valid("schema.mode", "provided", "schema.json",
                "{\"columns\":[{\"name\":\"id\",\"type\":\"int64\"}]}", "key.columns", "id,customer"))
                .get("key.columns")).singleElement().asString().contains("'customer', which schema.json does not");
        assertThat(errors(valid("csv.delimiter", "\"")).get("csv.quote")).singleElement().asString()
                .contains("equals csv.delimiter");
        assertThat(errors(valid("input.encoding", "UTF-16"))).containsOnlyKeys("input.encoding");
        assertThat(errors(valid("topic", "t-${date}"))).containsOnlyKeys("topic");
        assertThat(errors(valid("schema.mode", "sometimes"))).containsOnlyKeys("schema.mode");
    }

    @Test
    void aTextValueFormatWithJsonConverterIsRejectedNamingStringConverter() {
        String json = "org.apache.kafka.connect.json.JsonConverter";
        String string = "org.apache.kafka.connect.storage.StringConverter";
        assertThat(errors(valid("value.format", "json_text", "value.converter", json)).get("value.format"))
                .singleElement().asString().contains("would write again as one quoted JSON string")
                .contains("set value.converter=" + string);
        assertThat(errors(valid("value.format", "raw", "value.converter", json))).containsOnlyKeys("value.format");
        assertThat(errors(valid("value.format", "json_text", "value.converter", string))).isEmpty();
        assertThat(errors(valid("value.format", "raw"))).as("the worker's converter is not known").isEmpty();
        assertThat(errors(valid("value.format", "struct", "value.converter", json))).isEmpty();
    }

    @Test
    void aFinishedOrErrorDirectoryInsideARecursiveInputIsRejected() {
        Map<String, List<String>> errors = errors(valid("input.recursive", "true", "after.read", "move",
                "finished.path", dir.resolve("done").toString(), "error.path", dir.toString()));
        assertThat(errors).containsOnlyKeys("finished.path", "error.path");
        assertThat(errors.get("finished.path")).singleElement().asString().contains("inside the input directory");
        assertThat(errors(valid("after.read", "move", "finished.path", dir.resolve("done").toString()))).isEmpty();
    }

    @Test
    void anAliasSetTogetherWithItsKeyIsReportedOnBoth() {
        Map<String, List<String>> errors = errors(valid("path", dir.toString()));
        assertThat(errors).containsOnlyKeys("path", "input.paths");
        assertThat(errors.get("path")).singleElement().asString().contains("Remove 'path'");
    }

    @Test
    void startAppliesAliasesAndEveryTaskGetsItsIndex() {
        connector.start(Map.of("name", "csv-test-tasks", "path", dir.toString(), "topic", "t"));
        try {
            List<Map<String, String>> tasks = connector.taskConfigs(3);
            assertThat(tasks).hasSize(3);
            for (int i = 0; i < 3; i++) {
                assertThat(tasks.get(i)).containsEntry("task.index", Integer.toString(i))
                        .containsEntry("task.count", "3").containsEntry("input.paths", dir.toString())
                        .doesNotContainKey("path");
            }
            assertThat(connector.taskClass()).isEqualTo(CsvSourceTask.class);
        } finally {
            connector.stop();
        }
    }

    @Test
    void startRegistersAHealthCheckThatStopRemoves() {
        connector.start(valid("name", "csv-health"));
        try {
            assertThat(HealthRegistry.read("csv-health")).hasValueSatisfying(json -> assertThat(json)
                    .contains("\"status\":\"healthy\"").contains("\"connected\":true")
                    .contains("\"capabilities\":[\"batch_reading\",\"exactly_once\",\"incremental\"]"));
        } finally {
            connector.stop();
        }
        assertThat(HealthRegistry.read("csv-health")).isEmpty();
        DirectoryHealthCheck missing = new DirectoryHealthCheck(List.of(dir.resolve("gone")), Clock.systemUTC());
        assertThat(missing.check().isHealthy()).isFalse();
        assertThat(missing.check().error()).contains("does not exist");
    }

    @Test
    void exactlyOnceIsSupportedAndTransactionBoundariesAreLeftToConnect() {
        assertThat(connector.exactlyOnceSupport(valid())).isEqualTo(ExactlyOnceSupport.SUPPORTED);
        assertThat(connector.canDefineTransactionBoundaries(valid()))
                .isEqualTo(ConnectorTransactionBoundaries.UNSUPPORTED);
        assertThat(connector.config()).isSameAs(CsvSourceConfig.CONFIG_DEF);
        assertThat(connector.version()).isNotBlank();
    }

    @Test
    void alterOffsetsAcceptsResetsAndWellFormedOffsetsAndNamesWhatIsWrongOtherwise() {
        Map<String, Object> partition = Map.of("path", "/data/in/a.csv", "file.id", "(dev=1,ino=2)");
        Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>();
        offsets.put(partition, null);
        offsets.put(Map.of("path", "/data/in/b.csv", "file.id", "x"),
                Map.of("v", 1, "position", 10, "record", 2, "line", 4, "eof", false));
        assertThat(connector.alterOffsets(valid(), offsets)).isTrue();

        assertThatThrownBy(() -> connector.alterOffsets(valid(), Map.of(Map.of("path", "a.csv", "file.id", "x"),
                Map.of("v", 1, "position", 0, "record", 0, "line", 1))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("must be an absolute path");
        assertThatThrownBy(() -> connector.alterOffsets(valid(), Map.of(Map.of("path", "/a.csv"),
                Map.of("v", 1, "position", 0, "record", 0, "line", 1))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("file.id");
        assertThatThrownBy(() -> connector.alterOffsets(valid(), Map.of(partition,
                Map.of("v", 1, "position", 0, "record", 0, "line", 0))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("line 0 must be >= 1");
    }
}
