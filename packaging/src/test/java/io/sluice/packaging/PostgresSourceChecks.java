package io.sluice.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.testkit.ConnectClusterFixture;
import io.sluice.testkit.PostgresFixture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static io.sluice.packaging.RunningPluginContract.JSON;
import static io.sluice.packaging.RunningPluginContract.POSTGRES_SOURCE;
import static io.sluice.packaging.RunningPluginContract.TIMEOUT;
import static io.sluice.packaging.RunningPluginContract.errorsByKey;
import static org.assertj.core.api.Assertions.assertThat;

/** The PostgreSQL source, loaded from a ZIP: validation, and a table synced incrementally into a topic. */
interface PostgresSourceChecks {

    RunningPluginContract worker();

    @Test
    default void postgresValidateNamesAMissingCursorColumn() throws IOException {
        JsonNode result = worker().validate("PostgresSourceConnector", Map.of(
                "connector.class", POSTGRES_SOURCE,
                "name", "bad-postgres",
                "connection.url", PostgresFixture.get().jdbcUrl(),
                "connection.user", PostgresFixture.get().user(),
                "sync.mode", "incremental"));

        Map<String, List<String>> errors = errorsByKey(result);
        assertThat(errors.keySet()).as("keys with errors in %s", result).contains("cursor.columns");
    }

    @Test
    default void postgresExampleConfigurationFromTheZipParses() throws IOException {
        ObjectNode config = worker().exampleConfig("postgres-source.json");

        JsonNode result = worker().validate("PostgresSourceConnector", config);

        // The example names a server that does not exist here: only the connection may fail, on its key.
        assertThat(errorsByKey(result).keySet()).as("keys with errors in %s", result)
                .isSubsetOf("connection.url", "connection.user", "connection.password", "table.include.list");
    }

    @Test
    default void postgresSourceSyncsATableIntoATopic() throws SQLException, IOException {
        ConnectClusterFixture cluster = worker().cluster();
        String name = "pg-" + getClass().getSimpleName().toLowerCase();
        String table = "sluice_pkg_" + name.replace('-', '_');
        PostgresFixture db = PostgresFixture.get();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            s.execute("CREATE TABLE " + table + " (id bigint PRIMARY KEY, v text)");
            s.execute("INSERT INTO " + table + " SELECT g, 'v-' || g FROM generate_series(1, 100) g");
        }
        cluster.createConnector(name, Map.of(
                "connector.class", POSTGRES_SOURCE,
                "tasks.max", "1",
                "connection.url", db.jdbcUrl(),
                "connection.user", db.user(),
                "connection.password", db.password() == null ? "" : db.password(),
                "table.include.list", "public\\." + table,
                "sync.mode", "incremental",
                "cursor.columns", "id",
                "topic.prefix", name + ".",
                "poll.interval.ms", "200"));
        cluster.awaitRunning(name, 1);
        List<ConsumerRecord<byte[], byte[]>> records = cluster.consumeExactly(name + ".public." + table, 100,
                TIMEOUT);

        assertThat(records).extracting(r -> JSON.readTree(r.value()).path("id").asLong())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 100).boxed().toList());
        assertThat(JSON.readTree(records.get(41).value()).path("v").asText()).isEqualTo("v-42");
        worker().assertHealthy(name, "incremental", "full_refresh");
        cluster.deleteConnector(name);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + table);
        }
    }
}
