package io.sluice.connect.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.connect.jdbc.it.Backend;
import io.sluice.connect.jdbc.it.Envelopes;
import io.sluice.connect.jdbc.it.Records;
import io.sluice.testkit.ChildWorker;
import io.sluice.testkit.ConnectClusterExtension;
import io.sluice.testkit.ConnectClusterFixture;
import io.sluice.testkit.ConnectRest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sink into PostgreSQL when things break mid-stream: its database session is terminated
 * ({@code pg_terminate_backend}) while it writes, and the worker running its task is killed with SIGKILL (no last
 * flush, no offset commit) and the task taken over by another worker. Both times the final table must be exact: every
 * row, each once, with its latest values.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresSinkResilienceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Backend POSTGRES = Backend.postgres();

    /** A short session timeout, so that the group notices a killed worker within seconds. */
    @RegisterExtension
    static final ConnectClusterExtension CONNECT = new ConnectClusterExtension(ConnectClusterFixture.builder()
            .workerProp("plugin.discovery", "service_load")
            .workerProp("session.timeout.ms", "6000")
            .workerProp("heartbeat.interval.ms", "1000"));

    @AfterEach
    void deleteConnectors() {
        CONNECT.cluster().deleteAllConnectors();
    }

    private static Map<String, String> config(String name, String topic) {
        Map<String, String> config = new HashMap<>(POSTGRES.credentials());
        config.put("connector.class", AbstractJdbcSinkIT.CONNECTOR_CLASS);
        config.put("name", name);
        config.put("tasks.max", "1");
        config.put("topics", topic);
        config.put("connection.url", POSTGRES.url());
        config.put("insert.mode", "upsert");
        config.put("pk.mode", "record_key");
        config.put("auto.create", "true");
        config.put("batch.size", "100");
        config.put("retry.backoff.initial.ms", "200");
        // small polls keep the task busy for a while, so that the failure lands mid-stream
        config.put("consumer.override.max.poll.records", "100");
        config.put("key.converter", AbstractJdbcSinkIT.JSON_CONVERTER);
        config.put("value.converter", AbstractJdbcSinkIT.JSON_CONVERTER);
        return config;
    }

    /** Produces ids 1..ids twice, version 1 then version 2, so the exact final table holds every id at version 2. */
    private static void produceTwoVersions(String topic, int ids) {
        Records records = new Records();
        for (int version = 1; version <= 2; version++) {
            for (int id = 1; id <= ids; id++) {
                records.add(Envelopes.key(id), Envelopes.order(id, version));
            }
        }
        records.sendTo(CONNECT.cluster(), topic);
    }

    private static long latestRows(String table) {
        try {
            return POSTGRES.query("SELECT count(*) AS n FROM " + POSTGRES.quote(table) + " WHERE name LIKE '%-v2'")
                    .get(0).values().stream().mapToLong(Long::parseLong).sum();
        } catch (SQLException e) {
            return -1;
        }
    }

    private static void assertExactTable(String table, int ids) throws SQLException {
        ConnectClusterFixture.await(() -> latestRows(table) == ids, TIMEOUT,
                () -> table + " has " + latestRows(table) + " rows at version 2, not " + ids + "; "
                        + CONNECT.cluster().describeConnectors());
        Map<String, String> counts = POSTGRES.query("SELECT count(*) AS n, count(DISTINCT id) AS d, min(id) AS lo, "
                + "max(id) AS hi FROM " + POSTGRES.quote(table)).get(0);
        assertThat(counts).containsEntry("n", Integer.toString(ids)).containsEntry("d", Integer.toString(ids))
                .containsEntry("lo", "1").containsEntry("hi", Integer.toString(ids));
    }

    @Test
    @Order(1)
    void terminatedSessionMidStreamIsReopenedAndNothingIsLost() throws SQLException {
        String topic = "jdbcsink-pg-terminate";
        int ids = 10_000;
        POSTGRES.drop(topic);
        CONNECT.cluster().createTopic(topic, 1);
        CONNECT.cluster().createConnector(topic, config(topic, topic));
        CONNECT.cluster().awaitRunning(topic, 1);
        produceTwoVersions(topic, ids);
        ConnectClusterFixture.await(() -> POSTGRES.count(topic) > 0, TIMEOUT, () -> "no rows written");
        long terminated;
        // the test's lock holds the sink's next write in progress (waiting on it), where it is terminated
        try (Connection lock = POSTGRES.connect()) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("LOCK TABLE " + POSTGRES.quote(topic) + " IN ACCESS EXCLUSIVE MODE");
            }
            // one more record, so that a write is sure to come while the table is locked
            CONNECT.cluster().cluster().kafka().produce(topic, Envelopes.key(ids + 1), Envelopes.order(ids + 1, 2));
            String writing = "FROM pg_stat_activity WHERE application_name = 'sluice-jdbc-sink " + topic
                    + "' AND state = 'active' AND wait_event_type = 'Lock'";
            ConnectClusterFixture.await(() -> !POSTGRES.query("SELECT pid " + writing).isEmpty(), TIMEOUT,
                    () -> "the sink is not writing");
            terminated = Long.parseLong(POSTGRES.query("SELECT count(pg_terminate_backend(pid)) AS n " + writing)
                    .get(0).get("n"));
            lock.rollback();
        }
        assertThat(terminated).as("sessions of the sink terminated while writing").isPositive();
        // the terminated write is done again over a new session
        assertExactTable(topic, ids + 1);
        assertThat(CONNECT.cluster().status(topic).tasks().get(0).state()).isEqualTo("RUNNING");
    }

    @Test
    @Order(2)
    void workerKilledMidStreamLeavesTheExactTableAfterTakeover() throws SQLException {
        String topic = "jdbcsink-pg-crash";
        int ids = 20_000;
        POSTGRES.drop(topic);
        ConnectClusterFixture cluster = CONNECT.cluster();
        cluster.createTopic(topic, 1);
        produceTwoVersions(topic, ids);
        try (ChildWorker child = ChildWorker.start(cluster)) {
            cluster.stopWorker(cluster.workers().iterator().next());
            // Until the group has rebalanced, the child forwards the request to the stopped worker, the old leader.
            String path = "connectors/" + topic + "/config";
            ConnectRest.Response[] last = new ConnectRest.Response[1];
            ConnectClusterFixture.await(() -> {
                last[0] = child.rest().put(path, config(topic, topic));
                return last[0].status() / 100 == 2;
            }, TIMEOUT, () -> "PUT " + path + " on " + child + " kept failing: " + last[0]);
            awaitTaskOn(child, topic);
            cluster.addWorker();
            ConnectClusterFixture.await(() -> POSTGRES.count(topic) >= 1_000, TIMEOUT, () -> "no rows written");
            assertThat(child.runs(cluster.status(topic).tasks().get(0).workerId())).as("task on the child").isTrue();
            child.kill();
            long latestWhenKilled = latestRows(topic);
            assertThat(latestWhenKilled).as("rows at version 2 when the worker was killed").isLessThan(ids);
            cluster.awaitStatus(topic, s -> s.tasks().stream().anyMatch(t -> "RUNNING".equals(t.state())
                    && !child.runs(t.workerId())), TIMEOUT, "task RUNNING on the in-process worker");
        }
        assertExactTable(topic, ids);
    }

    private static void awaitTaskOn(ChildWorker child, String name) {
        String path = "connectors/" + name + "/status";
        ConnectClusterFixture.await(() -> {
            JsonNode s = child.rest().get(path).ok().json();
            JsonNode tasks = s.path("tasks");
            return tasks.size() == 1 && "RUNNING".equals(tasks.get(0).path("state").asText())
                    && child.runs(tasks.get(0).path("worker_id").asText());
        }, TIMEOUT, () -> "task of " + name + " not RUNNING on " + child + ": " + child.rest().get(path).body());
    }
}
