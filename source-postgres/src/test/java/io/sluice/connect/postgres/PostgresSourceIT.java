package io.sluice.connect.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.connect.postgres.it.PgConnector;
import io.sluice.connect.postgres.it.Records;
import io.sluice.connect.postgres.it.TestDatabase;
import io.sluice.testkit.TopicTail;
import io.sluice.testkit.ConnectClusterExtension;
import io.sluice.testkit.ConnectClusterFixture;
import io.sluice.testkit.PostgresFixture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import static io.sluice.connect.postgres.it.PgConnector.timeout;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL source in a two-worker Connect cluster, installed from its plugin ZIP and driven over the REST
 * API against a real server: full refresh, incremental sync with runs of equal cursor values longer than a page,
 * sync.from, the seed-spec aliases, filters and column lists, a custom query, a transaction that commits late, a
 * table created while running, and four tasks on two workers sharing eight tables, each with exact counts.
 */
class PostgresSourceIT {

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = new ConnectClusterExtension(PgConnector.clusterBuilder().workers(2));

    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass("pgsrc_it");

    @AfterEach
    void deleteConnectors() {
        CONNECT.cluster().deleteAllConnectors();
    }

    @Test
    void fullRefreshOnceReadsEveryRowInPagesWithAliasesFilterAndColumns() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        db.execute("CREATE TABLE fr_orders (id bigint PRIMARY KEY, name text, amount numeric(10,2), note text)",
                "INSERT INTO fr_orders SELECT g, 'order-' || g, g * 1.25, 'n' FROM generate_series(1, 2500) g",
                "CREATE TABLE fr_other (id int PRIMARY KEY)");
        PostgresFixture server = PostgresFixture.get();
        Map<String, String> config = PgConnector.config(db.schema(), "fr.");
        // the seed-spec names for the connection, schema, mode and page size
        config.remove("connection.url");
        config.put("host", server.host());
        config.put("port", Integer.toString(server.port()));
        config.put("database", server.database());
        config.put("username", config.remove("connection.user"));
        config.put("schema", config.remove("schema.include.list"));
        config.put("sync_mode", "full_refresh");
        config.put("batch_size", "300");
        config.put("full.refresh.interval.ms", "0");
        config.put("table.include.list", ".*\\.fr_.*");
        config.put("table.exclude.list", ".*\\.fr_other");
        config.put("table.filter", "id % 5 <> 0");
        config.put("table.columns", "name,amount");
        cluster.createConnector("fr", config);

        List<ConsumerRecord<byte[], byte[]>> records =
                cluster.consumeExactly("fr." + db.schema() + ".fr_orders", 2000, timeout());
        List<Long> ids = records.stream().map(Records::id).toList();
        List<Long> expected = java.util.stream.LongStream.rangeClosed(1, 2500).filter(i -> i % 5 != 0).boxed().toList();
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
        ConsumerRecord<byte[], byte[]> seven = records.stream().filter(r -> Records.id(r) == 7).findFirst().orElseThrow();
        assertThat(Records.key(seven).toString()).isEqualTo("{\"id\":7}");
        JsonNode value = Records.value(seven);
        assertThat(value.get("name").asText()).isEqualTo("order-7");
        assertThat(value.has("note")).as("a column left out of table.columns").isFalse();
        Map<String, Object> offset = awaitOffset(cluster, "fr", Map.of("table", db.schema() + ".fr_orders"), "done");
        assertThat(offset).containsEntry("mode", "full_refresh").containsEntry("key", "2499")
                .containsEntry("done", true).containsKey("run");
        assertThat(cluster.offsets("fr").keySet()).as("partitions: fr_other is excluded")
                .containsExactly(Map.of("table", db.schema() + ".fr_orders"));
    }

    /** Waits until the committed offset of {@code partition} holds {@code field}, and returns it. */
    static Map<String, Object> awaitOffset(ConnectClusterFixture cluster, String name, Map<String, ?> partition,
                                      String field) {
        Object[] last = new Object[1];
        ConnectClusterFixture.await(() -> {
            Map<String, ?> offset = cluster.offsets(name).get(partition);
            last[0] = offset;
            return offset != null && offset.containsKey(field) && !Boolean.FALSE.equals(offset.get(field));
        }, timeout(), () -> "offset of " + partition + " never had " + field + ": " + last[0]);
        return new java.util.HashMap<>(cluster.offsets(name).get(partition));
    }

    /**
     * Runs with the default {@code read.ahead.batches} (pages read on a thread of the task's own) and with 0 (read on
     * Connect's poll thread); the in-process workers' threads show which one ran.
     */
    @ParameterizedTest(name = "read.ahead.batches={0}")
    @ValueSource(strings = {"default", "0"})
    void incrementalReadsRunsOfEqualCursorValuesLongerThanAPageExactlyOnce(String readAhead) {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String name = "inc_" + (readAhead.equals("default") ? "ahead" : "on_poll_thread");
        db.execute("CREATE TABLE " + name + " (id bigint PRIMARY KEY, grp int NOT NULL, payload text)",
                // four runs of 250 rows sharing a cursor value, each longer than the 100-row page
                "INSERT INTO " + name + " SELECT g, (g - 1) / 250, 'p' || g FROM generate_series(1, 1000) g");
        Map<String, String> config = PgConnector.incremental(PgConnector.config(db.schema(), "inc."), "grp");
        config.put("table.include.list", ".*\\." + name);
        config.put("batch.size", "100");
        if (!readAhead.equals("default")) {
            config.put("read.ahead.batches", readAhead);
        }
        cluster.createConnector(name, config);
        String topic = "inc." + db.schema() + "." + name;
        cluster.consumeExactly(topic, 1000, timeout());
        String thread = "sluice-postgres-read-" + name + "-0";
        if (readAhead.equals("default")) {
            assertThat(threadNames()).as("threads of the in-process workers").contains(thread);
        } else {
            assertThat(threadNames()).as("threads of the in-process workers").doesNotContain(thread);
        }

        // rows sharing the newest cursor value, with higher keys, and rows with new values
        db.execute("INSERT INTO " + name + " SELECT g, 3, 'late' FROM generate_series(1001, 1150) g",
                "INSERT INTO " + name + " SELECT g, 4 + (g - 1151) / 120, 'new' FROM generate_series(1151, 1500) g");
        List<Long> ids = cluster.consumeExactly(topic, 1500, timeout()).stream().map(Records::id).toList();
        assertThat(Records.checkIds(ids, 1, 1500, true)).isEmpty();

        cluster.deleteConnector(name);
        ConnectClusterFixture.await(() -> !threadNames().contains(thread), timeout(),
                () -> thread + " still runs after its task was stopped");
    }

    private static List<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).toList();
    }

    @Test
    void syncFromBoundsOnlyTheFirstSync() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        db.execute("CREATE TABLE inc_from (id bigint PRIMARY KEY, created timestamptz NOT NULL)",
                "INSERT INTO inc_from SELECT g, timestamptz '2024-01-01 00:00:00+00' + g * interval '1 hour' "
                        + "FROM generate_series(1, 300) g");
        Map<String, String> config = PgConnector.incremental(PgConnector.config(db.schema(), "from."), "created");
        config.put("table.include.list", ".*\\.inc_from");
        config.remove("cursor.columns");
        config.put("cursor_field", "created");
        // hour 101 onwards
        config.put("sync_from", "2024-01-05 05:00:00+00");
        cluster.createConnector("from", config);
        String topic = "from." + db.schema() + ".inc_from";
        List<Long> first = cluster.consumeExactly(topic, 200, timeout()).stream().map(Records::id).toList();
        assertThat(Records.checkIds(first, 101, 300, true)).isEmpty();

        // older cursor values written later are not read: sync.from bounded only the first read, the offset the rest
        db.execute("INSERT INTO inc_from SELECT g, timestamptz '2025-01-01 00:00:00+00' + g * interval '1 second' "
                + "FROM generate_series(301, 350) g");
        List<Long> all = cluster.consumeExactly(topic, 250, timeout()).stream().map(Records::id).toList();
        assertThat(Records.checkIds(all, 101, 350, true)).isEmpty();
    }

    @Test
    void customQueryWithKeyIsSyncedIncrementally() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        db.execute("CREATE TABLE q_customers (id int PRIMARY KEY, name text)",
                "CREATE TABLE q_orders (id bigint PRIMARY KEY, customer_id int, seq bigint NOT NULL)",
                "INSERT INTO q_customers SELECT g, 'c' || g FROM generate_series(1, 10) g",
                "INSERT INTO q_orders SELECT g, 1 + g % 10, g FROM generate_series(1, 120) g");
        Map<String, String> config = PgConnector.incremental(PgConnector.config(db.schema(), "q."), "seq");
        config.put("query", "SELECT o.id, o.seq, c.name FROM " + db.schema() + ".q_orders o JOIN " + db.schema()
                + ".q_customers c ON c.id = o.customer_id");
        config.put("query.name", "orders_with_names");
        config.put("primary_key", "id");
        config.put("batch.size", "50");
        cluster.createConnector("q", config);
        List<ConsumerRecord<byte[], byte[]>> records = cluster.consumeExactly("q.orders_with_names", 120, timeout());
        assertThat(Records.checkIds(records.stream().map(Records::id).toList(), 1, 120, true)).isEmpty();
        ConsumerRecord<byte[], byte[]> first = records.stream().filter(r -> Records.id(r) == 25).findFirst()
                .orElseThrow();
        assertThat(Records.value(first).get("name").asText()).isEqualTo("c6");
    }

    @Test
    void aTableMissingFromTheFilterFailsTheTaskInsteadOfPassingForADroppedTable() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        db.execute("CREATE TABLE flt_rows (id int PRIMARY KEY)", "INSERT INTO flt_rows VALUES (1), (2)",
                "CREATE TABLE flt_allowed (id int PRIMARY KEY)", "INSERT INTO flt_allowed VALUES (1)");
        Map<String, String> config = PgConnector.incremental(PgConnector.config(db.schema(), "flt."), "id");
        config.put("table.include.list", ".*\\.flt_rows");
        config.put("table.filter", "id IN (SELECT id FROM " + db.schema() + ".flt_allowed)");
        cluster.createConnector("flt", config);
        assertThat(cluster.consumeExactly("flt." + db.schema() + ".flt_rows", 1, timeout())).hasSize(1);

        db.execute("DROP TABLE flt_allowed");
        var status = cluster.awaitTaskFailed("flt", timeout());
        assertThat(status.tasks().get(0).trace()).contains("flt_allowed").contains("does not exist");
    }

    @Test
    void rowOfATransactionCommittedLateArrivesExactlyOnce() throws Exception {
        ConnectClusterFixture cluster = CONNECT.cluster();
        db.execute("CREATE TABLE lt_events (id bigserial PRIMARY KEY, note text)",
                "INSERT INTO lt_events (note) SELECT 'before' FROM generate_series(1, 100)");
        Map<String, String> config = PgConnector.incremental(PgConnector.config(db.schema(), "lt."), "id");
        config.put("table.include.list", ".*\\.lt_events");
        config.put("batch.size", "20");
        cluster.createConnector("lt", config);
        String topic = "lt." + db.schema() + ".lt_events";
        cluster.consumeExactly(topic, 100, timeout());

        try (Connection held = db.connect()) {
            held.setAutoCommit(false);
            try (Statement s = held.createStatement()) {
                // takes id 101 from the sequence, but stays invisible until the commit below
                s.execute("INSERT INTO lt_events (note) VALUES ('held')");
            }
            db.execute("INSERT INTO lt_events (note) SELECT 'after' FROM generate_series(1, 50)");
            Timestamp committed = now();
            awaitObservationAfter(committed);
            assertThat(cluster.consumeAll(topic, timeout()))
                    .as("rows 102..151 are committed, but 101 could still commit below them: nothing may pass it")
                    .hasSize(100);
            // records are produced asynchronously: also let the task poll on for two offset flushes (1 s apart)
            // and check that the committed position has not passed 100 either
            awaitQueryAfter(new Timestamp(committed.getTime() + 2_000));
            assertThat(new java.util.HashMap<String, Object>(cluster.offsets("lt").get(Map.of("table", db.schema()
                    + ".lt_events"))))
                    .as("the committed offset while 101 is open").containsEntry("cursor", "100")
                    .containsEntry("key", "100");
            held.commit();
        }
        List<Long> ids = cluster.consumeExactly(topic, 151, timeout()).stream().map(Records::id).toList();
        assertThat(Records.checkIds(ids, 1, 151, true)).isEmpty();
    }

    /**
     * Waits until the connector's task has looked for the newest row after {@code time}: two queries of its session
     * started after it, so a whole poll cycle (which begins with that look) lies after {@code time}.
     */
    private static void awaitObservationAfter(Timestamp time) {
        awaitQueryAfter(awaitQueryAfter(time));
    }

    private static Timestamp awaitQueryAfter(Timestamp time) {
        Timestamp[] started = new Timestamp[1];
        ConnectClusterFixture.await(() -> {
            try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
                    "SELECT max(query_start) FROM pg_stat_activity WHERE application_name = 'sluice-lt'")) {
                try (ResultSet rs = s.executeQuery()) {
                    started[0] = rs.next() ? rs.getTimestamp(1) : null;
                    return started[0] != null && started[0].after(time);
                }
            }
        }, timeout(), () -> "the connector's task ran no query after " + time);
        return started[0];
    }

    private static Timestamp now() throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT clock_timestamp()")) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }

    @Test
    void tableCreatedWhileRunningStartsSyncingWithoutARestart() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        db.execute("CREATE TABLE add_one (id int PRIMARY KEY)",
                "INSERT INTO add_one SELECT g FROM generate_series(1, 30) g");
        Map<String, String> config = PgConnector.incremental(PgConnector.config(db.schema(), "add."), "id");
        config.put("table.include.list", ".*\\.add_.*");
        config.put("tasks.max", "2");
        cluster.createConnector("add", config);
        cluster.consumeExactly("add." + db.schema() + ".add_one", 30, timeout());

        db.execute("CREATE TABLE add_two (id int PRIMARY KEY)",
                "INSERT INTO add_two SELECT g FROM generate_series(1, 40) g");
        List<Long> ids = cluster.consumeExactly("add." + db.schema() + ".add_two", 40, timeout()).stream()
                .map(Records::id).toList();
        assertThat(Records.checkIds(ids, 1, 40, true)).isEmpty();
        cluster.awaitRunning("add", 2);
    }

    @Test
    void fourTasksOnTwoWorkersWriteEveryRowOfEightTablesOnce() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        for (int t = 1; t <= 8; t++) {
            db.execute("CREATE TABLE many_" + t + " (id bigint PRIMARY KEY, v text)",
                    "INSERT INTO many_" + t + " SELECT g, 't" + t + "' FROM generate_series(1, " + (500 * t) + ") g");
        }
        Map<String, String> config = PgConnector.incremental(PgConnector.config(db.schema(), "many."), "id");
        config.put("table.include.list", ".*\\.many_.*");
        config.put("tasks.max", "4");
        config.put("batch.size", "300");
        cluster.createConnector("many", config);
        cluster.awaitRunning("many", 4);
        java.util.Set<String> workers = new java.util.HashSet<>();
        cluster.status("many").tasks().forEach(task -> workers.add(task.workerId()));
        assertThat(workers).as("workers running the 4 tasks").hasSize(2);
        for (int t = 1; t <= 8; t++) {
            List<Long> ids = cluster.consumeExactly("many." + db.schema() + ".many_" + t, 500 * t, timeout())
                    .stream().map(Records::id).toList();
            assertThat(Records.checkIds(ids, 1, 500L * t, true)).as("table many_" + t).isEmpty();
        }
    }

    @Test
    void fullRefreshOfALargeTableIsSplitIntoKeyRangesAcrossTasks() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        db.execute("CREATE TABLE split_big (id bigint PRIMARY KEY, v text)",
                "INSERT INTO split_big SELECT g, 'v' || g FROM generate_series(1, 3000) g");
        Map<String, String> config = PgConnector.config(db.schema(), "split.");
        config.put("table.include.list", ".*\\.split_.*");
        config.put("full.refresh.interval.ms", "0");
        config.put("full.refresh.split.rows", "1000");
        config.put("batch.size", "400");
        config.put("tasks.max", "3");
        cluster.createConnector("split", config);
        cluster.awaitRunning("split", 3);
        List<Long> ids = cluster.consumeExactly("split." + db.schema() + ".split_big", 3000, timeout()).stream()
                .map(Records::id).toList();
        assertThat(Records.checkIds(ids, 1, 3000, true)).isEmpty();
        ConnectClusterFixture.await(() -> cluster.offsets("split").values().stream()
                        .filter(o -> Boolean.TRUE.equals(o.get("done"))).count() == 3, timeout(),
                () -> "three key ranges done: " + cluster.offsets("split"));
        assertThat(cluster.offsets("split").keySet().stream().map(p -> String.valueOf(p.get("range"))).toList())
                .containsExactlyInAnyOrder("[null,[\"1000\"]]", "[[\"1000\"],[\"2000\"]]", "[[\"2000\"],null]");

        // the table grows and another table appears: the new one is planned, split_big keeps its ranges
        db.execute("INSERT INTO split_big SELECT g, 'v' || g FROM generate_series(3001, 3500) g",
                "CREATE TABLE split_small (id bigint PRIMARY KEY)", "INSERT INTO split_small VALUES (1), (2)");
        cluster.consumeExactly("split." + db.schema() + ".split_small", 2, timeout());
        awaitOffset(cluster, "split", Map.of("table", db.schema() + ".split_small"), "done");
        assertThat(cluster.offsets("split").keySet().stream().map(p -> p.get("table") + " " + p.get("range")).toList())
                .as("no new partitions of split_big, which would read it again")
                .containsExactlyInAnyOrder(db.schema() + ".split_big [null,[\"1000\"]]",
                        db.schema() + ".split_big [[\"1000\"],[\"2000\"]]", db.schema() + ".split_big [[\"2000\"],null]",
                        db.schema() + ".split_small null");
        assertThat(cluster.consumeAll("split." + db.schema() + ".split_big", timeout())).hasSize(3000);
    }

    @Test
    void fullRefreshReadsEveryRowAgainEachInterval() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        db.execute("CREATE TABLE refresh_again (id int PRIMARY KEY)",
                "INSERT INTO refresh_again SELECT g FROM generate_series(1, 10) g");
        Map<String, String> config = PgConnector.config(db.schema(), "again.");
        config.put("table.include.list", ".*\\.refresh_again");
        config.put("full.refresh.interval.ms", "1000");
        config.put("batch.size", "4");
        cluster.createConnector("again", config);
        List<Long> ids;
        try (TopicTail<Long> tail = TopicTail.follow(cluster, "again." + db.schema() + ".refresh_again", Records::id)) {
            ids = tail.awaitAtLeast(30, timeout());
        }
        List<Long> run = java.util.stream.LongStream.rangeClosed(1, 10).boxed().toList();
        assertThat(ids.subList(0, 10)).as("first run").isEqualTo(run);
        assertThat(ids.subList(10, 20)).as("second run").isEqualTo(run);
        assertThat(ids.subList(20, 30)).as("third run").isEqualTo(run);
    }

    @Test
    void offsetsMovedAndResetThroughTheRestApiAreWhereReadingResumes() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        db.execute("CREATE TABLE moved (id int PRIMARY KEY)", "INSERT INTO moved SELECT g FROM generate_series(1, 100) g");
        Map<String, String> config = PgConnector.incremental(PgConnector.config(db.schema(), "moved."), "id");
        config.put("table.include.list", ".*\\.moved");
        cluster.createConnector("moved", config);
        String topic = "moved." + db.schema() + ".moved";
        cluster.consumeExactly(topic, 100, timeout());
        Map<String, Object> partition = Map.of("table", db.schema() + ".moved");
        awaitOffset(cluster, "moved", partition, "cursor");

        stop(cluster, "moved");
        Map<String, Object> entry = new java.util.HashMap<>();
        entry.put("partition", partition);
        entry.put("offset", Map.of("v", 1, "mode", "incremental", "cursor", "60"));
        cluster.rest().send("PATCH", "connectors/moved/offsets", Map.of("offsets", List.of(entry))).ok();
        resume(cluster, "moved");
        List<Long> moved = cluster.consumeExactly(topic, 140, timeout()).stream().map(Records::id).toList();
        assertThat(moved.subList(100, 140)).as("rows after the moved cursor, read again")
                .isEqualTo(java.util.stream.LongStream.rangeClosed(61, 100).boxed().toList());

        ConnectClusterFixture.await(() -> "100".equals(cluster.offsets("moved").get(partition).get("cursor")),
                timeout(), () -> "offset after reading again: " + cluster.offsets("moved"));
        stop(cluster, "moved");
        cluster.rest().delete("connectors/moved/offsets").ok();
        resume(cluster, "moved");
        List<Long> reset = cluster.consumeExactly(topic, 240, timeout()).stream().map(Records::id).toList();
        assertThat(reset.subList(140, 240)).as("every row after a reset")
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList());
    }

    @Test
    void anInterruptedRunByCtidStartsAgainInsteadOfResumingAtAStalePhysicalAddress() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        db.execute("CREATE TABLE no_key_rows (id int, v text)",
                "INSERT INTO no_key_rows SELECT g, 'v' FROM generate_series(1, 10) g");
        Map<String, String> config = PgConnector.config(db.schema(), "nokey.");
        config.put("table.include.list", ".*\\.no_key_rows");
        config.put("full.refresh.interval.ms", "0");
        cluster.createConnector("nokey", config);
        String topic = "nokey." + db.schema() + ".no_key_rows";
        cluster.consumeExactly(topic, 10, timeout());
        Map<String, Object> partition = Map.of("table", db.schema() + ".no_key_rows");
        awaitOffset(cluster, "nokey", partition, "done");

        // as if the task had stopped halfway through a run: its stored ctid no longer says where the run was
        stop(cluster, "nokey");
        Map<String, Object> entry = new java.util.HashMap<>();
        entry.put("partition", partition);
        entry.put("offset", Map.of("v", 1, "mode", "full_refresh", "run", 1, "key", "(0,5)", "done", false));
        cluster.rest().send("PATCH", "connectors/nokey/offsets", Map.of("offsets", List.of(entry))).ok();
        resume(cluster, "nokey");
        List<Long> ids = cluster.consumeExactly(topic, 20, timeout()).stream().map(Records::id).toList();
        assertThat(ids.subList(10, 20)).as("the whole table again, not the rows after (0,5)")
                .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(1, 10).boxed().toList());
    }

    private static void stop(ConnectClusterFixture cluster, String name) {
        cluster.rest().put("connectors/" + name + "/stop", null).ok();
        cluster.awaitStatus(name, s -> "STOPPED".equals(s.connector().state()) && s.tasks().isEmpty(), timeout(),
                "STOPPED");
    }

    private static void resume(ConnectClusterFixture cluster, String name) {
        cluster.rest().put("connectors/" + name + "/resume", null).ok();
        cluster.awaitRunning(name, 1);
    }

    @Test
    void healthIsPublishedForTheRestExtensionAndJmx() throws Exception {
        ConnectClusterFixture cluster = CONNECT.cluster();
        db.execute("CREATE TABLE healthy (id int PRIMARY KEY)");
        Map<String, String> config = PgConnector.config(db.schema(), "health.");
        config.put("table.include.list", ".*\\.healthy");
        cluster.createConnector("health-check", config);
        cluster.awaitRunning("health-check", 1);
        javax.management.ObjectName name = new javax.management.ObjectName(
                "io.sluice.connect:type=health,connector=" + javax.management.ObjectName.quote("health-check"));
        javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        String json = (String) server.getAttribute(name, "HealthJson");
        JsonNode health = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertThat(health.get("status").asText()).isEqualTo("healthy");
        assertThat(health.get("connected").asBoolean()).isTrue();
        assertThat(health.get("capabilities").toString()).isEqualTo("[\"full_refresh\",\"incremental\"]");
    }
}
