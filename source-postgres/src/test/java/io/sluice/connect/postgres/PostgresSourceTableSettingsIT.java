package io.sluice.connect.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.connect.postgres.it.PgConnector;
import io.sluice.connect.postgres.it.Records;
import io.sluice.connect.postgres.it.TestDatabase;
import io.sluice.testkit.ConnectClusterExtension;
import io.sluice.testkit.ConnectClusterFixture;
import io.sluice.testkit.ConnectRest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static io.sluice.connect.postgres.it.PgConnector.timeout;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One connector over tables read in different ways through per-table keys ({@code sync.mode.<schema>.<table>},
 * {@code cursor.columns.<schema>.<table>}, {@code primary.key.<schema>.<table>},
 * {@code table.filter.<schema>.<table>}): a snapshot read once, an incremental table on a timestamp with its own key,
 * an incremental table on the connector's cursor with its own filter, a table created while running that takes its
 * own settings; a table whose mode changes between runs; and validation errors attached to the per-table key to
 * fix, through the REST API.
 */
class PostgresSourceTableSettingsIT {

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = new ConnectClusterExtension(PgConnector.clusterBuilder());

    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass("pgsrc_tbl");

    @AfterEach
    void deleteConnectors() {
        CONNECT.cluster().deleteAllConnectors();
    }

    private static String table(String name) {
        return db.schema() + "." + name;
    }

    @Test
    void eachTableIsReadInItsOwnModeWithItsOwnCursorKeyAndFilter() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        db.execute("CREATE TABLE ts_snapshot (id int PRIMARY KEY, name text)",
                "INSERT INTO ts_snapshot SELECT g, 'c' || g FROM generate_series(1, 10) g",
                // no primary key: primary.key.<table> names the column that identifies a row
                "CREATE TABLE ts_events (id bigint NOT NULL UNIQUE, created_at timestamptz NOT NULL, seq bigint)",
                "INSERT INTO ts_events SELECT g, timestamptz '2024-03-01 00:00:00+00' + (g / 3) * interval '1 minute', "
                        + "1000 - g FROM generate_series(1, 30) g",
                "CREATE TABLE ts_orders (id int PRIMARY KEY, seq bigint NOT NULL, tenant_id int NOT NULL)",
                "INSERT INTO ts_orders SELECT g, g, 8 - g % 2 FROM generate_series(1, 40) g");
        Map<String, String> config = PgConnector.config(db.schema(), "mix.");
        config.put("table.include.list", ".*\\.ts_.*");
        config.put("full.refresh.interval.ms", "0");
        config.put("cursor.columns", "seq");
        config.put("batch.size", "7");
        config.put("sync.mode." + table("ts_events"), "incremental");
        config.put("cursor.columns." + table("ts_events"), "created_at");
        config.put("primary.key." + table("ts_events"), "id");
        config.put("sync_mode." + table("ts_orders"), "incremental");
        config.put("table.filter." + table("ts_orders"), "tenant_id = 7");
        // a table created later takes its settings when the connector discovers it
        config.put("sync.mode." + table("ts_later"), "incremental");
        config.put("cursor.columns." + table("ts_later"), "changed");
        cluster.createConnector("mix", config);

        List<Long> snapshot = ids(cluster.consumeExactly(topic("mix.", "ts_snapshot"), 10, timeout()));
        assertThat(snapshot).as("full refresh in key order").isEqualTo(range(1, 10));
        List<ConsumerRecord<byte[], byte[]>> events = cluster.consumeExactly(topic("mix.", "ts_events"), 30, timeout());
        assertThat(ids(events)).as("by created_at, then id: its own cursor and key, not the connector's seq")
                .isEqualTo(range(1, 30));
        assertThat(Records.key(events.get(0)).toString()).isEqualTo("{\"id\":1}");
        List<Long> orders = ids(cluster.consumeExactly(topic("mix.", "ts_orders"), 20, timeout()));
        assertThat(orders).as("tenant 7 only, by seq").isEqualTo(odd(1, 40));

        PostgresSourceIT.awaitOffset(cluster, "mix", Map.of("table", table("ts_snapshot")), "done");
        Map<String, Object> eventsOffset = PostgresSourceIT.awaitOffset(cluster, "mix",
                Map.of("table", table("ts_events")), "cursor");
        assertThat(eventsOffset).containsEntry("mode", "incremental")
                .containsEntry("cursor", "2024-03-01 00:10:00+00").containsEntry("key", "30");
        assertThat(PostgresSourceIT.awaitOffset(cluster, "mix", Map.of("table", table("ts_orders")), "cursor"))
                .containsEntry("mode", "incremental").containsEntry("cursor", "39").containsEntry("key", "39");

        // new rows everywhere: the snapshot was read once, the incremental tables go on from their positions
        db.execute("INSERT INTO ts_snapshot VALUES (11, 'late')",
                "INSERT INTO ts_events SELECT g, timestamptz '2024-03-02 00:00:00+00' + g * interval '1 second', 0 "
                        + "FROM generate_series(31, 45) g",
                "INSERT INTO ts_orders SELECT g, g, 8 - g % 2 FROM generate_series(41, 50) g");
        assertThat(ids(cluster.consumeExactly(topic("mix.", "ts_events"), 45, timeout()))).isEqualTo(range(1, 45));
        assertThat(ids(cluster.consumeExactly(topic("mix.", "ts_orders"), 25, timeout()))).isEqualTo(odd(1, 50));
        assertThat(ids(cluster.consumeAll(topic("mix.", "ts_snapshot"), timeout())))
                .as("read once (full.refresh.interval.ms=0): the new row is not read").isEqualTo(range(1, 10));

        db.execute("CREATE TABLE ts_later (id int PRIMARY KEY, changed timestamptz NOT NULL DEFAULT clock_timestamp())",
                "INSERT INTO ts_later (id) SELECT g FROM generate_series(1, 5) g");
        cluster.consumeExactly(topic("mix.", "ts_later"), 5, timeout());
        db.execute("INSERT INTO ts_later (id) SELECT g FROM generate_series(6, 9) g");
        assertThat(ids(cluster.consumeExactly(topic("mix.", "ts_later"), 9, timeout())))
                .as("incremental by its own cursor, not a snapshot read once").isEqualTo(range(1, 9));
    }

    @Test
    void aTableWhoseModeChangesIsReadFromTheStartInItsNewModeAndTheOthersResume() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        db.execute("CREATE TABLE mc_switch (id int PRIMARY KEY)",
                "INSERT INTO mc_switch SELECT g FROM generate_series(1, 12) g",
                "CREATE TABLE mc_steady (id int PRIMARY KEY)",
                "INSERT INTO mc_steady SELECT g FROM generate_series(1, 8) g");
        Map<String, String> config = PgConnector.incremental(PgConnector.config(db.schema(), "mc."), "id");
        config.put("table.include.list", ".*\\.mc_.*");
        config.put("full.refresh.interval.ms", "0");
        cluster.createConnector("mc", config);
        cluster.consumeExactly(topic("mc.", "mc_switch"), 12, timeout());
        cluster.consumeExactly(topic("mc.", "mc_steady"), 8, timeout());
        PostgresSourceIT.awaitOffset(cluster, "mc", Map.of("table", table("mc_switch")), "cursor");
        PostgresSourceIT.awaitOffset(cluster, "mc", Map.of("table", table("mc_steady")), "cursor");

        // an offset of the other mode is refused for the table that stays incremental
        config.put("sync.mode." + table("mc_switch"), "full_refresh");
        cluster.rest().put("connectors/mc/stop", null).ok();
        cluster.awaitStatus("mc", s -> "STOPPED".equals(s.connector().state()) && s.tasks().isEmpty(), timeout(),
                "STOPPED");
        cluster.createConnector("mc", config);
        Map<String, Object> entry = new HashMap<>();
        entry.put("partition", Map.of("table", table("mc_steady")));
        entry.put("offset", Map.of("v", 1, "mode", "full_refresh", "run", 1, "done", true));
        ConnectRest.Response refused = cluster.rest().send("PATCH", "connectors/mc/offsets",
                Map.of("offsets", List.of(entry)));
        // Connect answers a ConnectException from alterOffsets() with 500 and the connector's message
        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.body()).contains("not the sync mode of the partition, 'incremental' (sync.mode)");
        // and an incremental offset for the table switched to full refresh, naming the table's own key
        entry.put("partition", Map.of("table", table("mc_switch")));
        entry.put("offset", Map.of("v", 2, "mode", "incremental", "cursor", "3", "key", "3"));
        ConnectRest.Response switchedRefused = cluster.rest().send("PATCH", "connectors/mc/offsets",
                Map.of("offsets", List.of(entry)));
        assertThat(switchedRefused.status()).isEqualTo(500);
        assertThat(switchedRefused.body()).contains("not the sync mode of the partition, 'full_refresh' (sync.mode."
                + table("mc_switch") + ")");

        cluster.rest().put("connectors/mc/resume", null).ok();
        cluster.awaitRunning("mc", 1);
        Map<String, Object> switched = PostgresSourceIT.awaitOffset(cluster, "mc",
                Map.of("table", table("mc_switch")), "done");
        assertThat(switched).containsEntry("mode", "full_refresh");
        assertThat(ids(cluster.consumeExactly(topic("mc.", "mc_switch"), 24, timeout())).subList(12, 24))
                .as("its incremental offset does not fit a full refresh: read again from the start")
                .isEqualTo(range(1, 12));
        db.execute("INSERT INTO mc_steady VALUES (9)");
        assertThat(ids(cluster.consumeExactly(topic("mc.", "mc_steady"), 9, timeout())))
                .as("still incremental: resumed at its offset").isEqualTo(range(1, 9));
    }

    @Test
    void aTableWhoseCursorColumnsChangeIsReadFromTheStartByTheNewOnes() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        db.execute("CREATE TABLE cc_rows (id int PRIMARY KEY, seq bigint NOT NULL, other bigint NOT NULL)",
                "INSERT INTO cc_rows SELECT g, g, g FROM generate_series(1, 12) g");
        Map<String, String> config = PgConnector.config(db.schema(), "cc.");
        config.put("table.include.list", ".*\\.cc_rows");
        config.put("sync.mode." + table("cc_rows"), "incremental");
        config.put("cursor.columns." + table("cc_rows"), "seq");
        cluster.createConnector("cc", config);
        cluster.consumeExactly(topic("cc.", "cc_rows"), 12, timeout());
        assertThat(PostgresSourceIT.awaitOffset(cluster, "cc", Map.of("table", table("cc_rows")), "cursor"))
                .containsEntry("cursor.column", "seq").containsEntry("key.column", "id")
                .containsEntry("cursor", "12");

        // the position (12, 12) of (seq, id) is no position of (other, id): applied to it, no row would be read
        cluster.rest().put("connectors/cc/stop", null).ok();
        cluster.awaitStatus("cc", s -> "STOPPED".equals(s.connector().state()) && s.tasks().isEmpty(), timeout(),
                "STOPPED");
        config.put("cursor.columns." + table("cc_rows"), "other");
        cluster.createConnector("cc", config);
        cluster.rest().put("connectors/cc/resume", null).ok();
        cluster.awaitRunning("cc", 1);
        assertThat(ids(cluster.consumeExactly(topic("cc.", "cc_rows"), 24, timeout())).subList(12, 24))
                .as("read again from the start by its new cursor").isEqualTo(range(1, 12));
        Map<String, String> partition = Map.of("table", table("cc_rows"));
        ConnectClusterFixture.await(() -> "other".equals(cluster.offsets("cc").get(partition).get("cursor.column")),
                timeout(), () -> "an offset by the new cursor: " + cluster.offsets("cc"));
        assertThat(new HashMap<String, Object>(cluster.offsets("cc").get(partition)))
                .containsEntry("cursor", "12").containsEntry("key.column", "id");
    }

    @Test
    void withSplitRowsOnlyTheTablesReadByFullRefreshAreCutIntoKeyRanges() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        db.execute("CREATE TABLE sr_inc (id bigint PRIMARY KEY)",
                "INSERT INTO sr_inc SELECT g FROM generate_series(1, 300) g",
                "CREATE TABLE sr_full (id bigint PRIMARY KEY)",
                "INSERT INTO sr_full SELECT g FROM generate_series(1, 300) g");
        Map<String, String> base = PgConnector.config(db.schema(), "");
        base.put("table.include.list", ".*\\.sr_.*");
        base.put("full.refresh.interval.ms", "0");
        base.put("full.refresh.split.rows", "100");
        base.put("batch.size", "40");
        base.put("tasks.max", "3");

        // a full refresh default: the table made incremental is one partition, the other is cut into three ranges
        Map<String, String> fullDefault = new HashMap<>(base);
        fullDefault.put("topic.prefix", "srf.");
        fullDefault.put("sync.mode." + table("sr_inc"), "incremental");
        fullDefault.put("cursor.columns." + table("sr_inc"), "id");
        assertSplitAsConfigured(cluster, "srf", fullDefault);
        cluster.deleteConnector("srf");

        // an incremental default: the table made full refresh is cut into ranges, the incremental one is not
        Map<String, String> incrementalDefault = PgConnector.incremental(base, "id");
        incrementalDefault.put("topic.prefix", "sri.");
        incrementalDefault.put("sync.mode." + table("sr_full"), "full_refresh");
        assertSplitAsConfigured(cluster, "sri", incrementalDefault);
    }

    private static void assertSplitAsConfigured(ConnectClusterFixture cluster, String name,
                                                Map<String, String> config) {
        cluster.createConnector(name, config);
        cluster.awaitRunning(name, 3);
        for (String t : List.of("sr_inc", "sr_full")) {
            List<Long> read = ids(cluster.consumeExactly(topic(name + ".", t), 300, timeout()));
            assertThat(Records.checkIds(read, 1, 300, true)).as(name + " " + t).isEmpty();
        }
        PostgresSourceIT.awaitOffset(cluster, name, Map.of("table", table("sr_inc")), "cursor");
        ConnectClusterFixture.await(() -> cluster.offsets(name).values().stream()
                        .filter(o -> Boolean.TRUE.equals(o.get("done"))).count() == 3, timeout(),
                () -> "three key ranges of sr_full done: " + cluster.offsets(name));
        assertThat(cluster.offsets(name).keySet().stream().map(p -> p.get("table") + " " + p.get("range")).toList())
                .containsExactlyInAnyOrder(table("sr_inc") + " null",
                        table("sr_full") + " [null,[\"100\"]]", table("sr_full") + " [[\"100\"],[\"200\"]]",
                        table("sr_full") + " [[\"200\"],null]");
        Map<String, Object> incremental = new HashMap<String, Object>(cluster.offsets(name)
                .get(Map.of("table", table("sr_inc"))));
        assertThat(incremental).containsEntry("mode", "incremental").containsEntry("cursor", "300");
        for (String t : List.of("sr_inc", "sr_full")) {
            assertThat(cluster.consumeAll(topic(name + ".", t), timeout())).as("no row twice").hasSize(300);
        }
    }

    @Test
    void validateChecksEachTablesSyncFromAgainstItsCursorTypeAndNamesTheKeysAsTyped() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        db.execute("CREATE TABLE vs_a (id bigint PRIMARY KEY, changed timestamptz NOT NULL, doc json NOT NULL)",
                "CREATE TABLE vs_b (id bigint PRIMARY KEY)");
        Map<String, String> config = PgConnector.incremental(PgConnector.config(db.schema(), "vs."), "changed");
        config.put("table.include.list", ".*\\.vs_.*,.*\\.Vs_b");
        config.put("sync.from", "2024-01-01 00:00:00+00");
        config.put("cursor.columns." + table("vs_b"), "id");
        assertThat(errors(validate(cluster, config), "sync.from")).singleElement().asString()
                .contains("'2024-01-01 00:00:00+00' is no value of type int8 of cursor column id of table "
                        + table("vs_b"))
                .contains("Set sync.from." + table("vs_b") + " for this table");

        config.put("sync_from." + table("vs_b"), "ten");
        JsonNode result = validate(cluster, config);
        assertThat(errors(result, "sync_from." + table("vs_b"))).as("on the name as typed").singleElement()
                .asString().contains("'ten' is no value of type int8").contains("Set sync_from." + table("vs_b"));
        assertThat(result.get("error_count").asInt()).isEqualTo(1);

        config.put("sync_from." + table("vs_b"), "1000");
        config.put("primary.key." + table("vs_a"), "doc");
        config.put("table.filter." + db.schema() + ".Vs_b", "true");
        result = validate(cluster, config);
        assertThat(errors(result, "primary.key." + table("vs_a")))
                .as("the key's type has no ordering, not the cursor's").singleElement().asString()
                .contains("could not identify an ordering operator for type json");
        assertThat(errors(result, "table.filter." + db.schema() + ".Vs_b")).singleElement().asString()
                .contains("did you mean '" + table("vs_b") + "'?")
                .contains("set table.filter." + table("vs_b") + " instead");
        assertThat(result.get("error_count").asInt()).isEqualTo(2);

        config.remove("primary.key." + table("vs_a"));
        config.remove("table.filter." + db.schema() + ".Vs_b");
        config.put("batch.size." + table("vs_a"), "10");
        assertThat(errors(validate(cluster, config), "batch.size." + table("vs_a"))).singleElement().asString()
                .contains("is not a key of this connector");
        config.remove("batch.size." + table("vs_a"));
        assertThat(validate(cluster, config).get("error_count").asInt()).isZero();
    }

    @Test
    void validateSuggestsThePerTableKeyForAValueATableTakesFromTheConnector() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        db.execute("CREATE TABLE vm_nokey (id int NOT NULL, seq bigint NOT NULL)",
                "CREATE TABLE vm_other (id int PRIMARY KEY, changed timestamptz NOT NULL)");
        Map<String, String> config = PgConnector.incremental(PgConnector.config(db.schema(), "vm."), "seq");
        config.put("table.include.list", ".*\\.vm_.*");
        config.put("table.filter", "seq > 0");
        JsonNode result = validate(cluster, config);
        assertThat(errors(result, "primary.key")).singleElement().asString()
                .contains("table " + table("vm_nokey") + " has no primary key")
                .contains("set primary.key." + table("vm_nokey") + " (or primary.key for every table)")
                .contains("sync.mode." + table("vm_nokey") + "=full_refresh");
        assertThat(errors(result, "cursor.columns")).singleElement().asString()
                .contains("has no column seq named in cursor.columns")
                .contains("Fix cursor.columns, or set cursor.columns." + table("vm_other") + " for this table only");

        config.put("sync.mode." + table("vm_nokey"), "full_refresh");
        config.put("cursor.columns." + table("vm_other"), "changed");
        assertThat(errors(validate(cluster, config), "table.filter")).singleElement().asString()
                .contains(table("vm_other") + " cannot be read")
                .contains("Fix table.filter, or set table.filter." + table("vm_other") + " for this table only");
    }

    @Test
    void validateAttachesEachProblemToThePerTableKeyToFix() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        db.execute("CREATE TABLE v_rows (id int PRIMARY KEY, doc json, code text, changed timestamptz NOT NULL)");
        Map<String, String> config = PgConnector.config(db.schema(), "v.");
        config.put("table.include.list", ".*\\.v_rows");
        config.put("sync.mode." + table("v_rows"), "cdc");
        config.put("table.filter.public.v_rows", "true");
        JsonNode result = validate(cluster, config);
        assertThat(errors(result, "sync.mode." + table("v_rows"))).singleElement().asString()
                .contains("must be one of full_refresh, incremental");
        assertThat(errors(result, "table.filter.public.v_rows")).singleElement().asString()
                .contains("names table 'public.v_rows', which the selection never matches");
        assertThat(result.get("error_count").asInt()).isEqualTo(2);

        config.remove("table.filter.public.v_rows");
        config.put("sync.mode." + table("v_rows"), "incremental");
        assertThat(errors(validate(cluster, config), "sync.mode." + table("v_rows"))).singleElement().asString()
                .contains("needs cursor columns: set cursor.columns." + table("v_rows"));

        config.put("cursor.columns." + table("v_rows"), "updated_at");
        assertThat(errors(validate(cluster, config), "cursor.columns." + table("v_rows"))).singleElement()
                .asString().contains("has no column updated_at named in cursor.columns." + table("v_rows"));

        config.put("cursor.columns." + table("v_rows"), "doc");
        assertThat(errors(validate(cluster, config), "cursor.columns." + table("v_rows"))).singleElement()
                .asString().contains("could not identify an ordering operator for type json");

        config.put("cursor.columns." + table("v_rows"), "changed");
        config.put("primary.key." + table("v_rows"), "code");
        assertThat(errors(validate(cluster, config), "primary.key." + table("v_rows"))).singleElement()
                .asString().contains("column code named in primary.key." + table("v_rows") + " may be NULL");

        config.remove("primary.key." + table("v_rows"));
        config.put("table.filter." + table("v_rows"), "no_such_column > 1");
        assertThat(errors(validate(cluster, config), "table.filter." + table("v_rows"))).singleElement()
                .asString().contains("no_such_column");

        config.put("table.filter." + table("v_rows"), "code <> ''");
        assertThat(validate(cluster, config).get("error_count").asInt()).isZero();
    }

    private static JsonNode validate(ConnectClusterFixture cluster, Map<String, String> config) {
        Map<String, String> body = new HashMap<>(config);
        body.put("name", "validate-only");
        return cluster.rest().put("connector-plugins/PostgresSourceConnector/config/validate", body).ok().json();
    }

    private static List<String> errors(JsonNode result, String key) {
        List<String> errors = new ArrayList<>();
        for (JsonNode config : result.get("configs")) {
            if (key.equals(config.path("value").path("name").asText())) {
                config.path("value").path("errors").forEach(e -> errors.add(e.asText()));
            }
        }
        return errors;
    }

    private static String topic(String prefix, String name) {
        return prefix + table(name);
    }

    private static List<Long> ids(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(Records::id).toList();
    }

    private static List<Long> range(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    private static List<Long> odd(long first, long last) {
        return LongStream.rangeClosed(first, last).filter(i -> i % 2 == 1).boxed().toList();
    }
}
