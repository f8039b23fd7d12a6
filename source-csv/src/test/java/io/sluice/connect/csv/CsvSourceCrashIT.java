package io.sluice.connect.csv;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.connect.csv.it.CsvConnector;
import io.sluice.connect.csv.it.InputFiles;
import io.sluice.connect.csv.it.Records;
import io.sluice.testkit.TopicTail;
import io.sluice.testkit.ChildWorker;
import io.sluice.testkit.ConnectClusterBuilder;
import io.sluice.testkit.ConnectClusterFixture;
import io.sluice.testkit.ConnectRest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static io.sluice.connect.csv.it.CsvConnector.timeout;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV source when the worker running its task dies with SIGKILL while a file is half read: no graceful stop,
 * no last offset commit, no goodbye to the group. The task runs on a {@link ChildWorker} (a worker in its own JVM)
 * next to one in-process worker, which takes the task over once the group notices the loss. At least once, no row
 * may be lost; with {@code exactly.once.source.support=enabled}, a {@code read_committed} consumer sees every row
 * exactly once.
 *
 * <p>Each test starts its own cluster: the two need different worker configurations.
 */
class CsvSourceCrashIT {

    private static final int ROWS = 10_000;
    private static final String NAME = "crash";

    @Test
    void workerKilledMidFileLosesNoRow(@TempDir Path input) throws Exception {
        try (ConnectClusterFixture cluster = crashCluster(false).start();
             ChildWorker child = ChildWorker.start(cluster)) {
            long committedWhenKilled = runOnChildAndKillMidFile(cluster, child, input,
                    CsvConnector.throttled(CsvConnector.config(input, NAME)));

            List<Long> ids;
            try (TopicTail<Long> tail = TopicTail.follow(cluster, NAME, Records::id)) {
                ids = tail.awaitUntil(seen -> new HashSet<>(seen).size() >= ROWS, timeout(),
                        "every id 1.." + ROWS);
            }
            long duplicates = ids.size() - new HashSet<>(ids).size();
            assertThat(Records.checkIds(ids, ROWS, false))
                    .as("ids after a SIGKILL at %d of %d rows (%d duplicate records, allowed at least once)",
                            committedWhenKilled, ROWS, duplicates)
                    .isEmpty();
        }
    }

    @Test
    void workerKilledMidFileWritesEveryRowOnceWithExactlyOnce(@TempDir Path input) throws Exception {
        try (ConnectClusterFixture cluster = crashCluster(true).start();
             ChildWorker child = ChildWorker.start(cluster)) {
            Map<String, String> config = CsvConnector.throttled(CsvConnector.config(input, NAME));
            config.put("exactly.once.support", "required");
            long committedWhenKilled = runOnChildAndKillMidFile(cluster, child, input, config);

            List<Long> ids = cluster.consumeExactly(NAME, ROWS, timeout(), Duration.ofSeconds(2)).stream()
                    .map(Records::id).toList();
            assertThat(Records.checkIds(ids, ROWS, true))
                    .as("ids read_committed after a SIGKILL at %d of %d rows", committedWhenKilled, ROWS)
                    .isEmpty();
        }
    }

    /**
     * One in-process worker (with a short session timeout, so the group notices a killed worker in seconds) and,
     * in the test, one child worker.
     */
    private static ConnectClusterBuilder crashCluster(boolean exactlyOnce) {
        ConnectClusterBuilder builder = CsvConnector.clusterBuilder()
                .workerProp("session.timeout.ms", "6000")
                .workerProp("heartbeat.interval.ms", "1000");
        return exactlyOnce ? builder.exactlyOnceSource() : builder;
    }

    /**
     * Creates the connector while the child is the only worker (so it gets the connector and its task), brings the
     * in-process worker back, publishes one file of {@link #ROWS} rows, kills the child once a tenth of them is
     * in the topic, and waits until the task runs on the in-process worker.
     *
     * @return the records committed to the topic when the child had died, asserted to be fewer than the file holds
     */
    private static long runOnChildAndKillMidFile(ConnectClusterFixture cluster, ChildWorker child, Path input,
                                                 Map<String, String> config) throws Exception {
        cluster.stopWorker(cluster.workers().iterator().next());
        // Until the group has rebalanced, the child forwards the request to the stopped worker, the old leader.
        String path = "connectors/" + NAME + "/config";
        ConnectRest.Response[] last = new ConnectRest.Response[1];
        ConnectClusterFixture.await(() -> {
            last[0] = child.rest().put(path, config);
            return last[0].status() / 100 == 2;
        }, ConnectClusterFixture.DEFAULT_TIMEOUT, () -> "PUT " + path + " on " + child + " kept failing: " + last[0]);
        awaitTaskOnChild(child);
        // One connector and one task over two workers are balanced already: the worker joining moves neither
        // (checked again just before the kill).
        cluster.addWorker();

        long committedWhenKilled;
        try (TopicTail<Long> tail = TopicTail.follow(cluster, NAME, Records::id)) {
            InputFiles.write(input, "big.csv", InputFiles.numbered(1, ROWS));
            tail.awaitAtLeast(ROWS / 10, timeout());
            assertThat(taskWorker(cluster)).as("worker of task 0 when the child is killed")
                    .matches(child::runs, "the child worker " + child.url());
            child.kill();
            committedWhenKilled = tail.endOffset();
        }
        assertThat(committedWhenKilled).as("records committed when the child was killed: it died mid-file")
                .isBetween((long) ROWS / 10, ROWS - 1L);

        cluster.awaitStatus(NAME, s -> s.tasks().stream().anyMatch(t -> t.id() == 0
                        && "RUNNING".equals(t.state()) && !child.runs(t.workerId())),
                timeout(), "task 0 RUNNING on the in-process worker after the child was killed");
        return committedWhenKilled;
    }

    private static void awaitTaskOnChild(ChildWorker child) {
        String path = "connectors/" + NAME + "/status";
        ConnectClusterFixture.await(() -> {
            JsonNode s = child.rest().get(path).ok().json();
            JsonNode tasks = s.path("tasks");
            return child.runs(s.path("connector").path("worker_id").asText()) && tasks.size() == 1
                    && "RUNNING".equals(tasks.get(0).path("state").asText())
                    && child.runs(tasks.get(0).path("worker_id").asText());
        }, ConnectClusterFixture.DEFAULT_TIMEOUT, () -> "Connector " + NAME + " and its task not RUNNING on "
                + child + ", the only worker: " + child.rest().get(path).body());
    }

    private static String taskWorker(ConnectClusterFixture cluster) {
        return cluster.status(NAME).tasks().get(0).workerId();
    }
}
