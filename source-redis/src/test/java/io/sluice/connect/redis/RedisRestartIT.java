package io.sluice.connect.redis;

import io.sluice.connect.redis.it.PrivateRedisServer;
import io.sluice.connect.redis.it.Records;
import io.sluice.connect.redis.it.RedisSource;
import io.sluice.connect.redis.it.Streams;
import io.sluice.connect.redis.it.TaskMetrics;
import io.sluice.testkit.ConnectClusterExtension;
import io.sluice.testkit.ConnectClusterFixture;
import io.sluice.testkit.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis restarted under a running connector while entries still flow: the tasks reconnect with backoff (counted in
 * the {@code reconnects} metric) and go on where they were, without losing an entry. Runs against a private server (with an append-only file), never the shared one.
 */
class RedisRestartIT {

    private static final int ENTRIES = 20_000;

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = new ConnectClusterExtension(RedisSource.clusterBuilder());

    private static PrivateRedisServer redis;

    @BeforeAll
    static void startRedis() {
        redis = PrivateRedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @AfterEach
    void deleteConnectors() {
        CONNECT.cluster().deleteAllConnectors();
    }

    private static Map<String, String> reconnecting(Map<String, String> config) {
        config.put("redis.uri", redis.uri());
        config.remove("redis.password");
        config.put("retry.max.attempts", "50");
        config.put("retry.backoff.initial.ms", "100");
        config.put("retry.backoff.max.ms", "1000");
        return config;
    }

    @Test
    void offsetModeReconnectsMidStreamAndDeliversEveryEntryOnce() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        Streams streams = Streams.on(redis::jedis);
        String orders = streams.key("orders");
        streams.add(orders, 1, ENTRIES);
        String topic = streams.prefix().replace(":", "") + "-offset";
        cluster.createConnector("restart-offset", reconnecting(RedisSource.throttled(RedisSource.config(orders,
                topic))));

        int writtenWhenRestarted = restartRedisMidStream(cluster, topic);

        List<Long> ids = cluster.consumeExactly(topic, ENTRIES, RedisSource.timeout(), Duration.ofSeconds(2))
                .stream().map(Records::id).toList();
        assertThat(Records.checkIds(ids, ENTRIES, true)).isEmpty();
        assertThat(writtenWhenRestarted).as("records in the topic when Redis restarted: it restarted mid-stream")
                .isBetween(ENTRIES / 20, ENTRIES - 1);
        assertReconnected("restart-offset");
        cluster.awaitRunning("restart-offset", 1);
    }

    @Test
    void groupModeReconnectsMidStreamAndLosesNothing() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        Streams streams = Streams.on(redis::jedis);
        String orders = streams.key("orders");
        streams.add(orders, 1, ENTRIES);
        String topic = streams.prefix().replace(":", "") + "-group";
        cluster.createConnector("restart-group",
                reconnecting(RedisSource.throttled(RedisSource.groupConfig(orders, topic, "g-restart"))));

        int writtenWhenRestarted = restartRedisMidStream(cluster, topic);

        ConnectClusterFixture.await(() -> streams.pending(orders, "g-restart") == 0
                        && cluster.consumeAll(topic, Duration.ofSeconds(10)).size() >= ENTRIES,
                RedisSource.timeout(), () -> "entries not all delivered and acknowledged after the restart: "
                        + streams.pending(orders, "g-restart") + " pending\n" + cluster.describeConnectors());
        List<Long> ids = cluster.consumeAll(topic, RedisSource.timeout()).stream().map(Records::id).toList();
        assertThat(Records.checkIds(ids, ENTRIES, false)).as("at least once").isEmpty();
        assertThat(writtenWhenRestarted).as("records in the topic when Redis restarted: it restarted mid-stream")
                .isBetween(ENTRIES / 20, ENTRIES - 1);
        assertReconnected("restart-group");
        cluster.awaitRunning("restart-group", 1);
    }

    /** Restarts Redis once about 5% of the entries are in the topic; returns how many were there after it. */
    private static int restartRedisMidStream(ConnectClusterFixture cluster, String topic) {
        TopicReader reader = new TopicReader(cluster.bootstrapServers(), cluster::describeConnectors);
        ConnectClusterFixture.await(() -> reader.consumeAll(topic, Duration.ofSeconds(10)).size() >= ENTRIES / 20,
                RedisSource.timeout(), () -> "no progress on " + topic);
        redis.restart();
        return reader.consumeAll(topic, Duration.ofSeconds(10)).size();
    }

    private static void assertReconnected(String connector) {
        assertThat(TaskMetrics.get(connector, 0, "reconnects")).as("reconnects of task 0 of " + connector)
                .isInstanceOfSatisfying(Number.class, n -> assertThat(n.longValue()).isPositive());
    }
}
