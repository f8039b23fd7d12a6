package io.sluice.connect.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ValidatorsTest {

    enum Mode { FULL_REFRESH, INCREMENTAL }

    @Test
    void nonEmpty() {
        ConfigDef.Validator v = Validators.nonEmpty();
        assertValid(v, "x", List.of("a"));
        assertInvalid(v, "", "must not be empty");
        assertInvalid(v, "  ", "must not be empty");
        assertInvalid(v, null, "non-empty");
        assertInvalid(v, List.of(), "at least one");
        assertInvalid(v, List.of("a", " "), "empty elements");
        assertThat(v).hasToString("a non-empty value");
    }

    @Test
    void singleChar() {
        ConfigDef.Validator v = Validators.singleChar();
        assertValid(v, ",", ";", "\t", "\\t", null);
        assertInvalid(v, "", "single character");
        assertInvalid(v, ",,", "single character");
        assertThat(Validators.singleCharValue("k", "\\t")).isEqualTo('\t');
        assertThat(Validators.singleCharValue("k", "|")).isEqualTo('|');
        assertThat(v.toString()).contains("single character");
    }

    @Test
    void singleCharOrEmptyAcceptsNone() {
        ConfigDef.Validator v = Validators.singleCharOrEmpty();
        assertValid(v, "", "\\", "\\t");
        assertInvalid(v, "ab", "single character");
    }

    @Test
    void charset() {
        ConfigDef.Validator v = Validators.charset();
        assertValid(v, "UTF-8", "utf8", "ISO-8859-1", "windows-1252");
        assertInvalid(v, "NOPE-42", "not a charset");
        assertInvalid(v, "bad name!", "not a charset");
        assertThat(v.toString()).contains("charset");
    }

    @Test
    void regex() {
        ConfigDef.Validator v = Validators.regex();
        assertValid(v, "^[a-z]+\\.csv$", List.of("a", "b+"));
        assertInvalid(v, "([a-z]", "not a valid regular expression");
        assertInvalid(v, List.of("ok", "*bad"), "not a valid regular expression");
    }

    @Test
    void glob() {
        ConfigDef.Validator v = Validators.glob();
        assertValid(v, "*.{csv,tsv}", "**/*.jsonl", "data-[0-9].csv");
        assertInvalid(v, "*.{csv,tsv", "not a valid glob");
        assertInvalid(v, "[a-", "not a valid glob");
        assertThat(v.toString()).contains("glob");
    }

    @Test
    void json() {
        ConfigDef.Validator v = Validators.json();
        assertValid(v, "", "{\"columns\":[{\"name\":\"id\",\"type\":\"int64\"}]}", "[1,2]");
        assertInvalid(v, "{\"columns\":", "not valid JSON");
        assertInvalid(v, "{} trailing", "not valid JSON");
    }

    @Test
    void oneOfIgnoreCase() {
        ConfigDef.Validator v = Validators.oneOfIgnoreCase(Mode.class);
        assertValid(v, "full_refresh", "INCREMENTAL", " Incremental ");
        assertInvalid(v, "cdc", "must be one of full_refresh, incremental");
        assertThat(v).hasToString("one of full_refresh, incremental (case-insensitive)");
    }

    @Test
    void positiveAndNonNegative() {
        ConfigDef.Validator positive = Validators.positive();
        assertValid(positive, 1, 5L, 0.5d, null);
        assertInvalid(positive, 0, "must be > 0");
        assertInvalid(positive, -1L, "must be > 0");
        assertInvalid(positive, 0.0d, "must be > 0");
        assertInvalid(positive, Double.NaN, "must be > 0");
        assertThat(positive).hasToString("> 0");

        ConfigDef.Validator nonNegative = Validators.nonNegative();
        assertValid(nonNegative, 0, 0L, 0.0d, 7);
        assertInvalid(nonNegative, -1, "must be >= 0");
        assertInvalid(nonNegative, -0.1d, "must be >= 0");
        assertThat(nonNegative).hasToString(">= 0");
    }

    @Test
    void worksInsideAConfigDef() {
        ConfigDef def = new ConfigDef()
                .define("n", ConfigDef.Type.INT, 1, Validators.positive(), ConfigDef.Importance.LOW, "doc");
        assertThatThrownBy(() -> def.parse(java.util.Map.of("n", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("n");
    }

    private static void assertValid(ConfigDef.Validator v, Object... values) {
        for (Object value : values) {
            assertThatCode(() -> v.ensureValid("key", value)).as("value %s", value).doesNotThrowAnyException();
        }
    }

    private static void assertInvalid(ConfigDef.Validator v, Object value, String message) {
        assertThatThrownBy(() -> v.ensureValid("key", value))
                .as("value %s", value)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key")
                .hasMessageContaining(message);
    }
}
