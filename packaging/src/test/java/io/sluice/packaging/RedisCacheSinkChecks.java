package io.sluice.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.testkit.ConnectClusterFixture;
import io.sluice.testkit.RedisFixture;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static io.sluice.packaging.RunningPluginContract.CACHE_SINK;
import static io.sluice.packaging.RunningPluginContract.TIMEOUT;
import static io.sluice.packaging.RunningPluginContract.errorsByKey;
import static org.assertj.core.api.Assertions.assertThat;

/** The Redis cache sink, loaded from a ZIP: validation, and records written into Redis keys with a TTL. */
interface RedisCacheSinkChecks {

    RunningPluginContract worker();

    @Test
    default void cacheExampleConfigurationFromTheZipValidates() throws IOException {
        ObjectNode config = worker().exampleConfig("redis-cache-sink.json");
        config.put("redis.uri", RedisFixture.get().uri());

        JsonNode result = worker().validate("RedisCacheSinkConnector", config);

        assertThat(errorsByKey(result)).as("errors for the shipped example redis-cache-sink.json").isEmpty();
    }

    @Test
    default void cacheValidateNamesABadTemplate() throws IOException {
        JsonNode result = worker().validate("RedisCacheSinkConnector", Map.of(
                "connector.class", CACHE_SINK,
                "name", "bad-cache",
                "topics", "users",
                "redis.uri", RedisFixture.get().uri(),
                "key.template", "user:${value.id"));

        Map<String, List<String>> errors = errorsByKey(result);
        assertThat(errors.keySet()).as("keys with errors in %s", result).contains("key.template");
    }

    @Test
    default void cacheSinkWritesRecordsIntoKeysWithATtl() {
        ConnectClusterFixture cluster = worker().cluster();
        String name = "cache-" + getClass().getSimpleName().toLowerCase();
        String prefix = "sluice-pkg-" + name + ":";
        String topic = name + "-users";
        cluster.createTopic(topic, 1);
        cluster.createConnector(name, Map.of(
                "connector.class", CACHE_SINK,
                "tasks.max", "1",
                "topics", topic,
                "redis.uri", RedisFixture.get().uri(),
                "key.template", prefix + "${key}",
                "ttl", "300"));
        cluster.awaitRunning(name, 1);
        for (int i = 1; i <= 10; i++) {
            cluster.cluster().kafka().produce(topic, "\"u" + i + "\"", "{\"id\":" + i + ",\"name\":\"n" + i + "\"}");
        }
        cluster.cluster().kafka().produce(topic, "\"u3\"", null);

        try (Jedis jedis = RedisFixture.get().jedis()) {
            ConnectClusterFixture.await(() -> jedis.exists(prefix + "u10") && !jedis.exists(prefix + "u3"),
                    TIMEOUT, () -> "keys " + prefix + "* not written: " + cluster.describeConnectors());
            assertThat(jedis.keys(prefix + "*")).hasSize(9);
            assertThat(jedis.get(prefix + "u7")).contains("\"name\":\"n7\"");
            assertThat(jedis.pttl(prefix + "u7")).isBetween(1L, 300_000L);
            worker().assertHealthy(name, "pipelining", "tombstones");
            cluster.deleteConnector(name);
            jedis.del(jedis.keys(prefix + "*").toArray(new String[0]));
        }
    }
}
