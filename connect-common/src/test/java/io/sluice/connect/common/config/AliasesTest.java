package io.sluice.connect.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class AliasesTest {

    private final Aliases aliases = Aliases.builder()
            .alias("path", "input.paths")
            .alias("batch_size", "batch.size")
            .alias("delimiter", "csv.delimiter")
            .alias("separator", "csv.delimiter")
            .build();

    @Test
    void renamesAliasesAndKeepsEverythingElse() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("path", "/data");
        props.put("batch_size", "10");
        props.put("topic", "t");

        Map<String, String> result = aliases.apply(props);

        assertThat(result).containsExactly(
                Map.entry("input.paths", "/data"), Map.entry("batch.size", "10"), Map.entry("topic", "t"));
        assertThat(props).containsKey("path");
    }

    @Test
    void ourKeysPassThroughUnchanged() {
        assertThat(aliases.apply(Map.of("input.paths", "/data"))).isEqualTo(Map.of("input.paths", "/data"));
    }

    @Test
    void settingAKeyAndItsAliasIsAnErrorNamingBothAndTheFix() {
        Map<String, String> props = Map.of("path", "/a", "input.paths", "/b");

        assertThatThrownBy(() -> aliases.apply(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'input.paths'")
                .hasMessageContaining("'path'")
                .hasMessageContaining("Remove 'path' and keep only 'input.paths'");
    }

    @Test
    void settingTwoAliasesOfOneKeyIsAnError() {
        assertThatThrownBy(() -> aliases.apply(Map.of("delimiter", ";", "separator", ",")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'delimiter'")
                .hasMessageContaining("'separator'")
                .hasMessageContaining("Set only 'csv.delimiter'");
    }

    @Test
    void conflictsReportsAnErrorOnBothForms() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("path", "/a");
        props.put("topic", "t");
        props.put("input.paths", "/b");

        List<ConfigValue> conflicts = aliases.conflicts(props);

        assertThat(conflicts).extracting(ConfigValue::name).containsExactly("path", "input.paths");
        assertThat(conflicts).extracting(ConfigValue::value).containsExactly("/a", "/b");
        assertThat(conflicts).allSatisfy(v -> assertThat(v.errorMessages()).singleElement().asString()
                .contains("'path'", "'input.paths'"));
    }

    @Test
    void noConflictsWhenOnlyOneFormIsSet() {
        assertThat(aliases.conflicts(Map.of("path", "/a", "batch.size", "5"))).isEmpty();
    }

    @Test
    void exposesTheMappingForDocs() {
        assertThat(aliases.aliases()).containsEntry("path", "input.paths").hasSize(4);
        assertThat(aliases.aliasesOf("csv.delimiter")).containsExactly("delimiter", "separator");
        assertThat(aliases.aliasesOf("topic")).isEmpty();
        assertThat(Aliases.none().aliases()).isEmpty();
    }

    @Test
    void builderRejectsAmbiguousMappings() {
        assertThatThrownBy(() -> Aliases.builder().alias("path", "input.paths").alias("path", "other"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already maps to 'input.paths'");
        assertThatThrownBy(() -> Aliases.builder().alias("topic", "topic"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Aliases.builder().alias("a", "b").alias("c", "a").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a'");
    }
}
