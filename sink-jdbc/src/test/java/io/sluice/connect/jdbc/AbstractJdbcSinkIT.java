package io.sluice.connect.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.connect.jdbc.it.Backend;
import io.sluice.connect.jdbc.it.Envelopes;
import io.sluice.testkit.ConnectClusterExtension;
import io.sluice.testkit.ConnectClusterFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sink in a real Connect cluster, installed from its plugin ZIP and driven over the REST API, against one
 * database per subclass: every insert mode and key mode, tombstones, schema evolution, schemaless JSON, poisoned
 * records and hostile names. Each subclass runs one cluster.
 */
abstract class AbstractJdbcSinkIT {

    static final String CONNECTOR_CLASS = "io.sluice.connect.jdbc.JdbcSinkConnector";
    static final String JSON_CONVERTER = "org.apache.kafka.connect.json.JsonConverter";
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = new ConnectClusterExtension(
            ConnectClusterFixture.builder().workerProp("plugin.discovery", "service_load"));

    /** @return the database under test */
    abstract Backend backend();

    /** @return a short name of the database, unique per subclass, prefixing topics and tables */
    abstract String prefix();

    /**
     * @return DDL of a table with {@code id} (primary key), {@code name} text, {@code created} timestamp,
     *         {@code payload} JSON, {@code amount} decimal(10,2) and, where the database has it, {@code ref} uuid
     */
    abstract String schemalessTableDdl(String table);

    /** @return DDL of a table with {@code id} (primary key), {@code qty} integer NOT NULL, {@code code} at most 5 characters */
    abstract String poisonTableDdl(String table);

    @AfterEach
    void deleteConnectors() {
        CONNECT.cluster().deleteAllConnectors();
    }

    /** @return the URL the connector is given; by default the backend's */
    String sinkUrl() {
        return backend().url();
    }

    Map<String, String> config(String topic, String insertMode, String pkMode, String pkFields) {
        Map<String, String> config = new HashMap<>(backend().credentials());
        config.put("connector.class", CONNECTOR_CLASS);
        config.put("tasks.max", "1");
        config.put("topics", topic);
        config.put("connection.url", sinkUrl());
        config.put("insert.mode", insertMode);
        config.put("pk.mode", pkMode);
        if (pkFields != null) {
            config.put("pk.fields", pkFields);
        }
        config.put("auto.create", "true");
        config.put("auto.evolve", "true");
        config.put("key.converter", JSON_CONVERTER);
        config.put("key.converter.schemas.enable", "true");
        config.put("value.converter", JSON_CONVERTER);
        config.put("value.converter.schemas.enable", "true");
        return config;
    }

    void produce(String topic, String key, String value) {
        CONNECT.cluster().cluster().kafka().produce(topic, key, value);
    }

    void awaitCount(String table, long expected) {
        ConnectClusterFixture.await(() -> backend().count(table) == expected, TIMEOUT,
                () -> "table " + table + " has " + backend().count(table) + " rows, not " + expected + "; "
                        + CONNECT.cluster().describeConnectors());
    }

    String select(String table, String columns, String where) {
        Backend db = backend();
        return "SELECT " + columns + " FROM " + db.quote(table) + (where == null ? "" : " WHERE " + where)
                + " ORDER BY " + db.quote("id");
    }

    @Test
    void insertWritesEveryTypeIntoACreatedTable() throws SQLException {
        String topic = prefix() + "-insert";
        backend().drop(topic);
        CONNECT.cluster().createTopic(topic, 2);
        CONNECT.cluster().createConnector(topic, config(topic, "insert", "none", null));
        for (int id = 1; id <= 60; id++) {
            produce(topic, null, Envelopes.order(id, 1));
        }
        awaitCount(topic, 60);
        Backend db = backend();
        Map<String, String> row = db.query(select(topic, "*", db.quote("id") + " = 12")).get(0);
        assertThat(row.get("name")).isEqualTo("order-12-v1");
        assertThat(new BigDecimal(row.get("amount"))).isEqualByComparingTo("12.25");
        assertThat(row.get("tags")).contains("\"t12\"").contains("\"x\"");
        assertThat(row.get("created")).contains("2026-01-01").contains("00:12:12");
        assertThat(row.get("day")).contains("2026-01-13");
        assertThat(row.get("at")).startsWith("00:00:12");
        assertThat(row.get("meta")).contains("\"k\"").contains("\"v12\"");
        assertThat(row.get("attrs")).contains("\"a\"").contains("12");
        assertThat(row.get("data")).isNotEmpty();
        assertThat(db.count(topic)).isEqualTo(60);
    }

    @Test
    void keyedInsertModeTakesRecordsDeliveredAgainAsWritten() throws SQLException {
        String topic = prefix() + "-replay";
        backend().drop(topic);
        CONNECT.cluster().createTopic(topic, 1);
        CONNECT.cluster().createConnector(topic, config(topic, "insert", "record_key", null));
        for (int id = 1; id <= 20; id++) {
            produce(topic, Envelopes.key(id), Envelopes.order(id, 1));
        }
        awaitCount(topic, 20);
        replayFromTheStart(topic);
        produce(topic, Envelopes.key(21), Envelopes.order(21, 1));
        awaitCount(topic, 21);
        assertThat(CONNECT.cluster().status(topic).tasks().get(0).state()).isEqualTo("RUNNING");
    }

    @Test
    void upsertKeepsTheLatestRecordPerKeyAndRedeliveryChangesNothing() throws SQLException {
        String topic = prefix() + "-upsert";
        backend().drop(topic);
        CONNECT.cluster().createTopic(topic, 1);
        CONNECT.cluster().createConnector(topic, config(topic, "upsert", "record_key", null));
        for (int version = 1; version <= 2; version++) {
            for (int id = 1; id <= 30; id++) {
                produce(topic, Envelopes.key(id), Envelopes.order(id, version));
            }
        }
        for (int id = 1; id <= 10; id++) {
            produce(topic, Envelopes.key(id), Envelopes.order(id, 3));
        }
        produce(topic, Envelopes.key(31), Envelopes.order(31, 1));
        awaitCount(topic, 31);
        assertLatestVersions(topic, 31);

        replayFromTheStart(topic);
        produce(topic, Envelopes.key(32), Envelopes.order(32, 1));
        awaitCount(topic, 32);
        assertLatestVersions(topic, 32);
        assertThat(CONNECT.cluster().status(topic).tasks().get(0).state()).isEqualTo("RUNNING");
    }

    /** Connect delivers every record of the connector's topic again, as after a crash before any commit. */
    private static void replayFromTheStart(String connector) {
        CONNECT.cluster().cluster().stopConnector(connector);
        CONNECT.cluster().awaitStatus(connector, s -> "STOPPED".equals(s.connector().state()), TIMEOUT,
                "connector STOPPED");
        CONNECT.cluster().cluster().resetConnectorOffsets(connector);
        CONNECT.cluster().cluster().resumeConnector(connector);
    }

    /** Rows 1-10 at version 3, 11-30 at version 2, every later one at version 1, and nothing else. */
    private void assertLatestVersions(String topic, int rowCount) throws SQLException {
        Backend db = backend();
        List<Map<String, String>> rows = db.query(select(topic, db.quote("id") + ", " + db.quote("name"), null));
        assertThat(rows).hasSize(rowCount);
        for (Map<String, String> row : rows) {
            long id = Long.parseLong(row.get("id"));
            int expected = id <= 10 ? 3 : id <= 30 ? 2 : 1;
            assertThat(row.get("name")).as("row " + id).isEqualTo("order-" + id + "-v" + expected);
        }
    }

    @Test
    void updateChangesExistingRowsOnly() throws SQLException {
        String topic = prefix() + "-update";
        Backend db = backend();
        db.drop(topic);
        db.execute("CREATE TABLE " + db.quote(topic) + " (" + db.quote("id") + " " + db.bigint() + " PRIMARY KEY, "
                + db.quote("name") + " " + db.keyText() + ")");
        for (int id = 1; id <= 5; id++) {
            db.execute("INSERT INTO " + db.quote(topic) + " VALUES (" + id + ", 'old')");
        }
        CONNECT.cluster().createTopic(topic, 1);
        Map<String, String> config = config(topic, "update", "record_value", "id");
        config.put("auto.create", "false");
        config.put("auto.evolve", "false");
        CONNECT.cluster().createConnector(topic, config);
        for (long id = 1; id <= 8; id++) {
            produce(topic, null, Envelopes.struct(List.of(new Object[] {"id", "int64", id},
                    new Object[] {"name", "string", "new-" + id})));
        }
        ConnectClusterFixture.await(() -> db.query(select(topic, db.quote("name"), db.quote("name") + " = 'new-5'"))
                .size() == 1, TIMEOUT, () -> "row 5 was not updated; " + CONNECT.cluster().describeConnectors());
        List<Map<String, String>> rows = db.query(select(topic, "*", null));
        assertThat(rows).extracting(r -> r.get("name")).containsExactly("new-1", "new-2", "new-3", "new-4", "new-5");
    }

    @Test
    void kafkaCoordinatesKeyEveryRecord() throws SQLException {
        String topic = prefix() + "-kafka";
        backend().drop(topic);
        CONNECT.cluster().createTopic(topic, 1);
        CONNECT.cluster().createConnector(topic, config(topic, "upsert", "kafka", null));
        for (int i = 0; i < 20; i++) {
            produce(topic, null, Envelopes.order(1, i));
        }
        awaitCount(topic, 20);
        Backend db = backend();
        Set<Long> offsets = new TreeSet<>();
        for (Map<String, String> row : db.query("SELECT " + db.quote("__connect_offset") + " AS o, "
                + db.quote("__connect_topic") + " AS t FROM " + db.quote(topic))) {
            offsets.add(Long.parseLong(row.get("o")));
            assertThat(row.get("t")).isEqualTo(topic);
        }
        assertThat(offsets).hasSize(20).first().isEqualTo(0L);
    }

    @Test
    void tombstonesDeleteRowsOrMarkThemArchived() throws SQLException {
        Backend db = backend();
        String hard = prefix() + "-hard";
        String soft = prefix() + "-soft";
        db.drop(hard);
        db.drop(soft);
        CONNECT.cluster().createTopic(hard, 1);
        CONNECT.cluster().createTopic(soft, 1);
        Map<String, String> hardConfig = config(hard, "upsert", "record_key", null);
        hardConfig.put("delete.mode", "hard");
        Map<String, String> softConfig = config(soft, "upsert", "record_key", null);
        softConfig.put("delete.mode", "soft");
        CONNECT.cluster().createConnector(hard, hardConfig);
        CONNECT.cluster().createConnector(soft, softConfig);
        for (String topic : List.of(hard, soft)) {
            for (int id = 1; id <= 10; id++) {
                produce(topic, Envelopes.key(id), Envelopes.order(id, 1));
            }
            for (int id = 1; id <= 4; id++) {
                produce(topic, Envelopes.key(id), null);
            }
            // deleted, then written again: the row is back
            produce(topic, Envelopes.key(2), Envelopes.order(2, 2));
            produce(topic, Envelopes.key(11), Envelopes.order(11, 1));
        }
        awaitCount(hard, 8);
        ConnectClusterFixture.await(() -> db.query(select(soft, db.quote("id"), db.quote("archived_at")
                + " IS NOT NULL")).size() == 3 && db.count(soft) == 11, TIMEOUT,
                () -> "soft deletes missing; " + CONNECT.cluster().describeConnectors());
        assertThat(db.query(select(hard, db.quote("id"), null))).extracting(r -> r.get("id"))
                .containsExactly("2", "5", "6", "7", "8", "9", "10", "11");
        assertThat(db.query(select(soft, db.quote("id"), db.quote("archived_at") + " IS NOT NULL")))
                .extracting(r -> r.get("id")).containsExactly("1", "3", "4");
    }

    @Test
    void addsAColumnWhenTheSchemaGainsAField() throws SQLException {
        String topic = prefix() + "-evolve";
        Backend db = backend();
        db.drop(topic);
        CONNECT.cluster().createTopic(topic, 1);
        CONNECT.cluster().createConnector(topic, config(topic, "upsert", "record_value", "id"));
        for (int id = 1; id <= 5; id++) {
            produce(topic, null, Envelopes.order(id, 1));
        }
        awaitCount(topic, 5);
        for (int id = 6; id <= 10; id++) {
            produce(topic, null, Envelopes.order(id, 1, "note-" + id));
        }
        awaitCount(topic, 10);
        List<Map<String, String>> rows = db.query(select(topic, db.quote("id") + ", " + db.quote("note"), null));
        assertThat(rows.get(0).get("note")).isNull();
        assertThat(rows.get(9).get("note")).isEqualTo("note-10");
    }

    @Test
    void schemalessJsonFillsTheColumnsOfAnExistingTable() throws SQLException {
        String topic = prefix() + "-schemaless";
        Backend db = backend();
        db.drop(topic);
        db.execute(schemalessTableDdl(topic));
        CONNECT.cluster().createTopic(topic, 1);
        Map<String, String> config = config(topic, "upsert", "record_value", "id");
        config.put("value.converter.schemas.enable", "false");
        config.put("auto.create", "false");
        config.put("auto.evolve", "false");
        CONNECT.cluster().createConnector(topic, config);
        for (int id = 1; id <= 10; id++) {
            produce(topic, null, "{\"id\":" + id + ",\"name\":\"n" + id + "\",\"created\":\"2026-03-0" + (id % 9 + 1)
                    + "T10:00:00Z\",\"payload\":{\"a\":" + id + ",\"b\":[1,2]},\"amount\":\"" + id + ".50\","
                    + "\"ref\":\"6f1c2b1e-0000-4000-8000-00000000000" + (id % 10) + "\",\"extra\":\"no column\"}");
        }
        awaitCount(topic, 10);
        Map<String, String> row = db.query(select(topic, "*", db.quote("id") + " = 3")).get(0);
        assertThat(row.get("name")).isEqualTo("n3");
        assertThat(row.get("payload")).contains("\"a\"").contains("3");
        assertThat(new BigDecimal(row.get("amount"))).isEqualByComparingTo("3.50");
        assertThat(row.get("created")).contains("2026-03-04");
    }

    @Test
    void poisonedRecordsGoToTheDeadLetterQueueAndEveryOtherRecordLands() throws SQLException {
        String topic = prefix() + "-poison";
        String dlq = topic + "-dlq";
        Backend db = backend();
        db.drop(topic);
        db.execute(poisonTableDdl(topic));
        CONNECT.cluster().createTopic(topic, 1);
        Map<String, String> config = config(topic, "upsert", "record_value", "id");
        config.put("value.converter.schemas.enable", "false");
        config.put("auto.create", "false");
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", dlq);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        CONNECT.cluster().createConnector(topic, config);
        for (int id = 1; id <= 30; id++) {
            String value = switch (id) {
                case 7 -> "{\"id\":7,\"qty\":\"not a number\",\"code\":\"a\"}";
                case 15 -> "{\"id\":15,\"qty\":null,\"code\":\"b\"}";
                case 22 -> "{\"id\":22,\"qty\":1,\"code\":\"far too long\"}";
                default -> "{\"id\":" + id + ",\"qty\":" + id + ",\"code\":\"c" + id + "\"}";
            };
            produce(topic, null, value);
        }
        awaitCount(topic, 27);
        assertThat(CONNECT.cluster().consumeExactly(dlq, 3, TIMEOUT)).hasSize(3);
        assertThat(db.query(select(topic, db.quote("id"), null))).extracting(r -> r.get("id"))
                .doesNotContain("7", "15", "22").hasSize(27);
    }

    @Test
    void hostileTopicAndFieldNamesAreQuoted() throws SQLException {
        String topic = prefix() + "-hostile.name_x";
        String table = "h\"`; DROP TABLE x; -- " + topic;
        Backend db = backend();
        db.drop(table);
        CONNECT.cluster().createTopic(topic, 1);
        Map<String, String> config = config(topic, "upsert", "record_value", "id");
        config.put("table.name.format", "h\"`; DROP TABLE x; -- ${topic}");
        CONNECT.cluster().createConnector(topic, config);
        for (long id = 1; id <= 5; id++) {
            produce(topic, null, Envelopes.struct(List.of(new Object[] {"id", "int64", id},
                    new Object[] {"select", "string", "s" + id}, new Object[] {"a\"b`c", "string", "q" + id},
                    new Object[] {"semi;colon --", "int32", (int) id})));
        }
        awaitCount(table, 5);
        Map<String, String> row = db.query(select(table, "*", db.quote("id") + " = 4")).get(0);
        assertThat(row).containsEntry("select", "s4").containsEntry("a\"b`c", "q4").containsEntry("semi;colon --", "4");
    }

    @Test
    void aBadRecordWithoutErrorToleranceFailsTheTaskNamingIt() throws SQLException {
        String topic = prefix() + "-strict";
        Backend db = backend();
        db.drop(topic);
        db.execute(poisonTableDdl(topic));
        CONNECT.cluster().createTopic(topic, 1);
        Map<String, String> config = config(topic, "upsert", "record_value", "id");
        config.put("value.converter.schemas.enable", "false");
        config.put("auto.create", "false");
        CONNECT.cluster().createConnector(topic, config);
        produce(topic, null, "{\"id\":1,\"qty\":1,\"code\":\"a\"}");
        produce(topic, null, "{\"id\":2,\"qty\":null,\"code\":\"b\"}");
        produce(topic, null, "{\"id\":3,\"qty\":3,\"code\":\"c\"}");
        String trace = CONNECT.cluster().awaitTaskFailed(topic, TIMEOUT).tasks().get(0).trace();
        assertThat(trace).contains("topic '" + topic + "' partition 0 offset 1").contains("errors.tolerance=all");
        assertThat(db.query(select(topic, db.quote("id"), null))).extracting(r -> r.get("id"))
                .as("rows written before the task failed").doesNotContain("2");
    }

    @Test
    void healthAndMetricsReportTheServerAndTheRowsWritten() throws Exception {
        String topic = prefix() + "-health";
        backend().drop(topic);
        CONNECT.cluster().createTopic(topic, 1);
        CONNECT.cluster().createConnector(topic, config(topic, "upsert", "record_key", null));
        for (int id = 1; id <= 10; id++) {
            produce(topic, Envelopes.key(id), Envelopes.order(id, 1));
        }
        produce(topic, Envelopes.key(1), null);
        awaitCount(topic, 10);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName health = new ObjectName("io.sluice.connect:type=health,connector=" + ObjectName.quote(topic));
        String json = (String) server.getAttribute(health, "HealthJson");
        assertThat(json).contains("\"status\":\"healthy\"").contains("\"connected\":true").contains("\"upsert\"")
                .contains("\"server:");
        ConnectClusterFixture.await(() -> metric(server, topic, "tombstones-skipped-total") == 1
                && metric(server, topic, "rows-created-total") + metric(server, topic, "rows-upserted-total") == 10,
                TIMEOUT, () -> "metrics of " + topic + " do not count 10 rows and 1 tombstone");
        assertThat(metric(server, topic, "batches-total")).isPositive();
    }

    /** A task metric of the connector, read from the worker's JMX reporter; -1 when it is not found. */
    private static double metric(MBeanServer server, String connector, String name) throws Exception {
        for (ObjectName mbean : server.queryNames(new ObjectName("kafka.connect:*"), null)) {
            String tag = mbean.getKeyProperty("connector");
            if (tag == null || !connector.equals(ObjectName.unquote(tag.startsWith("\"") ? tag : "\"" + tag + "\""))) {
                continue;
            }
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(mbean).getAttributes()) {
                if (attribute.getName().equals(name)) {
                    return ((Number) server.getAttribute(mbean, name)).doubleValue();
                }
            }
        }
        return -1;
    }

    @Test
    void validateConnectsAndPinsEachProblemOnItsKey() {
        String topic = prefix() + "-validate";
        String path = "connector-plugins/JdbcSinkConnector/config/validate";
        Map<String, String> valid = config(topic, "upsert", "record_key", null);
        valid.put("name", topic);
        JsonNode ok = CONNECT.cluster().rest().put(path, valid).ok().json();
        assertThat(ok.path("error_count").asInt()).as(ok.toString()).isZero();

        Map<String, String> keyless = config(topic, "upsert", "none", null);
        JsonNode result = CONNECT.cluster().rest().put(path, keyless).ok().json();
        assertThat(errors(result, "insert.mode")).as(result.toString()).anyMatch(e -> e.contains("pk.mode"));

        Map<String, String> unreachable = config(topic, "insert", "none", null);
        unreachable.put("connection.url", backend().url().startsWith("jdbc:sqlite:")
                ? "jdbc:sqlite:/nonexistent-dir/x/y.db" : "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
        JsonNode down = CONNECT.cluster().rest().put(path, unreachable).ok().json();
        assertThat(errors(down, "connection.url")).as(down.toString()).anyMatch(e -> e.contains("cannot connect"));
    }

    static List<String> errors(JsonNode validation, String key) {
        List<String> errors = new java.util.ArrayList<>();
        for (JsonNode config : validation.path("configs")) {
            if (key.equals(config.path("value").path("name").asText())) {
                config.path("value").path("errors").forEach(e -> errors.add(e.asText()));
            }
        }
        return errors;
    }
}
