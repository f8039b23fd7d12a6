package io.sluice.connect.cache;

import static io.sluice.connect.cache.it.CacheSink.await;
import static io.sluice.connect.cache.it.CacheSink.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.connect.cache.it.CacheSink;
import io.sluice.testkit.ConnectClusterExtension;
import io.sluice.testkit.ConnectClusterFixture;
import io.sluice.testkit.RedisFixture;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * The Redis cache sink in a Connect cluster, installed from its plugin ZIP and driven over the REST API, writing to
 * the shared Redis server: exact keys and values for each value format and key template, fixed and per-record TTLs
 * (set, and honoured), and tombstones. Newer-wins, dead-letter queue, validation and health are in
 * {@link RedisCacheSinkRulesIT}; a Redis restart mid-stream in {@link RedisCacheSinkRestartIT}.
 */
class RedisCacheSinkIT {

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = new ConnectClusterExtension(CacheSink.clusterBuilder());

    private static final RedisFixture REDIS = RedisFixture.get();
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void deleteConnectors() {
        CONNECT.cluster().deleteAllConnectors();
    }

    @AfterAll
    static void deleteKeys() {
        try (Jedis jedis = REDIS.jedis()) {
            CacheSink.deleteTestKeys(jedis);
        }
    }

    @Test
    void writesJsonValuesUnderTemplatedKeysWithTheFixedTtlAlias() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String topic = CacheSink.uniquePrefix("json");
        cluster.createTopic(topic, 2);
        List<String[]> records = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            records.add(record("\"k" + i + "\"", "{\"id\":" + i + ",\"name\":\"user-" + i + "\",\"score\":" + i
                    + ".5,\"tags\":[\"a\",\"b\"],\"address\":{\"city\":\"c" + i + "\"}}"));
        }
        CacheSink.send(cluster, topic, records);
        Map<String, String> config = CacheSink.config(topic, REDIS.uri(), "${topic}:user:${value.id}");
        config.put("ttl", "300");
        cluster.createConnector("json-" + topic, config);

        try (Jedis jedis = REDIS.jedis()) {
            await(() -> keys(jedis, topic + ":*").size() == 50, "50 keys under " + topic);
            assertThat(keys(jedis, topic + ":*")).isEqualTo(expectedKeys(topic + ":user:", 1, 50));
            // schemaless JSON arrives as a Map, whose field order JsonConverter does not keep: compare as JSON
            assertThat(json(jedis.get(topic + ":user:7"))).isEqualTo(json("{\"id\":7,\"name\":\"user-7\","
                    + "\"score\":7.5,\"tags\":[\"a\",\"b\"],\"address\":{\"city\":\"c7\"}}"));
            for (int i = 1; i <= 50; i++) {
                assertThat(jedis.pttl(topic + ":user:" + i)).as("PTTL of user " + i).isBetween(1L, 300_000L);
            }
        }
    }

    @Test
    void replacesHashesBuiltFromStructValuesUnderKeysFromTheRecordKey() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String topic = CacheSink.uniquePrefix("hash");
        cluster.createTopic(topic, 1);
        String schema = "{\"type\":\"struct\",\"name\":\"Item\",\"fields\":[{\"field\":\"sku\",\"type\":\"string\"},"
                + "{\"field\":\"qty\",\"type\":\"int32\"},{\"field\":\"note\",\"type\":\"string\",\"optional\":true}]}";
        List<String[]> records = new ArrayList<>();
        records.add(record("{\"id\":1}", "{\"schema\":" + schema + ",\"payload\":{\"sku\":\"A-1\",\"qty\":3,"
                + "\"note\":\"first\"}}"));
        records.add(record("{\"id\":2}", "{\"schema\":" + schema + ",\"payload\":{\"sku\":\"B-2\",\"qty\":5,"
                + "\"note\":null}}"));
        // the newer record of item 1 has no note: the field must not linger from the older one
        records.add(record("{\"id\":1}", "{\"schema\":" + schema + ",\"payload\":{\"sku\":\"A-1\",\"qty\":4,"
                + "\"note\":null}}"));
        records.add(record("{\"id\":3}", "{\"schema\":" + schema + ",\"payload\":{\"sku\":\"C-3\",\"qty\":0,"
                + "\"note\":\"last\"}}"));
        CacheSink.send(cluster, topic, records);
        Map<String, String> config = CacheSink.config(topic, REDIS.uri(), topic + ":item:${key.id}");
        config.put("value.format", "hash");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "true");
        cluster.createConnector("hash-" + topic, config);

        try (Jedis jedis = REDIS.jedis()) {
            await(() -> "last".equals(jedis.hget(topic + ":item:3", "note")), "item 3 written");
            assertThat(keys(jedis, topic + ":*")).isEqualTo(expectedKeys(topic + ":item:", 1, 3));
            assertThat(jedis.hgetAll(topic + ":item:1")).isEqualTo(Map.of("sku", "A-1", "qty", "4"));
            assertThat(jedis.hgetAll(topic + ":item:2")).isEqualTo(Map.of("sku", "B-2", "qty", "5"));
            assertThat(jedis.hgetAll(topic + ":item:3")).isEqualTo(Map.of("sku", "C-3", "qty", "0", "note", "last"));
            assertThat(jedis.pttl(topic + ":item:1")).as("no TTL configured").isEqualTo(-1L);
        }
    }

    @Test
    void storesRawBytesWithTheByteArrayConverter() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String topic = CacheSink.uniquePrefix("bytes");
        cluster.createTopic(topic, 1);
        List<String[]> records = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            records.add(record("page-" + i, "<html>page " + i + " \u00e9</html>"));
        }
        CacheSink.send(cluster, topic, records);
        Map<String, String> config = CacheSink.config(topic, REDIS.uri(), "${topic}:${key}");
        config.put("value.format", "bytes");
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("ttl.seconds", "120");
        cluster.createConnector("bytes-" + topic, config);

        try (Jedis jedis = REDIS.jedis()) {
            await(() -> keys(jedis, topic + ":*").size() == 10, "10 pages");
            for (int i = 1; i <= 10; i++) {
                byte[] stored = jedis.get((topic + ":page-" + i).getBytes(StandardCharsets.UTF_8));
                assertThat(stored).isEqualTo(("<html>page " + i + " \u00e9</html>").getBytes(StandardCharsets.UTF_8));
                assertThat(jedis.pttl(topic + ":page-" + i)).isBetween(1L, 120_000L);
            }
        }
    }

    @Test
    void takesTtlsFromAFieldAndLetsShortOnesExpire() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String topic = CacheSink.uniquePrefix("ttl");
        cluster.createTopic(topic, 1);
        long inTenMinutes = Instant.now().plusSeconds(600).toEpochMilli();
        try (Jedis jedis = REDIS.jedis()) {
            // the key an expired record must delete exists before the record arrives
            jedis.set(topic + ":s:expired", "stale");
        }
        CacheSink.send(cluster, topic, List.of(
                record(null, "{\"id\":\"short\",\"ttl\":3}"),
                record(null, "{\"id\":\"long\",\"ttl\":900}"),
                record(null, "{\"id\":\"expired\",\"ttl\":0}"),
                record(null, "{\"id\":\"fallback\"}")));
        Map<String, String> seconds = CacheSink.config(topic, REDIS.uri(), topic + ":s:${value.id}");
        seconds.put("ttl.field", "ttl");
        seconds.put("ttl.seconds", "60");
        cluster.createConnector("ttl-seconds-" + topic, seconds);

        String absolute = topic + "-at";
        cluster.createTopic(absolute, 1);
        CacheSink.send(cluster, absolute, List.of(
                record(null, "{\"id\":\"millis\",\"expires\":" + inTenMinutes + "}"),
                record(null, "{\"id\":\"iso\",\"expires\":\"" + Instant.ofEpochMilli(inTenMinutes) + "\"}"),
                record(null, "{\"id\":\"none\"}")));
        Map<String, String> expireAt = CacheSink.config(absolute, REDIS.uri(), topic + ":a:${value.id}");
        expireAt.put("value.format", "hash");
        expireAt.put("ttl.field", "expires");
        expireAt.put("ttl.field.type", "expire_at");
        cluster.createConnector("ttl-at-" + topic, expireAt);

        try (Jedis jedis = REDIS.jedis()) {
            await(() -> jedis.exists(topic + ":s:short"), "the 3 s key is written");
            assertThat(jedis.pttl(topic + ":s:short")).as("a TTL of 3 s").isBetween(1L, 3_000L);
            await(() -> jedis.exists(topic + ":s:fallback") && jedis.exists(topic + ":a:none"), "last records");
            assertThat(jedis.pttl(topic + ":s:long")).isBetween(1L, 900_000L);
            assertThat(jedis.pttl(topic + ":s:fallback")).as("ttl.seconds when the field is missing")
                    .isBetween(1L, 60_000L);
            assertThat(jedis.exists(topic + ":s:expired")).as("a TTL of 0 deletes the existing key").isFalse();
            assertThat(jedis.pexpireTime(topic + ":a:millis")).as("expires exactly when the record says (PXAT)")
                    .isEqualTo(inTenMinutes);
            assertThat(jedis.pexpireTime(topic + ":a:iso")).isEqualTo(inTenMinutes);
            assertThat(jedis.hgetAll(topic + ":a:iso")).containsEntry("id", "iso");
            assertThat(jedis.pttl(topic + ":a:none")).as("no field and no ttl.seconds: no TTL").isEqualTo(-1L);
            assertThat(json(jedis.get(topic + ":s:long"))).isEqualTo(json("{\"id\":\"long\",\"ttl\":900}"));
            await(() -> !jedis.exists(topic + ":s:short"), "the 3 s key expires");
            assertThat(jedis.exists(topic + ":s:long")).isTrue();
        }
    }

    @Test
    void tombstonesDeleteTheirKeys() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String topic = CacheSink.uniquePrefix("tomb");
        cluster.createTopic(topic, 1);
        List<String[]> records = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            records.add(record("\"" + i + "\"", "{\"v\":" + i + "}"));
        }
        for (int i = 2; i <= 20; i += 2) {
            records.add(record("\"" + i + "\"", null));
        }
        records.add(record("\"never-written\"", null));
        records.add(record("\"done\"", "{\"v\":\"done\"}"));
        CacheSink.send(cluster, topic, records);
        cluster.createConnector("tomb-" + topic, CacheSink.config(topic, REDIS.uri(), topic + ":${key}"));

        try (Jedis jedis = REDIS.jedis()) {
            await(() -> jedis.exists(topic + ":done"), "the last record");
            Set<String> expected = new HashSet<>();
            for (int i = 1; i <= 19; i += 2) {
                expected.add(topic + ":" + i);
                assertThat(jedis.get(topic + ":" + i)).isEqualTo("{\"v\":" + i + "}");
            }
            expected.add(topic + ":done");
            assertThat(keys(jedis, topic + ":*")).isEqualTo(expected);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }

    static Set<String> keys(Jedis jedis, String pattern) {
        return CacheSink.keys(jedis, pattern);
    }

    static Set<String> expectedKeys(String prefix, int from, int to) {
        Set<String> keys = new HashSet<>();
        for (int i = from; i <= to; i++) {
            keys.add(prefix + i);
        }
        return keys;
    }
}
