package io.sluice.connect.csv;

import io.sluice.connect.common.errors.BadRecordPolicy;
import io.sluice.connect.common.format.CsvOptions;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvSourceConfigTest {

    @TempDir
    Path dir;

    private Map<String, String> minimal(String... extra) {
        Map<String, String> props = new HashMap<>(Map.of("input.paths", dir.toString(), "topic", "t"));
        for (int i = 0; i < extra.length; i += 2) {
            props.put(extra[i], extra[i + 1]);
        }
        return props;
    }

    @Test
    void defaultsAreParsedIntoTypedFields() {
        CsvSourceConfig config = new CsvSourceConfig(minimal("name", "orders"));
        assertThat(config.connectorName()).isEqualTo("orders");
        assertThat(config.inputPaths()).containsExactly(dir.toAbsolutePath().normalize());
        assertThat(config.filePattern()).isEqualTo(CsvSourceConfig.INPUT_FILE_PATTERN_DEFAULT);
        assertThat(config.recursive()).isFalse();
        assertThat(config.inputFormat()).isEqualTo(InputFormat.AUTO);
        assertThat(config.inputCompression()).isEqualTo(InputCompression.AUTO);
        assertThat(config.csvOptions()).isEqualTo(CsvOptions.defaults());
        assertThat(config.fileMinAgeMs()).isEqualTo(1000L);
        assertThat(config.pollIntervalMs()).isEqualTo(1000L);
        assertThat(config.batchSize()).isEqualTo(2000);
        assertThat(config.topic().isFixed()).isTrue();
        assertThat(config.schemaMode()).isEqualTo(SchemaMode.INFER);
        assertThat(config.providedSchema()).isNull();
        assertThat(config.inferSampleRows()).isEqualTo(1000);
        assertThat(config.keyColumns()).isEmpty();
        assertThat(config.afterRead()).isEqualTo(AfterRead.LEAVE);
        assertThat(config.finishedPath()).isNull();
        assertThat(config.errorPath()).isNull();
        assertThat(config.badRecordPolicy()).isEqualTo(BadRecordPolicy.FAIL);
        assertThat(config.badRecordTopic()).isEmpty();
    }

    @Test
    void seedSpecAliasesSetOurKeys() {
        Map<String, String> props = new HashMap<>(Map.of("path", dir + ", " + dir.resolve("b"), "topic", "t",
                "delimiter", "\\t", "has_header", "false", "encoding", "ISO-8859-1", "file_format", "JSONL",
                "batch_size", "10"));
        CsvSourceConfig config = new CsvSourceConfig(props);
        assertThat(config.inputPaths()).containsExactly(dir, dir.resolve("b"));
        assertThat(config.csvOptions()).isEqualTo(
                new CsvOptions('\t', '"', null, false, StandardCharsets.ISO_8859_1));
        assertThat(config.inputFormat()).isEqualTo(InputFormat.JSONL);
        assertThat(config.batchSize()).isEqualTo(10);
        assertThat(CsvSourceConfig.ALIASES.aliases()).containsOnlyKeys("path", "delimiter", "has_header", "encoding",
                "file_format", "batch_size");
    }

    @Test
    void settingAKeyAndItsAliasIsAnErrorNamingBoth() {
        assertThatThrownBy(() -> new CsvSourceConfig(minimal("path", "/other")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'input.paths'")
                .hasMessageContaining("'path'");
    }

    @Test
    void typedChoicesKeyColumnsAndPathsAreParsed() {
        CsvSourceConfig config = new CsvSourceConfig(minimal("schema.mode", "PROVIDED",
                "schema.json", "{\"columns\":[{\"name\":\"id\",\"type\":\"int64\"}]}", "key.columns", " id , ",
                "after.read", "move", "finished.path", dir.resolve("../done").toString(), "csv.escape", "\\",
                "bad.record.policy", "error_topic", "bad.record.topic", "bad"));
        assertThat(config.providedSchema().columns()).extracting(ColumnSpec::name).containsExactly("id");
        assertThat(config.keyColumns()).containsExactly("id");
        assertThat(config.afterRead()).isEqualTo(AfterRead.MOVE);
        assertThat(config.finishedPath()).isEqualTo(dir.getParent().resolve("done"));
        assertThat(config.csvOptions().escape()).isEqualTo('\\');
        assertThat(config.badRecordPolicy()).isEqualTo(BadRecordPolicy.ERROR_TOPIC);
        assertThat(config.badRecordTopic()).isEqualTo("bad");
    }

    @Test
    void crossFieldRulesFailTheConstructorNamingTheKey() {
        assertThatThrownBy(() -> new CsvSourceConfig(minimal("after.read", "move")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("finished.path: must be set when "
                        + "after.read=move");
        assertThatThrownBy(() -> new CsvSourceConfig(minimal("schema.mode", "provided")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.json: must be set");
        assertThatThrownBy(() -> new CsvSourceConfig(minimal("bad.record.policy", "error_topic")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bad.record.topic");
        assertThatThrownBy(() -> new CsvSourceConfig(minimal("batch.size", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("batch.size");
    }

    @Test
    void mainWritesTheReferenceWithEveryKeyAndAlias() throws Exception {
        Path out = dir.resolve("doc/config.md");
        CsvSourceConfig.main(new String[] {out.toString()});
        String doc = Files.readString(out);
        for (String key : CsvSourceConfig.CONFIG_DEF.names()) {
            assertThat(doc).contains("`" + key + "`");
        }
        assertThat(doc).contains("`path`").contains("`has_header`").contains("Bad records");
        assertThat(CsvSourceConfig.CONFIG_DEF.names()).containsAll(List.of("input.paths", "input.file.pattern",
                "input.recursive", "input.format", "input.compression", "input.encoding", "csv.delimiter", "csv.quote",
                "csv.escape", "csv.header", "file.min.age.ms", "poll.interval.ms", "batch.size", "topic",
                "schema.mode", "schema.json", "schema.infer.sample.rows", "key.columns", "after.read",
                "finished.path", "error.path", "bad.record.policy", "bad.record.topic"));
    }
}
