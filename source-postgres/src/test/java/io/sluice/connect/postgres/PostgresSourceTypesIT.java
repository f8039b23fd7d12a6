package io.sluice.connect.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.connect.postgres.it.PgConnector;
import io.sluice.connect.postgres.it.Records;
import io.sluice.connect.postgres.it.TestDatabase;
import io.sluice.testkit.ConnectClusterExtension;
import io.sluice.testkit.ConnectClusterFixture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.sluice.connect.postgres.it.PgConnector.timeout;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mapped PostgreSQL type through a real worker and its JsonConverter (decimals as JSON numbers), with
 * {@code numeric.mapping} decimal and double, and a row of nulls. Also {@code validate()} against the live server.
 */
class PostgresSourceTypesIT {

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = new ConnectClusterExtension(PgConnector.clusterBuilder());

    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass("pgsrc_types");

    @BeforeAll
    static void createTable() {
        db.execute("CREATE TYPE mood AS ENUM ('sad', 'happy')",
                "CREATE TABLE all_types (id int PRIMARY KEY, n_dec numeric(10,2), n_free numeric, f4 real, "
                        + "f8 double precision, i2 smallint, i8 bigint, b boolean, t text, vc varchar(10), "
                        + "ts timestamp, tstz timestamptz, d date, tm time, u uuid, j json, jb jsonb, ia int[], "
                        + "ta text[], bin bytea, m mood, iv interval)",
                "INSERT INTO all_types VALUES (1, 12.50, 3.14159, 1.5, 2.25, 7, 9007199254740993, true, 'héllo', "
                        + "'v', '2024-02-29 12:34:56.789', '2024-02-29 12:34:56.789+02', '2024-02-29', "
                        + "'13:14:15.5', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{\"a\":1}', '{\"b\": [1, 2]}', "
                        + "'{1,2,3}', '{\"x\",\"y z\"}', '\\xdeadbeef', 'happy', '1 day 2 hours')",
                "INSERT INTO all_types (id) VALUES (2)");
    }

    private static Map<Integer, JsonNode> sync(String name, String numericMapping) {
        ConnectClusterFixture cluster = CONNECT.cluster();
        Map<String, String> config = PgConnector.config(db.schema(), name + ".");
        config.put("full.refresh.interval.ms", "0");
        config.put("numeric.mapping", numericMapping);
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        config.put("value.converter.decimal.format", "NUMERIC");
        cluster.createConnector(name, config);
        List<ConsumerRecord<byte[], byte[]>> records =
                cluster.consumeExactly(name + "." + db.schema() + ".all_types", 2, timeout());
        cluster.deleteConnector(name);
        Map<Integer, JsonNode> byId = new java.util.HashMap<>();
        records.forEach(r -> byId.put((int) Records.id(r), Records.value(r)));
        return byId;
    }

    @Test
    void everyMappedTypeRoundTripsWithDecimals() {
        Map<Integer, JsonNode> rows = sync("types-dec", "decimal");
        JsonNode v = rows.get(1);
        assertThat(v.get("n_dec").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(v.get("n_free").asText()).as("numeric without a scale: exact text").isEqualTo("3.14159");
        assertThat(v.get("f4").asDouble()).isEqualTo(1.5);
        assertThat(v.get("f8").asDouble()).isEqualTo(2.25);
        assertThat(v.get("i2").asInt()).isEqualTo(7);
        assertThat(v.get("i8").asLong()).isEqualTo(9007199254740993L);
        assertThat(v.get("b").asBoolean()).isTrue();
        assertThat(v.get("t").asText()).isEqualTo("héllo");
        assertThat(v.get("vc").asText()).isEqualTo("v");
        assertThat(v.get("ts").asLong()).isEqualTo(Instant.parse("2024-02-29T12:34:56.789Z").toEpochMilli());
        assertThat(v.get("tstz").asLong()).isEqualTo(Instant.parse("2024-02-29T10:34:56.789Z").toEpochMilli());
        assertThat(v.get("d").asLong()).isEqualTo(LocalDate.parse("2024-02-29").toEpochDay());
        assertThat(v.get("tm").asLong()).isEqualTo(((13 * 60 + 14) * 60 + 15) * 1000L + 500);
        assertThat(v.get("u").asText()).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(v.get("j").asText()).isEqualTo("{\"a\":1}");
        assertThat(v.get("jb").asText()).isEqualTo("{\"b\": [1, 2]}");
        assertThat(v.get("ia").toString()).isEqualTo("[1,2,3]");
        assertThat(v.get("ta").toString()).isEqualTo("[\"x\",\"y z\"]");
        assertThat(v.get("bin").asText()).isEqualTo("3q2+7w==");
        assertThat(v.get("m").asText()).isEqualTo("happy");
        assertThat(v.get("iv").asText()).isEqualTo("P1DT2H");

        JsonNode nulls = rows.get(2);
        for (Iterator<Map.Entry<String, JsonNode>> it = nulls.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals("id")) {
                assertThat(field.getValue().isNull()).as(field.getKey()).isTrue();
            }
        }
        assertThat(nulls.size()).isEqualTo(v.size());
    }

    @Test
    void numericAsDouble() {
        JsonNode v = sync("types-dbl", "double").get(1);
        assertThat(v.get("n_dec").isDouble()).isTrue();
        assertThat(v.get("n_dec").asDouble()).isEqualTo(12.5);
        assertThat(v.get("n_free").asDouble()).isEqualTo(3.14159);
    }

    @Test
    void validateChecksTablesColumnsAndKeysAgainstTheServer() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        db.execute("CREATE TABLE no_key (v text, changed timestamptz)");
        Map<String, String> config = PgConnector.incremental(PgConnector.config(db.schema(), "v."), "changed");
        config.put("table.include.list", ".*\\.no_key");
        JsonNode noKey = validate(cluster, config);
        assertThat(errors(noKey, "primary.key")).anyMatch(e -> e.contains("has no primary key"));

        config.put("table.include.list", ".*\\.all_types");
        config.put("cursor.columns", "updated_at");
        assertThat(errors(validate(cluster, config), "cursor.columns"))
                .anyMatch(e -> e.contains("has no column updated_at"));

        config.put("cursor.columns", "j");
        assertThat(errors(validate(cluster, config), "cursor.columns"))
                .anyMatch(e -> e.contains("could not identify an ordering operator for type json"));

        config.put("cursor.columns", "ts");
        config.put("table.filter", "no_such_column > 1");
        assertThat(errors(validate(cluster, config), "table.filter"))
                .anyMatch(e -> e.contains("no_such_column"));
        config.remove("table.filter");

        config.put("table.include.list", ".*\\.nothing_like_this");
        assertThat(errors(validate(cluster, config), "table.include.list")).anyMatch(e -> e.contains("no table"));

        config.put("table.include.list", ".*\\.all_types");
        config.put("cursor.columns", "ts");
        assertThat(validate(cluster, config).get("error_count").asInt()).isZero();
    }

    @Test
    void validateRefusesSecondStatementsAndNullableKeys() throws Exception {
        ConnectClusterFixture cluster = CONNECT.cluster();
        db.execute("CREATE TABLE ro_victim (id int PRIMARY KEY)", "INSERT INTO ro_victim VALUES (1), (2)");
        Map<String, String> config = PgConnector.config(db.schema(), "ro.");
        config.put("table.include.list", ".*\\.ro_victim");
        config.put("table.filter", "true); DELETE FROM " + db.schema() + ".ro_victim; SELECT (1");
        assertThat(errors(validate(cluster, config), "table.filter")).anyMatch(e -> e.contains("without ';'"));

        config.put("query", "SELECT id FROM " + db.schema() + ".ro_victim; DELETE FROM " + db.schema()
                + ".ro_victim");
        config.put("query.name", "victim");
        config.put("primary.key", "id");
        config.remove("table.filter");
        config.remove("table.include.list");
        assertThat(errors(validate(cluster, config), "query")).anyMatch(e -> e.contains("without ';'"));

        // a configured key must be NOT NULL: a NULL key has no place in the order and cannot be stored
        db.execute("CREATE TABLE nullable_key (code text, v int)");
        Map<String, String> nullable = PgConnector.config(db.schema(), "ro.");
        nullable.put("table.include.list", ".*\\.nullable_key");
        nullable.put("primary.key", "code");
        assertThat(errors(validate(cluster, nullable), "primary.key"))
                .anyMatch(e -> e.contains("column code named in primary.key may be NULL"));
        try (Connection c = db.connect(); Statement statement = c.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + db.schema() + ".ro_victim")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }

    private static JsonNode validate(ConnectClusterFixture cluster, Map<String, String> config) {
        Map<String, String> body = new java.util.HashMap<>(config);
        body.put("name", "validate-only");
        return cluster.rest().put("connector-plugins/PostgresSourceConnector/config/validate", body).ok().json();
    }

    private static List<String> errors(JsonNode result, String key) {
        for (JsonNode config : result.get("configs")) {
            if (key.equals(config.path("value").path("name").asText())) {
                List<String> errors = new java.util.ArrayList<>();
                config.path("value").path("errors").forEach(e -> errors.add(e.asText()));
                return errors;
            }
        }
        return List.of();
    }

    @Test
    void validateNamesMissingPrivilegesAndHonoursTheTlsMode() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String role = db.schema() + "_nosel";
        db.execute("CREATE TABLE private_rows (id int PRIMARY KEY)", "CREATE ROLE " + role + " LOGIN",
                "GRANT USAGE ON SCHEMA " + db.schema() + " TO " + role);
        try {
            Map<String, String> config = PgConnector.config(db.schema(), "p.");
            config.put("table.include.list", ".*\\.private_rows");
            config.put("connection.user", role);
            config.remove("connection.password");
            assertThat(errors(validate(cluster, config), "table.include.list"))
                    .anyMatch(e -> e.contains("may not SELECT from table " + db.schema() + ".private_rows")
                            && e.contains("GRANT SELECT ON"));
        } finally {
            db.execute("DROP OWNED BY " + role, "DROP ROLE " + role);
        }
        // this server has no TLS: sslmode=require must be refused rather than silently ignored
        Map<String, String> tls = PgConnector.config(db.schema(), "p.");
        tls.put("table.include.list", ".*\\.private_rows");
        tls.put("ssl_mode", "require");
        assertThat(errors(validate(cluster, tls), "connection.url"))
                .anyMatch(e -> e.contains("does not support SSL"));
        tls.put("ssl_mode", "disable");
        assertThat(validate(cluster, tls).get("error_count").asInt()).isZero();
    }
}
