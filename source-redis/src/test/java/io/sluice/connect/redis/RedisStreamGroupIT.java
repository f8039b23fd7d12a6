package io.sluice.connect.redis;

import io.sluice.connect.redis.it.Records;
import io.sluice.connect.redis.it.RedisSource;
import io.sluice.connect.redis.it.Streams;
import io.sluice.connect.redis.it.TaskMetrics;
import io.sluice.testkit.ConnectClusterExtension;
import io.sluice.testkit.ConnectClusterFixture;
import io.sluice.testkit.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.Transaction;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The source in group mode on one worker, against the shared Redis server: acknowledgement after Kafka has the
 * record, a task's own pending entries read first after a restart, a dead consumer's entries reclaimed, a task
 * restarted mid-stream losing nothing, and two tasks sharing one hot stream.
 */
class RedisStreamGroupIT {

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = new ConnectClusterExtension(RedisSource.clusterBuilder());

    private Streams streams;

    @BeforeEach
    void newStreams() {
        streams = Streams.onSharedServer();
    }

    @AfterEach
    void cleanUp() {
        CONNECT.cluster().deleteAllConnectors();
        streams.close();
    }

    private String topic(String suffix) {
        return streams.prefix().replace(":", "") + "-" + suffix;
    }

    @Test
    void createsTheGroupAndAcknowledgesEveryEntryKafkaHas() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String orders = streams.key("orders");
        streams.add(orders, 1, 400);
        String topic = topic("acked");
        cluster.createConnector("acked", RedisSource.groupConfig(orders, topic, "g-acked"));

        List<Long> ids = cluster.consumeExactly(topic, 400, RedisSource.timeout(), Duration.ofSeconds(1)).stream()
                .map(Records::id).toList();
        assertThat(Records.checkIds(ids, 400, true)).isEmpty();
        awaitNothingPending(orders, "g-acked");
        assertThat(streams.consumers(orders, "g-acked")).containsOnlyKeys("acked-0");
        ConnectClusterFixture.await(() -> TaskMetrics.equals("acked", 0, "entries-total", 400), RedisSource.timeout(),
                () -> "entries-total is " + TaskMetrics.get("acked", 0, "entries-total"));
        // the gauge is refreshed every 10 s between reads
        ConnectClusterFixture.await(() -> TaskMetrics.equals("acked", 0, "pending-entries", 0), RedisSource.timeout(),
                () -> "pending-entries is " + TaskMetrics.get("acked", 0, "pending-entries"));
    }

    @Test
    void aRestartedTaskReadsItsOwnPendingEntriesFirst() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String orders = streams.key("orders");
        streams.add(orders, 1, 100);
        streams.createGroup(orders, "g-own");
        // an earlier run of task 0 was killed after these were delivered to it and before Kafka had them
        assertThat(streams.readWithoutAck(orders, "g-own", "own-0", 40)).hasSize(40);
        streams.add(orders, 101, 150);
        String topic = topic("own");
        Map<String, String> config = RedisSource.groupConfig(orders, topic, "g-own");
        config.put("group.claim.min.idle.ms", "3600000");
        cluster.createConnector("own", config);

        List<Long> ids = cluster.consumeExactly(topic, 150, RedisSource.timeout(), Duration.ofSeconds(1)).stream()
                .map(Records::id).toList();
        assertThat(Records.checkIds(ids, 150, true)).isEmpty();
        assertThat(ids.subList(0, 40)).as("the pending entries come first").isEqualTo(
                java.util.stream.LongStream.rangeClosed(1, 40).boxed().toList());
        awaitNothingPending(orders, "g-own");
    }

    @Test
    void entriesLeftPendingByADeadConsumerAreReclaimed() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String orders = streams.key("orders");
        streams.add(orders, 1, 200);
        streams.createGroup(orders, "g-dead");
        // a consumer that died with entries delivered to it and never acknowledged
        assertThat(streams.readWithoutAck(orders, "g-dead", "dead-consumer", 60)).hasSize(60);
        String topic = topic("dead");
        Map<String, String> config = RedisSource.groupConfig(orders, topic, "g-dead");
        // the claim must wait longer than a record may be in flight to Kafka: a short delivery timeout allows it
        config.put("group.claim.min.idle.ms", "5000");
        config.put("producer.override.delivery.timeout.ms", "4500");
        config.put("producer.override.request.timeout.ms", "4000");
        config.put("producer.override.linger.ms", "0");
        config.put("group.claim.interval.ms", "500");
        cluster.createConnector("dead", config);

        List<Long> ids = cluster.consumeExactly(topic, 200, RedisSource.timeout(), Duration.ofSeconds(2)).stream()
                .map(Records::id).toList();
        assertThat(Records.checkIds(ids, 200, true)).isEmpty();
        awaitNothingPending(orders, "g-dead");
        assertThat(streams.consumers(orders, "g-dead")).containsEntry("dead-consumer", 0L);
        ConnectClusterFixture.await(() -> TaskMetrics.equals("dead", 0, "reclaimed-entries", 60),
                RedisSource.timeout(), () -> "reclaimed-entries is " + TaskMetrics.get("dead", 0, "reclaimed-entries"));
    }

    @Test
    void aTaskRestartedMidStreamLosesNothing() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String orders = streams.key("orders");
        int total = 20_000;
        streams.add(orders, 1, total);
        String topic = topic("restart");
        cluster.createConnector("restart", RedisSource.throttled(RedisSource.groupConfig(orders, topic, "g-restart")));
        TopicReader reader = new TopicReader(cluster.bootstrapServers(), cluster::describeConnectors);
        ConnectClusterFixture.await(() -> reader.consumeAll(topic, Duration.ofSeconds(10)).size() >= total / 20,
                RedisSource.timeout(), () -> "no progress on " + topic);
        cluster.restartTask("restart", 0);
        int writtenWhenRestarted = reader.consumeAll(topic, Duration.ofSeconds(10)).size();
        cluster.awaitRunning("restart", 1);

        awaitNothingPending(orders, "g-restart");
        List<Long> ids = cluster.consumeAll(topic, RedisSource.timeout()).stream().map(Records::id).toList();
        assertThat(Records.checkIds(ids, total, false)).as("at least once").isEmpty();
        assertThat(writtenWhenRestarted).as("records in the topic when the task restarted: it stopped mid-stream")
                .isBetween(total / 20, total - 1);
    }

    @Test
    void twoTasksInOneGroupShareAHotStreamAndDeliverEachEntryOnce() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String hot = streams.key("hot");
        streams.add(hot, 1, 3000);
        String topic = topic("hot");
        Map<String, String> config = RedisSource.groupConfig(hot, topic, "g-hot");
        config.put("tasks.max", "2");
        config.put("batch.size", "20");
        cluster.createConnector("hot", config);
        cluster.awaitRunning("hot", 2);
        streams.add(hot, 3001, 6000);

        List<Long> ids = cluster.consumeExactly(topic, 6000, RedisSource.timeout(), Duration.ofSeconds(2)).stream()
                .map(Records::id).toList();
        assertThat(Records.checkIds(ids, 6000, true)).isEmpty();
        awaitNothingPending(hot, "g-hot");
        assertThat(streams.consumers(hot, "g-hot")).containsOnlyKeys("hot-0", "hot-1");
        for (int task = 0; task < 2; task++) {
            assertThat(TaskMetrics.get("hot", task, "entries-total")).as("entries-total of task " + task)
                    .isInstanceOfSatisfying(Number.class, n -> assertThat(n.longValue()).isPositive());
        }
        long total = ((Number) TaskMetrics.get("hot", 0, "entries-total")).longValue()
                + ((Number) TaskMetrics.get("hot", 1, "entries-total")).longValue();
        assertThat(total).as("entries read by both tasks together").isEqualTo(6000);
    }

    @Test
    void aNewGroupStartsAtStartIdLatest() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String orders = streams.key("orders");
        streams.add(orders, 1, 30);
        String topic = topic("latest");
        Map<String, String> config = RedisSource.groupConfig(orders, topic, "g-latest");
        config.put("start.id", "latest");
        cluster.createConnector("latest", config);
        ConnectClusterFixture.await(() -> streams.consumers(orders, "g-latest").containsKey("latest-0"),
                RedisSource.timeout(), () -> "the group g-latest has no consumer latest-0 yet");
        streams.add(orders, 31, 50);

        List<Long> ids = cluster.consumeExactly(topic, 20, RedisSource.timeout(), Duration.ofSeconds(1)).stream()
                .map(Records::id).toList();
        assertThat(ids).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(31, 50).boxed().toList());
    }

    /**
     * A stream deleted and created again loses its group; the task creates the group again at 0-0, not at 'latest',
     * so the entries written to the new stream before the group existed are delivered.
     */
    @Test
    void aGroupCreatedAgainAfterNogroupStartsAtTheBeginningOfTheNewStream() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String orders = streams.key("orders");
        streams.add(orders, 1, 30);
        String topic = topic("nogroup");
        Map<String, String> config = RedisSource.groupConfig(orders, topic, "g-nogroup");
        config.put("start.id", "latest");
        cluster.createConnector("nogroup", config);
        ConnectClusterFixture.await(() -> streams.consumers(orders, "g-nogroup").containsKey("nogroup-0"),
                RedisSource.timeout(), () -> "the group g-nogroup has no consumer nogroup-0 yet");
        streams.add(orders, 31, 40);
        cluster.consumeExactly(topic, 10, RedisSource.timeout());

        // in one transaction, so that the task cannot create the group on the empty stream in between
        try (Jedis jedis = streams.jedis(); Transaction tx = jedis.multi()) {
            tx.del(orders);
            for (long id = 41; id <= 60; id++) {
                tx.xadd(orders, StreamEntryID.NEW_ENTRY, Streams.entry(id));
            }
            tx.exec();
        }

        List<Long> ids = cluster.consumeExactly(topic, 30, RedisSource.timeout(), Duration.ofSeconds(1)).stream()
                .map(Records::id).toList();
        assertThat(ids).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(31, 60).boxed().toList());
        awaitNothingPending(orders, "g-nogroup");
    }

    private void awaitNothingPending(String stream, String group) {
        ConnectClusterFixture.await(() -> streams.pending(stream, group) == 0, RedisSource.timeout(),
                () -> streams.pending(stream, group) + " entries still pending in group " + group + " of " + stream
                        + "\n" + CONNECT.cluster().describeConnectors());
    }
}
