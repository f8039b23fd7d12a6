package io.sluice.connect.redis;

import io.sluice.connect.redis.it.PrivateRedisServer;
import io.sluice.connect.redis.it.Records;
import io.sluice.connect.redis.it.RedisSource;
import io.sluice.connect.redis.it.Streams;
import io.sluice.testkit.ConnectClusterExtension;
import io.sluice.testkit.ConnectClusterFixture;
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
 * Redis restarted under a running connector: the tasks reconnect with backoff and go on where they were, without
 * losing an entry. Runs against a private server (with an append-only file), never the shared one.
 */
class RedisRestartIT {

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
    void offsetModeReconnectsAndDeliversEveryEntryOnce() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        Streams streams = Streams.on(redis::jedis);
        String orders = streams.key("orders");
        streams.add(orders, 1, 2000);
        String topic = streams.prefix().replace(":", "") + "-offset";
        cluster.createConnector("restart-offset", reconnecting(RedisSource.config(orders, topic)));
        cluster.consumeExactly(topic, 2000, RedisSource.timeout());

        redis.restart();
        streams.add(orders, 2001, 4000);

        List<Long> ids = cluster.consumeExactly(topic, 4000, RedisSource.timeout(), Duration.ofSeconds(2)).stream()
                .map(Records::id).toList();
        assertThat(Records.checkIds(ids, 4000, true)).isEmpty();
        cluster.awaitRunning("restart-offset", 1);
    }

    @Test
    void groupModeReconnectsAndLosesNothing() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        Streams streams = Streams.on(redis::jedis);
        String orders = streams.key("orders");
        streams.add(orders, 1, 2000);
        String topic = streams.prefix().replace(":", "") + "-group";
        cluster.createConnector("restart-group",
                reconnecting(RedisSource.groupConfig(orders, topic, "g-restart")));
        cluster.consumeExactly(topic, 2000, RedisSource.timeout());

        redis.restart();
        streams.add(orders, 2001, 4000);

        ConnectClusterFixture.await(() -> streams.pending(orders, "g-restart") == 0
                        && cluster.consumeAll(topic, Duration.ofSeconds(10)).size() >= 4000,
                RedisSource.timeout(), () -> "entries not all delivered and acknowledged after the restart: "
                        + streams.pending(orders, "g-restart") + " pending\n" + cluster.describeConnectors());
        List<Long> ids = cluster.consumeAll(topic, RedisSource.timeout()).stream().map(Records::id).toList();
        assertThat(Records.checkIds(ids, 4000, false)).as("at least once").isEmpty();
        cluster.awaitRunning("restart-group", 1);
    }
}
