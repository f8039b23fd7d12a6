package io.sluice.connect.postgres;

import io.sluice.connect.common.jdbc.JdbcConnectionConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresSourceConfigTest {

    private static Map<String, String> base() {
        Map<String, String> props = new HashMap<>();
        props.put("name", "orders");
        props.put("connection.url", "jdbc:postgresql://db:5432/shop");
        return props;
    }

    @Test
    void seedSpecNamesMapOntoKeys() {
        Map<String, String> props = new HashMap<>();
        props.put("host", "db");
        props.put("port", "6543");
        props.put("database", "shop");
        props.put("username", "sync");
        props.put("password", "secret");
        props.put("ssl_mode", "require");
        props.put("schema", "sales,public");
        props.put("sync_mode", "incremental");
        props.put("cursor_field", "updated_at");
        props.put("primary_key", "tenant,id");
        props.put("batch_size", "250");
        props.put("sync_from", "2024-01-01");
        PostgresSourceConfig config = new PostgresSourceConfig(props);
        assertThat(config.connection().url()).isEqualTo("jdbc:postgresql://db:6543/shop");
        assertThat(config.connection().driverProperties()).containsEntry("user", "sync")
                .containsEntry("password", "secret").containsEntry("sslmode", "require");
        assertThat(config.schemas()).containsExactly("sales", "public");
        assertThat(config.defaults().mode()).isEqualTo(SyncMode.INCREMENTAL);
        assertThat(config.defaults().cursorColumns()).containsExactly("updated_at");
        assertThat(config.defaults().primaryKey()).containsExactly("tenant", "id");
        assertThat(config.batchSize()).isEqualTo(250);
        assertThat(config.syncFrom()).isEqualTo("2024-01-01");
    }

    @Test
    void defaultsAreAHourlyFullRefreshOfSchemaPublic() {
        PostgresSourceConfig config = new PostgresSourceConfig(base());
        assertThat(config.defaults().mode()).isEqualTo(SyncMode.FULL_REFRESH);
        assertThat(config.schemas()).containsExactly("public");
        assertThat(config.fullRefreshIntervalMs()).isEqualTo(3_600_000L);
        assertThat(config.numericMapping()).isEqualTo(NumericMapping.DECIMAL);
        assertThat(config.connectorName()).isEqualTo("orders");
        assertThat(PostgresSourceConfig.CONFIG_DEF.configKeys().get(JdbcConnectionConfig.PASSWORD_CONFIG).type)
                .isEqualTo(ConfigDef.Type.PASSWORD);
    }

    @Test
    void keyAndAliasTogetherIsAnError() {
        Map<String, String> props = base();
        props.put("batch.size", "10");
        props.put("batch_size", "20");
        assertThatThrownBy(() -> new PostgresSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'batch.size'").hasMessageContaining("'batch_size'");
    }

    @Test
    void crossFieldRulesNameTheKeyToFix() {
        Map<String, String> props = base();
        props.put("sync.mode", "incremental");
        assertThatThrownBy(() -> new PostgresSourceConfig(props)).hasMessageContaining("cursor.columns: must name");

        Map<String, String> query = base();
        query.put("query", "SELECT 1 AS id");
        assertThat(PostgresSourceValidation.crossField(query)).extracting(PostgresSourceValidation.Issue::key)
                .containsExactly("primary.key");

        Map<String, String> from = base();
        from.put("sync.from", "5");
        assertThat(PostgresSourceValidation.crossField(from)).extracting(PostgresSourceValidation.Issue::key)
                .containsExactly("sync.from");
    }

    @Test
    void aSemicolonInTheFilterOrQueryIsRejectedSoNoSecondStatementCanRun() {
        Map<String, String> filter = base();
        filter.put("table.filter", "true); DELETE FROM t; SELECT (1");
        assertThat(PostgresSourceValidation.crossField(filter)).extracting(PostgresSourceValidation.Issue::key)
                .containsExactly("table.filter");
        Map<String, String> query = base();
        query.put("query", "SELECT 1 AS id; DELETE FROM t");
        query.put("primary.key", "id");
        assertThat(PostgresSourceValidation.crossField(query)).extracting(PostgresSourceValidation.Issue::key)
                .containsExactly("query");
    }

    @Test
    void cdcIsNotAModeYet() {
        Map<String, String> props = base();
        props.put("sync.mode", "cdc");
        assertThatThrownBy(() -> new PostgresSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("sync.mode");
    }

    @Test
    void tableSelectionMatchesWholeQualifiedNames() {
        List<java.util.regex.Pattern> include = List.of(java.util.regex.Pattern.compile("public\\.orders_.*"));
        List<java.util.regex.Pattern> exclude = List.of(java.util.regex.Pattern.compile(".*_archive"));
        assertThat(Catalog.selected("public.orders_eu", include, exclude)).isTrue();
        assertThat(Catalog.selected("public.orders_archive", include, exclude)).isFalse();
        assertThat(Catalog.selected("sales.public.orders_eu", include, exclude)).isFalse();
        assertThat(Catalog.selected("public.customers", List.of(), exclude)).isTrue();
    }
}
