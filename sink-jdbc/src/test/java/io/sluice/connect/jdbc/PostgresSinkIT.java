package io.sluice.connect.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.connect.jdbc.it.Backend;
import io.sluice.connect.jdbc.it.Envelopes;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link AbstractJdbcSinkIT} against PostgreSQL: writes go through COPY and a staging table. */
class PostgresSinkIT extends AbstractJdbcSinkIT {

    private static final Backend POSTGRES = Backend.postgres();

    @Override
    Backend backend() {
        return POSTGRES;
    }

    @Override
    String prefix() {
        return "jdbcsink-pg";
    }

    @Test
    void aColumnWidenedWhileTheSinkRunsTakesTheLongerValues() throws SQLException {
        String topic = prefix() + "-widened";
        String table = POSTGRES.quote(topic);
        POSTGRES.drop(topic);
        POSTGRES.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, code VARCHAR(5))");
        CONNECT.cluster().createTopic(topic, 1);
        Map<String, String> config = config(topic, "upsert", "record_value", "id");
        config.put("value.converter.schemas.enable", "false");
        config.put("auto.create", "false");
        CONNECT.cluster().createConnector(topic, config);
        produce(topic, null, "{\"id\":1,\"code\":\"short\"}");
        awaitCount(topic, 1);
        POSTGRES.execute("ALTER TABLE " + table + " ALTER COLUMN code TYPE VARCHAR(50)");
        produce(topic, null, "{\"id\":2,\"code\":\"a much longer code\"}");
        awaitCount(topic, 2);
        assertThat(POSTGRES.query(select(topic, "code", "id = 2"))).extracting(r -> r.get("code"))
                .containsExactly("a much longer code");
    }

    @Test
    void validateRefusesATableNameLongerThanTheDatabaseKeeps() {
        String topic = prefix() + "-" + "x".repeat(60);
        Map<String, String> config = config(topic, "upsert", "record_key", null);
        config.put("name", prefix() + "-long-name");
        JsonNode result = CONNECT.cluster().rest().put("connector-plugins/JdbcSinkConnector/config/validate", config)
                .ok().json();
        assertThat(errors(result, "table.name.format")).as(result.toString())
                .anyMatch(e -> e.contains(topic) && e.contains("63") && e.contains("set table.name.format"));
    }

    @Test
    void aTableNameLongerThanTheDatabaseKeepsFailsTheTaskNamingTheFix() {
        String topic = prefix() + "-task-" + "y".repeat(60);
        CONNECT.cluster().createTopic(topic, 1);
        Map<String, String> config = config(topic, "upsert", "record_key", null);
        // validate checks the listed topics only: a pattern's topics are checked by the task
        config.remove("topics");
        config.put("topics.regex", topic);
        CONNECT.cluster().createConnector(topic, config);
        produce(topic, Envelopes.key(1), Envelopes.order(1, 1));
        String trace = CONNECT.cluster().awaitTaskFailed(topic, TIMEOUT).tasks().get(0).trace();
        assertThat(trace).contains(topic, "offset 0", "63", "set table.name.format");
    }

    @Override
    String schemalessTableDdl(String table) {
        return "CREATE TABLE " + POSTGRES.quote(table) + " (id BIGINT PRIMARY KEY, name TEXT, created TIMESTAMPTZ, "
                + "payload JSONB, amount NUMERIC(10,2), ref UUID)";
    }

    @Override
    String poisonTableDdl(String table) {
        return "CREATE TABLE " + POSTGRES.quote(table) + " (id BIGINT PRIMARY KEY, qty INTEGER NOT NULL, "
                + "code VARCHAR(5))";
    }
}
