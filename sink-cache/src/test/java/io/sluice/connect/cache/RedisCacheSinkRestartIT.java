package io.sluice.connect.cache;

import static io.sluice.connect.cache.it.CacheSink.await;
import static io.sluice.connect.cache.it.CacheSink.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.connect.cache.it.CacheSink;
import io.sluice.connect.cache.it.PrivateRedis;
import io.sluice.testkit.ConnectClusterExtension;
import io.sluice.testkit.ConnectClusterFixture;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * The sink against private Redis servers of its own (the shared one must not be restarted or reconfigured): a
 * restart while records flow (the sink retries with backoff, its task never fails, it loads its newer-wins script
 * again, and every key ends with the value of its newest record), writes refused for a while ({@code OOM}) and
 * retried, and a password-protected server.
 */
class RedisCacheSinkRestartIT {

    private static final int KEYS = 2000;

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = new ConnectClusterExtension(CacheSink.clusterBuilder());

    @Test
    void aRedisRestartMidStreamLosesNothing(@TempDir Path dataDir) {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String topic = CacheSink.uniquePrefix("restart");
        cluster.createTopic(topic, 2);
        try (PrivateRedis redis = PrivateRedis.start(dataDir)) {
            String name = "restart-" + topic;
            Map<String, String> config = CacheSink.config(topic, redis.uri(), "${topic}:${key}");
            config.put("newer.wins", "field");
            config.put("newer.wins.field", "version");
            config.put("ttl.seconds", "3600");
            config.put("tasks.max", "2");
            cluster.createConnector(name, config);
            cluster.awaitRunning(name, 2);

            CacheSink.send(cluster, topic, versions(0, KEYS, 1));
            try (Jedis jedis = redis.jedis()) {
                await(() -> jedis.dbSize() >= 200, "the first records in Redis");
            }
            redis.stop();
            await(() -> !healthy(cluster, name), "the health check to see Redis down");
            // written while Redis is down: the tasks retry these batches until it is back
            CacheSink.send(cluster, topic, versions(0, KEYS, 2));
            redis.restart();
            CacheSink.send(cluster, topic, versions(0, KEYS / 2, 3));

            try (Jedis jedis = redis.jedis()) {
                await(() -> allAtFinalVersion(jedis, topic), "every key at its newest version");
                assertThat(jedis.dbSize()).as("values and their version markers").isEqualTo(2L * KEYS);
                for (int i = 0; i < KEYS; i++) {
                    JsonNode value = RedisCacheSinkIT.json(jedis.get(topic + ":" + i));
                    int expected = i < KEYS / 2 ? 3 : 2;
                    assertThat(value.get("version").asInt()).as("key " + i).isEqualTo(expected);
                    assertThat(value.get("n").asInt()).isEqualTo(i * 10 + expected);
                    assertThat(jedis.pttl(topic + ":" + i)).isBetween(1L, 3_600_000L);
                }
            }
            cluster.awaitRunning(name, 2);
            await(() -> healthy(cluster, name), "the health check to see Redis back");
        }
    }

    private static List<String[]> versions(int from, int to, int version) {
        List<String[]> records = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            records.add(record("\"" + i + "\"", "{\"version\":" + version + ",\"n\":" + (i * 10 + version) + "}"));
        }
        return records;
    }

    private static boolean allAtFinalVersion(Jedis jedis, String topic) {
        for (int i = 0; i < KEYS; i++) {
            String marker = jedis.get(topic + ":" + i + ":__version");
            if (!String.valueOf(i < KEYS / 2 ? 3 : 2).equals(marker)) {
                return false;
            }
        }
        return true;
    }

    private static boolean healthy(ConnectClusterFixture cluster, String name) {
        return cluster.rest().get("sluice/health/" + name).status() == 200;
    }

    @Test
    void aPasswordProtectedServerNeedsRedisPasswordWhichIsNeverLogged(@TempDir Path dataDir) throws Exception {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String secret = "pw-" + java.util.UUID.randomUUID();
        String topic = CacheSink.uniquePrefix("auth");
        cluster.createTopic(topic, 1);
        try (PrivateRedis redis = PrivateRedis.start(dataDir, secret)) {
            Map<String, String> config = CacheSink.config(topic, redis.uri(), "${topic}:${key}");
            assertThat(RedisCacheSinkRulesIT.errors(cluster, config).get("redis.password")).contains("NOAUTH");
            config.put("redis.password", "wrong-" + secret);
            assertThat(RedisCacheSinkRulesIT.errors(cluster, config).get("redis.password"))
                    .contains("check redis.user and redis.password");
            config.put("redis.password", secret);
            assertThat(RedisCacheSinkRulesIT.errors(cluster, config)).isEmpty();

            try (Jedis admin = redis.jedis()) {
                admin.aclSetUser("noscripts", "on", ">" + secret, "~*", "+@all", "-@scripting");
            }
            Map<String, String> noScripts = new java.util.HashMap<>(config);
            noScripts.put("redis.user", "noscripts");
            noScripts.put("newer.wins", "timestamp");
            assertThat(RedisCacheSinkRulesIT.errors(cluster, noScripts).get("redis.user")).contains("NOPERM")
                    .contains("+evalsha");

            cluster.createConnector("auth-" + topic, config);
            CacheSink.send(cluster, topic, versions(0, 5, 1));
            try (Jedis jedis = redis.jedis()) {
                await(() -> jedis.dbSize() == 5, "5 keys in the password-protected server");
                assertThat(jedis.get(topic + ":4")).isEqualTo("{\"version\":1,\"n\":41}");
            }
        }
        // the embedded cluster's test harness logs REST responses verbatim; the worker and the connector must not
        List<String> log = java.nio.file.Files.readAllLines(Path.of("target", "it.log")).stream()
                .filter(line -> !line.contains("org.apache.kafka.connect.util.clusters.")).toList();
        assertThat(log).as("the worker's log").anyMatch(line -> line.contains("auth-" + topic))
                .noneMatch(line -> line.contains(secret));
    }

    @Test
    void writesRefusedForNowAreRetriedUntilRedisAcceptsThem(@TempDir Path dataDir) {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String topic = CacheSink.uniquePrefix("oom");
        cluster.createTopic(topic, 1);
        try (PrivateRedis redis = PrivateRedis.start(dataDir); Jedis admin = redis.jedis()) {
            // with maxmemory at one byte and no eviction, Redis answers every SET with an OOM error reply
            admin.configSet("maxmemory", "1");
            String name = "oom-" + topic;
            cluster.createConnector(name, CacheSink.config(topic, redis.uri(), "${topic}:${key}"));
            CacheSink.send(cluster, topic, versions(0, 100, 1));
            await(() -> oomReplies(admin) >= 3, "the sink's writes refused with OOM, and retried");
            assertThat(admin.dbSize()).isZero();

            admin.configSet("maxmemory", "0");
            await(() -> admin.dbSize() == 100, "all 100 keys once Redis accepts writes");
            for (int i = 0; i < 100; i++) {
                assertThat(admin.get(topic + ":" + i)).isEqualTo("{\"version\":1,\"n\":" + (i * 10 + 1) + "}");
            }
            cluster.awaitRunning(name, 1);
        }
    }

    @Test
    void aRevokedPermissionFailsTheTaskInsteadOfSendingRecordsToTheDeadLetterQueue(@TempDir Path dataDir) {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String topic = CacheSink.uniquePrefix("noperm");
        String dlq = topic + "-dlq";
        cluster.createTopic(topic, 1);
        try (PrivateRedis redis = PrivateRedis.start(dataDir); Jedis admin = redis.jedis()) {
            admin.aclSetUser("writer", "on", ">writer-pw", "~*", "+@all");
            String name = "noperm-" + topic;
            Map<String, String> config = CacheSink.config(topic, redis.uri(), "${topic}:${key}");
            config.put("redis.user", "writer");
            config.put("redis.password", "writer-pw");
            config.put("errors.tolerance", "all");
            config.put("errors.deadletterqueue.topic.name", dlq);
            config.put("errors.deadletterqueue.topic.replication.factor", "1");
            cluster.createConnector(name, config);
            CacheSink.send(cluster, topic, versions(0, 5, 1));
            await(() -> admin.dbSize() == 5, "the first 5 keys");

            admin.aclSetUser("writer", "-set");
            CacheSink.send(cluster, topic, versions(5, 10, 1));
            String trace = cluster.awaitTaskFailed(name, CacheSink.timeout()).tasks().get(0).trace();
            assertThat(trace).contains("NOPERM").contains("ACL SETUSER");
            assertThat(admin.dbSize()).isEqualTo(5L);
            assertThat(cluster.consumeAll(dlq, Duration.ofSeconds(5))).as("no record is blamed").isEmpty();
        }
    }

    @Test
    void aReadOnlyReplicaIsRetriedOnFreshConnectionsUntilItIsPrimaryAgain(@TempDir Path dataDir) throws Exception {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String topic = CacheSink.uniquePrefix("readonly");
        cluster.createTopic(topic, 1);
        try (PrivateRedis redis = PrivateRedis.start(dataDir); Jedis admin = redis.jedis()) {
            String name = "readonly-" + topic;
            cluster.createConnector(name, CacheSink.config(topic, redis.uri(), "${topic}:${key}"));
            CacheSink.send(cluster, topic, versions(0, 3, 1));
            await(() -> admin.dbSize() == 3, "the first 3 keys");

            // a replica of a primary that does not answer: every write gets READONLY, as after a failover
            try (ServerSocket unused = new ServerSocket(0)) {
                admin.replicaof("127.0.0.1", unused.getLocalPort());
            }
            long connectionsBefore = stat(admin, "stats", "total_connections_received:");
            CacheSink.send(cluster, topic, versions(3, 6, 1));
            await(() -> stat(admin, "errorstats", "errorstat_READONLY:count=") >= 3
                    && stat(admin, "stats", "total_connections_received:") >= connectionsBefore + 2,
                    "READONLY replies, each followed by a new connection");
            assertThat(admin.dbSize()).isEqualTo(3L);
            cluster.awaitRunning(name, 1);

            admin.replicaofNoOne();
            await(() -> admin.dbSize() == 6, "all 6 keys once the server is a primary again");
            assertThat(admin.get(topic + ":5")).isEqualTo("{\"version\":1,\"n\":51}");
            cluster.awaitRunning(name, 1);
        }
    }

    @Test
    void aFlushedScriptIsLoadedAgainAndEachRecordWrittenOnce(@TempDir Path dataDir) {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String topic = CacheSink.uniquePrefix("noscript");
        cluster.createTopic(topic, 1);
        try (PrivateRedis redis = PrivateRedis.start(dataDir); Jedis admin = redis.jedis()) {
            String name = "noscript-" + topic;
            Map<String, String> config = CacheSink.config(topic, redis.uri(), "${topic}:${key}");
            config.put("newer.wins", "field");
            config.put("newer.wins.field", "version");
            cluster.createConnector(name, config);
            CacheSink.send(cluster, topic, versions(0, 5, 1));
            await(() -> admin.dbSize() == 10, "5 keys and their markers");
            long callsBefore = stat(admin, "commandstats", "cmdstat_evalsha:calls=");

            admin.scriptFlush();
            CacheSink.send(cluster, topic, versions(0, 5, 2));
            await(() -> "2".equals(admin.get(topic + ":4:__version")), "the second versions written");
            assertThat(stat(admin, "errorstats", "errorstat_NOSCRIPT:count=")).as("the whole pipeline refused once")
                    .isPositive();
            long refused = stat(admin, "errorstats", "errorstat_NOSCRIPT:count=");
            assertThat(stat(admin, "commandstats", "cmdstat_evalsha:calls=") - callsBefore)
                    .as("each refused command sent once more after SCRIPT LOAD, and no other").isEqualTo(refused + 5);
            for (int i = 0; i < 5; i++) {
                assertThat(admin.get(topic + ":" + i)).isEqualTo("{\"version\":2,\"n\":" + (i * 10 + 2) + "}");
            }
            await(() -> CacheSink.pluginMetric(name, "records-written-total") == 10, "records-written-total = 10");
        }
    }

    /** The OOM error replies Redis has sent since it started ({@code INFO errorstats}). */
    private static long oomReplies(Jedis jedis) {
        return stat(jedis, "errorstats", "errorstat_OOM:count=");
    }

    /** A counter from {@code INFO section}: the number after {@code prefix}, up to a comma; 0 when absent. */
    private static long stat(Jedis jedis, String section, String prefix) {
        for (String line : jedis.info(section).split("\r?\n")) {
            if (line.startsWith(prefix)) {
                return Long.parseLong(line.substring(prefix.length()).split(",", 2)[0].trim());
            }
        }
        return 0;
    }
}
