package io.sluice.connect.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.connect.postgres.it.PgConnector;
import io.sluice.connect.postgres.it.Records;
import io.sluice.connect.postgres.it.TestDatabase;
import io.sluice.testkit.TopicTail;
import io.sluice.testkit.ChildWorker;
import io.sluice.testkit.ConnectClusterBuilder;
import io.sluice.testkit.ConnectClusterFixture;
import io.sluice.testkit.ConnectRest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static io.sluice.connect.postgres.it.PgConnector.timeout;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL source when the worker running its task dies with SIGKILL in the middle of a table: no graceful
 * stop, no last offset commit. The task runs on a {@link ChildWorker} (a worker in its own JVM) next to one
 * in-process worker, which takes the task over once the group notices the loss. At least once, no row may be lost;
 * with {@code exactly.once.source.support=enabled}, a {@code read_committed} consumer sees every row exactly once.
 * The same holds when the connector is stopped mid-table and resumed, with pages read ahead that Connect never got.
 *
 * <p>Each test starts its own cluster: the two need different worker configurations.
 */
class PostgresSourceCrashIT {

    private static final int ROWS = 10_000;

    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass("pgsrc_crash");

    @Test
    void workerKilledMidTableLosesNoRow() {
        try (ConnectClusterFixture cluster = crashCluster(false).start();
             ChildWorker child = ChildWorker.start(cluster)) {
            String topic = runOnChildAndKillMidTable(cluster, child, "alo", config("alo"));
            List<Long> ids;
            try (TopicTail<Long> tail = TopicTail.follow(cluster, topic, Records::id)) {
                ids = tail.awaitUntil(seen -> new HashSet<>(seen).size() >= ROWS, timeout(), "every id 1.." + ROWS);
            }
            assertThat(Records.checkIds(ids, 1, ROWS, false)).as("ids after a SIGKILL mid-table").isEmpty();
        }
    }

    @Test
    void workerKilledMidTableWritesEveryRowOnceWithExactlyOnce() {
        try (ConnectClusterFixture cluster = crashCluster(true).start();
             ChildWorker child = ChildWorker.start(cluster)) {
            Map<String, String> config = config("eos");
            config.put("exactly.once.support", "required");
            String topic = runOnChildAndKillMidTable(cluster, child, "eos", config);
            List<Long> ids = cluster.consumeExactly(topic, ROWS, timeout(), Duration.ofSeconds(2)).stream()
                    .map(Records::id).toList();
            assertThat(Records.checkIds(ids, 1, ROWS, true)).as("ids read_committed after a SIGKILL mid-table")
                    .isEmpty();
        }
    }

    @Test
    void connectorStoppedMidTableWithPagesReadAheadWritesEveryRowOnceWithExactlyOnce() {
        try (ConnectClusterFixture cluster = PgConnector.clusterBuilder().exactlyOnceSource().start()) {
            Map<String, String> config = config("stopped");
            config.put("exactly.once.support", "required");
            cluster.createConnector("stopped", config);
            String topic = "crash." + db.schema() + ".stopped";
            long committedWhenStopped;
            try (TopicTail<Long> tail = TopicTail.follow(cluster, topic, Records::id)) {
                tail.awaitAtLeast(ROWS / 10, timeout());
                // the producer limits hold the poll thread, so the reading thread waits with a page for it
                cluster.rest().put("connectors/stopped/stop", null).ok();
                cluster.awaitStatus("stopped", s -> "STOPPED".equals(s.connector().state()) && s.tasks().isEmpty(),
                        timeout(), "STOPPED");
                committedWhenStopped = tail.endOffset();
            }
            assertThat(committedWhenStopped).as("records in the topic when the connector stopped: mid-table")
                    .isBetween((long) ROWS / 10, ROWS - 1L);
            cluster.rest().put("connectors/stopped/resume", null).ok();
            List<Long> ids = cluster.consumeExactly(topic, ROWS, timeout(), Duration.ofSeconds(2)).stream()
                    .map(Records::id).toList();
            assertThat(Records.checkIds(ids, 1, ROWS, true)).as("ids read_committed after a stop mid-table")
                    .isEmpty();
        }
    }

    /** An incremental sync of table {@code name}, throttled by producer limits so the kill lands mid-table. */
    private static Map<String, String> config(String name) {
        db.execute("CREATE TABLE " + name + " (id bigint PRIMARY KEY, payload text)",
                "INSERT INTO " + name + " SELECT g, repeat('x', 50) FROM generate_series(1, " + ROWS + ") g");
        Map<String, String> config = new HashMap<>(PgConnector.incremental(PgConnector.config(db.schema(),
                "crash."), "id"));
        config.put("table.include.list", ".*\\." + name);
        config.put("batch.size", "200");
        config.put("producer.override.batch.size", "1024");
        config.put("producer.override.linger.ms", "0");
        config.put("producer.override.buffer.memory", "16384");
        return config;
    }

    private static ConnectClusterBuilder crashCluster(boolean exactlyOnce) {
        ConnectClusterBuilder builder = PgConnector.clusterBuilder()
                .workerProp("session.timeout.ms", "6000")
                .workerProp("heartbeat.interval.ms", "1000");
        return exactlyOnce ? builder.exactlyOnceSource() : builder;
    }

    /**
     * Creates the connector while the child is the only worker (so it gets the connector and its task), brings the
     * in-process worker back, kills the child once a tenth of the rows is in the topic, and waits until the task
     * runs on the in-process worker.
     *
     * @return the topic
     */
    private static String runOnChildAndKillMidTable(ConnectClusterFixture cluster, ChildWorker child, String name,
                                                    Map<String, String> config) {
        String topic = "crash." + db.schema() + "." + name;
        cluster.stopWorker(cluster.workers().iterator().next());
        String path = "connectors/" + name + "/config";
        ConnectRest.Response[] last = new ConnectRest.Response[1];
        // Until the group has rebalanced, the child forwards the request to the stopped worker, the old leader.
        ConnectClusterFixture.await(() -> {
            last[0] = child.rest().put(path, config);
            return last[0].status() / 100 == 2;
        }, ConnectClusterFixture.DEFAULT_TIMEOUT, () -> "PUT " + path + " on " + child + " kept failing: " + last[0]);
        awaitTaskOnChild(child, name);
        cluster.addWorker();

        long committedWhenKilled;
        try (TopicTail<Long> tail = TopicTail.follow(cluster, topic, Records::id)) {
            tail.awaitAtLeast(ROWS / 10, timeout());
            assertThat(cluster.status(name).tasks().get(0).workerId()).as("worker of task 0 when the child is killed")
                    .matches(child::runs, "the child worker " + child.url());
            child.kill();
            committedWhenKilled = tail.endOffset();
        }
        assertThat(committedWhenKilled).as("records in the topic when the child was killed: it died mid-table")
                .isBetween((long) ROWS / 10, ROWS - 1L);
        cluster.awaitStatus(name, s -> s.tasks().stream().anyMatch(t -> t.id() == 0
                        && "RUNNING".equals(t.state()) && !child.runs(t.workerId())),
                timeout(), "task 0 RUNNING on the in-process worker after the child was killed");
        return topic;
    }

    private static void awaitTaskOnChild(ChildWorker child, String name) {
        String path = "connectors/" + name + "/status";
        ConnectClusterFixture.await(() -> {
            JsonNode s = child.rest().get(path).ok().json();
            JsonNode tasks = s.path("tasks");
            return child.runs(s.path("connector").path("worker_id").asText()) && tasks.size() == 1
                    && "RUNNING".equals(tasks.get(0).path("state").asText())
                    && child.runs(tasks.get(0).path("worker_id").asText());
        }, ConnectClusterFixture.DEFAULT_TIMEOUT, () -> "Connector " + name + " and its task not RUNNING on "
                + child + ", the only worker: " + child.rest().get(path).body());
    }
}
