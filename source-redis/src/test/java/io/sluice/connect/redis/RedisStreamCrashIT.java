package io.sluice.connect.redis;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.connect.redis.it.Records;
import io.sluice.connect.redis.it.RedisSource;
import io.sluice.connect.redis.it.Streams;
import io.sluice.testkit.ChildWorker;
import io.sluice.testkit.ConnectClusterFixture;
import io.sluice.testkit.ConnectRest;
import io.sluice.testkit.TopicReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group mode when the worker running the task dies with SIGKILL while entries are delivered to its consumer and not
 * yet acknowledged: no graceful stop, no last XACK. The task runs on a {@link ChildWorker} next to one in-process
 * worker, which takes the task over, and with it the consumer name, once the group notices the loss; the new task
 * reads the consumer's pending entries first. At least once: no entry may be lost, and none stays pending.
 */
class RedisStreamCrashIT {

    private static final int ENTRIES = 20_000;
    private static final String NAME = "crash";

    @Test
    void workerKilledWithUnacknowledgedEntriesLosesNone() throws Exception {
        try (ConnectClusterFixture cluster = RedisSource.clusterBuilder()
                .workerProp("session.timeout.ms", "6000")
                .workerProp("heartbeat.interval.ms", "1000").start();
             ChildWorker child = ChildWorker.start(cluster);
             Streams streams = Streams.onSharedServer()) {
            String orders = streams.key("orders");
            String topic = streams.prefix().replace(":", "") + "-crash";
            Map<String, String> config = RedisSource.throttled(RedisSource.groupConfig(orders, topic, "g-crash"));
            config.put("group.claim.min.idle.ms", "3600000");
            runOnChild(cluster, child, NAME, config);

            TopicReader reader = new TopicReader(cluster.bootstrapServers(), cluster::describeConnectors);
            streams.add(orders, 1, ENTRIES);
            ConnectClusterFixture.await(() -> reader.consumeAll(topic, Duration.ofSeconds(10)).size() >= ENTRIES / 10,
                    RedisSource.timeout(), () -> "no progress on " + topic);
            assertThat(cluster.status(NAME).tasks().get(0).workerId()).as("worker of task 0 when the child is killed")
                    .matches(child::runs, "the child worker " + child.url());
            child.kill();
            long pendingWhenKilled = streams.consumers(orders, "g-crash").getOrDefault(NAME + "-0", 0L);
            int writtenWhenKilled = reader.consumeAll(topic, Duration.ofSeconds(10)).size();

            cluster.awaitStatus(NAME, s -> s.tasks().stream().anyMatch(t -> t.id() == 0
                            && "RUNNING".equals(t.state()) && !child.runs(t.workerId())),
                    RedisSource.timeout(), "task 0 RUNNING on the in-process worker after the child was killed");
            ConnectClusterFixture.await(() -> streams.pending(orders, "g-crash") == 0
                            && reader.consumeAll(topic, Duration.ofSeconds(10)).size() >= ENTRIES,
                    RedisSource.timeout(), () -> streams.pending(orders, "g-crash") + " entries pending\n"
                            + cluster.describeConnectors());

            List<Long> ids = reader.consumeAll(topic, RedisSource.timeout()).stream().map(Records::id).toList();
            assertThat(Records.checkIds(ids, ENTRIES, false)).as("at least once").isEmpty();
            assertThat(pendingWhenKilled).as("entries delivered to the killed task and not acknowledged").isPositive();
            assertThat(writtenWhenKilled).as("records in the topic when the child was killed: it died mid-stream")
                    .isBetween(ENTRIES / 10, ENTRIES - 1);
            assertThat(streams.consumers(orders, "g-crash")).containsOnlyKeys(NAME + "-0");
        }
    }

    /**
     * Creates the connector while the child is the only worker (so it gets the connector and its task), then brings
     * the in-process worker back; one connector and one task over two workers are balanced already.
     */
    static void runOnChild(ConnectClusterFixture cluster, ChildWorker child, String name, Map<String, String> config) {
        cluster.stopWorker(cluster.workers().iterator().next());
        // Until the group has rebalanced, the child forwards the request to the stopped worker, the old leader.
        String path = "connectors/" + name + "/config";
        ConnectRest.Response[] last = new ConnectRest.Response[1];
        ConnectClusterFixture.await(() -> {
            last[0] = child.rest().put(path, config);
            return last[0].status() / 100 == 2;
        }, ConnectClusterFixture.DEFAULT_TIMEOUT, () -> "PUT " + path + " on " + child + " kept failing: " + last[0]);
        String status = "connectors/" + name + "/status";
        ConnectClusterFixture.await(() -> {
            JsonNode s = child.rest().get(status).ok().json();
            JsonNode tasks = s.path("tasks");
            return child.runs(s.path("connector").path("worker_id").asText()) && tasks.size() == 1
                    && "RUNNING".equals(tasks.get(0).path("state").asText())
                    && child.runs(tasks.get(0).path("worker_id").asText());
        }, ConnectClusterFixture.DEFAULT_TIMEOUT, () -> "Connector " + name + " and its task not RUNNING on "
                + child + ", the only worker: " + child.rest().get(status).body());
        cluster.addWorker();
    }
}
