package io.sluice.connect.jdbc;

import io.sluice.connect.common.config.ValidationResults;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcSinkConfigTest {

    @TempDir
    static Path dir;

    private static Map<String, String> props(String... keyValues) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "orders-sink");
        props.put("connection.url", "jdbc:sqlite:" + dir.resolve("config-test.db"));
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    private static List<String> errorsOf(Config config, String key) {
        return config.configValues().stream().filter(v -> v.name().equals(key))
                .flatMap(v -> v.errorMessages().stream()).toList();
    }

    @Test
    void parsesTypedValuesAndSeedAliases() {
        Map<String, String> props = props("insert.mode", "UPSERT", "pk.mode", "record_value", "primary_key", "id,region",
                "batch_size", "500", "schema", "sales", "delete.mode", "none");
        JdbcSinkConfig config = new JdbcSinkConfig(props);
        assertThat(config.insertMode()).isEqualTo(InsertMode.UPSERT);
        assertThat(config.pkMode()).isEqualTo(PkMode.RECORD_VALUE);
        assertThat(config.pkFields()).containsExactly("id", "region");
        assertThat(config.batchSize()).isEqualTo(500);
        assertThat(config.tableSchema()).isEqualTo("sales");
        assertThat(config.tolerateAll()).isFalse();
    }

    @Test
    void aDatabaseAloneIsASqliteFileAndAHostMakesAPostgresUrl() {
        Map<String, String> sqlite = props();
        sqlite.remove("connection.url");
        sqlite.put("database", "/tmp/app.db");
        assertThat(new JdbcSinkConfig(sqlite).connection().url()).isEqualTo("jdbc:sqlite:/tmp/app.db");

        Map<String, String> postgres = props("host", "db", "database", "shop", "username", "u", "password", "p");
        postgres.remove("connection.url");
        JdbcSinkConfig config = new JdbcSinkConfig(postgres);
        assertThat(config.connection().url()).isEqualTo("jdbc:postgresql://db:5432/shop");
        assertThat(config.connection().driverProperties()).containsEntry("user", "u");
    }

    @Test
    void upsertWithoutAKeyIsRejectedOnInsertMode() {
        assertThatThrownBy(() -> new JdbcSinkConfig(props("insert.mode", "upsert")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("insert.mode").hasMessageContaining("pk.mode");
        Config result = JdbcSinkConnectorValidation.validate(props("insert.mode", "update"));
        assertThat(errorsOf(result, "insert.mode")).singleElement().asString().contains("needs a key");
    }

    @Test
    void recordValueKeysNeedPkFieldsAndDeletesNeedRecordKeys() {
        Config result = JdbcSinkConnectorValidation.validate(props("insert.mode", "upsert", "pk.mode", "record_value",
                "delete.mode", "hard"));
        assertThat(errorsOf(result, "pk.fields")).singleElement().asString().contains("pk.fields=id");
        assertThat(errorsOf(result, "delete.mode")).singleElement().asString().contains("pk.mode=record_key");
    }

    @Test
    void aKeyAndItsAliasTogetherAreAConflict() {
        Config result = JdbcSinkConnectorValidation.validate(props("batch.size", "10", "batch_size", "20"));
        assertThat(errorsOf(result, "batch_size")).isNotEmpty();
    }

    @Test
    void validConfigurationConnectsToTheDatabase() {
        Config result = JdbcSinkConnectorValidation.validate(props("insert.mode", "upsert", "pk.mode", "record_key"));
        assertThat(ValidationResults.errors(result)).isEmpty();

        Config unreachable = JdbcSinkConnectorValidation.validate(props("connection.url",
                "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2"));
        assertThat(errorsOf(unreachable, "connection.url")).singleElement().asString().contains("cannot connect");
        assertThat(unreachable.configValues().stream().map(ConfigValue::name)).contains("connection.password");
    }

    /** The validation as the connector runs it. */
    private static final class JdbcSinkConnectorValidation {
        static Config validate(Map<String, String> props) {
            return new JdbcSinkConnector().validate(props);
        }
    }
}
