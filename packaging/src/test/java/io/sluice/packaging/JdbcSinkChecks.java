package io.sluice.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.testkit.ConnectClusterFixture;
import io.sluice.testkit.PostgresFixture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static io.sluice.packaging.RunningPluginContract.JDBC_SINK;
import static io.sluice.packaging.RunningPluginContract.TIMEOUT;
import static io.sluice.packaging.RunningPluginContract.errorsByKey;
import static org.assertj.core.api.Assertions.assertThat;

/** The JDBC sink, loaded from a ZIP: validation, and a topic upserted into a PostgreSQL table. */
interface JdbcSinkChecks {

    RunningPluginContract worker();

    @Test
    default void jdbcValidateRefusesAnUpsertWithoutAKey() throws IOException {
        JsonNode result = worker().validate("JdbcSinkConnector", Map.of(
                "connector.class", JDBC_SINK,
                "name", "bad-jdbc",
                "topics", "orders",
                "connection.url", PostgresFixture.get().jdbcUrl(),
                "connection.user", PostgresFixture.get().user(),
                "insert.mode", "upsert",
                "pk.mode", "none"));

        Map<String, List<String>> errors = errorsByKey(result);
        assertThat(errors).as("errors in %s", result).isNotEmpty();
        assertThat(errors.keySet()).containsAnyOf("pk.mode", "insert.mode");
    }

    @Test
    default void jdbcExampleConfigurationFromTheZipValidatesAgainstPostgres() throws IOException {
        ObjectNode config = worker().exampleConfig("jdbc-sink.json");
        // The example writes to a SQLite file under /var/lib: the same settings against the local PostgreSQL.
        config.put("connection.url", PostgresFixture.get().jdbcUrl());
        config.put("connection.user", PostgresFixture.get().user());

        JsonNode result = worker().validate("JdbcSinkConnector", config);

        assertThat(errorsByKey(result)).as("errors for the shipped example jdbc-sink.json").isEmpty();
    }

    @Test
    default void jdbcSinkUpsertsATopicIntoATable() throws SQLException {
        ConnectClusterFixture cluster = worker().cluster();
        String name = "jdbc-" + getClass().getSimpleName().toLowerCase();
        String table = "sluice_pkg_" + name.replace('-', '_');
        PostgresFixture db = PostgresFixture.get();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
        }
        String topic = name + "-orders";
        cluster.createTopic(topic, 1);
        for (int i = 1; i <= 10; i++) {
            cluster.cluster().kafka().produce(topic, null, "{\"id\":" + i + ",\"name\":\"n" + i + "\"}");
        }
        cluster.cluster().kafka().produce(topic, null, "{\"id\":1,\"name\":\"n1-again\"}");
        cluster.createConnector(name, Map.of(
                "connector.class", JDBC_SINK,
                "topics", topic,
                "connection.url", db.jdbcUrl(),
                "connection.user", db.user(),
                "connection.password", db.password() == null ? "" : db.password(),
                "table.name.format", table,
                "insert.mode", "upsert",
                "pk.mode", "record_value",
                "pk.fields", "id",
                "auto.create", "true"));
        cluster.awaitRunning(name, 1);

        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            ConnectClusterFixture.await(() -> count(s, "SELECT count(*) FROM " + table) == 10
                            && count(s, "SELECT count(*) FROM " + table + " WHERE name = 'n1-again'") == 1,
                    TIMEOUT, () -> "table " + table + " not filled: " + cluster.describeConnectors());
            worker().assertHealthy(name, "upsert", "copy");
            cluster.deleteConnector(name);
            s.execute("DROP TABLE " + table);
        }
    }

    private static long count(Statement s, String sql) {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException tableNotCreatedYet) {
            return -1;
        }
    }
}
