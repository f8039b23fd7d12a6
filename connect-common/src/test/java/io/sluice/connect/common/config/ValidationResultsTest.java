package io.sluice.connect.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class ValidationResultsTest {

    private static Config validated() {
        ConfigDef def = new ConfigDef()
                .define("connection.url", ConfigDef.Type.STRING, "", ConfigDef.Importance.HIGH, "url");
        return new Config(def.validate(Map.of("connection.url", "jdbc:x")));
    }

    @Test
    void addsAnErrorToAnExistingValue() {
        Config cfg = validated();
        assertThat(ValidationResults.hasErrors(cfg)).isFalse();

        ValidationResults.addError(cfg, "connection.url", "cannot connect");

        assertThat(ValidationResults.hasErrors(cfg)).isTrue();
        assertThat(cfg.configValues()).singleElement().satisfies(v -> {
            assertThat(v.name()).isEqualTo("connection.url");
            assertThat(v.errorMessages()).containsExactly("cannot connect");
        });
        assertThat(ValidationResults.errors(cfg)).containsExactly("connection.url: cannot connect");
    }

    @Test
    void createsTheValueForAnUndefinedKey() {
        Config cfg = validated();

        ValidationResults.addError(cfg, "path", "conflicts with input.paths");

        assertThat(cfg.configValues()).extracting(ConfigValue::name).containsExactly("connection.url", "path");
        assertThat(cfg.configValues().get(1).errorMessages()).containsExactly("conflicts with input.paths");
    }

    @Test
    void mergesAliasConflicts() {
        Config cfg = new Config(new ArrayList<>());
        Aliases aliases = Aliases.builder().alias("path", "input.paths").build();

        ValidationResults.addErrors(cfg, aliases.conflicts(Map.of("path", "/a", "input.paths", "/b")));

        assertThat(cfg.configValues()).extracting(ConfigValue::name)
                .containsExactlyInAnyOrder("path", "input.paths");
        assertThat(ValidationResults.hasErrors(cfg.configValues())).isTrue();
        assertThat(ValidationResults.hasErrors(List.of(new ConfigValue("x")))).isFalse();
    }
}
