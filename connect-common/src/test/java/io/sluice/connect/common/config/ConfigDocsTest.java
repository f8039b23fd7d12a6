package io.sluice.connect.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDocsTest {

    enum Mode { INFER, STRING }

    private static final Aliases ALIASES = Aliases.builder()
            .alias("path", "input.paths")
            .alias("delimiter", "csv.delimiter")
            .alias("separator", "csv.delimiter")
            .build();

    private static ConfigDef def() {
        return new ConfigDef()
                .define("csv.delimiter", ConfigDef.Type.STRING, ",", Validators.singleChar(),
                        ConfigDef.Importance.MEDIUM, "Field separator.", "CSV", 1, ConfigDef.Width.SHORT, "Delimiter")
                .define("input.paths", ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Validators.nonEmpty(),
                        ConfigDef.Importance.HIGH, "Directories to read.", "Input", 1, ConfigDef.Width.LONG, "Paths")
                .define("schema.mode", ConfigDef.Type.STRING, "infer", null, ConfigDef.Importance.LOW,
                        "How values\nare typed: a | b.", "CSV", 2, ConfigDef.Width.SHORT, "Schema mode",
                        Recommenders.enumValues(Mode.class))
                .define("input.recursive", ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.LOW,
                        "Descend.", "Input", 2, ConfigDef.Width.SHORT, "Recursive")
                .define("connection.password", ConfigDef.Type.PASSWORD, "secret", ConfigDef.Importance.HIGH,
                        "Password.", "Connection", 1, ConfigDef.Width.SHORT, "Password")
                .define("key.columns", ConfigDef.Type.LIST, List.of("a", "b"), ConfigDef.Importance.LOW,
                        "Key.", "Connection", 2, ConfigDef.Width.SHORT, "Key")
                .define("topic", ConfigDef.Type.STRING, "", ConfigDef.Importance.HIGH, "Topic.")
                .defineInternal("task.assignment", ConfigDef.Type.STRING, "", ConfigDef.Importance.LOW);
    }

    @Test
    void rendersOneRowPerKeyInGroupOrder() {
        String md = ConfigDocs.markdown("CSV source", def(), ALIASES);

        assertThat(md.lines().toList()).containsExactly(
                "# CSV source",
                "",
                "A key's alias may be set instead of the key; setting both is a configuration error.",
                "",
                "| Key | Alias | Type | Default | Valid values | Importance | Group | Description |",
                "| --- | --- | --- | --- | --- | --- | --- | --- |",
                "| `topic` |  | string | \"\" |  | high |  | Topic. |",
                "| `csv.delimiter` | `delimiter`, `separator` | string | `,` | a single character (\\t for tab) "
                        + "| medium | CSV | Field separator. |",
                "| `schema.mode` |  | string | `infer` | infer, string | low | CSV | How values are typed: a \\| b. |",
                "| `input.paths` | `path` | list | *required* | a non-empty value | high | Input "
                        + "| Directories to read. |",
                "| `input.recursive` |  | boolean | `false` |  | low | Input | Descend. |",
                "| `connection.password` |  | password | [hidden] |  | high | Connection | Password. |",
                "| `key.columns` |  | list | `a,b` |  | low | Connection | Key. |");
    }

    @Test
    void leavesOutTheAliasNoteWhenThereAreNone() {
        String md = ConfigDocs.markdown("T", new ConfigDef(), Aliases.none());
        assertThat(md).doesNotContain("alias may be set").contains("| Key | Alias |");
    }

    @Test
    void writesToTheFileNamedByTheFirstArgument(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("doc/config.md");

        ConfigDocs.write("CSV source", def(), ALIASES, new String[] {target.toString()});

        assertThat(Files.readString(target)).isEqualTo(ConfigDocs.markdown("CSV source", def(), ALIASES));
    }

    @Test
    void writesToStandardOutputWithoutArguments() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ConfigDocs.write("CSV source", def(), ALIASES, new String[0]);
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .isEqualTo(ConfigDocs.markdown("CSV source", def(), ALIASES));
    }
}
