package io.sluice.connect.cache;

import static io.sluice.connect.cache.RedisCacheSinkIT.expectedKeys;
import static io.sluice.connect.cache.RedisCacheSinkIT.keys;
import static io.sluice.connect.cache.it.CacheSink.await;
import static io.sluice.connect.cache.it.CacheSink.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.connect.cache.it.CacheSink;
import io.sluice.testkit.ConnectClusterExtension;
import io.sluice.testkit.ConnectClusterFixture;
import io.sluice.testkit.RedisFixture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * The sink's rules in a Connect cluster, against the shared Redis server: newer-wins under reordered delivery
 * (values and tombstones), bad records into the dead-letter queue with every good record in Redis, and
 * {@code validate()} and the health endpoint over the REST API.
 */
class RedisCacheSinkRulesIT {

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = new ConnectClusterExtension(CacheSink.clusterBuilder());

    private static final RedisFixture REDIS = RedisFixture.get();

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
    void newerWinsKeepsTheNewestVersionWhateverTheDeliveryOrder() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String topic = CacheSink.uniquePrefix("newer");
        cluster.createTopic(topic, 1);
        int[][] orders = {{3, 1, 5, 2, 4}, {5, 4, 3, 2, 1}, {1, 2, 3, 4, 5}, {2, 5, 1, 5, 3}};
        List<String[]> records = new ArrayList<>();
        for (int key = 1; key <= 20; key++) {
            for (int version : orders[key % orders.length]) {
                records.add(record("\"" + key + "\"", "{\"id\":" + key + ",\"version\":" + version
                        + ",\"name\":\"k" + key + "-v" + version + "\"}"));
            }
        }
        // a deleted key stays deleted when an older version arrives after its tombstone
        records.add(record("\"gone\"", "{\"id\":\"gone\",\"version\":7}"));
        records.add(record("\"gone\"", null));
        records.add(record("\"gone\"", "{\"id\":\"gone\",\"version\":6}"));
        records.add(record("\"back\"", "{\"id\":\"back\",\"version\":7}"));
        records.add(record("\"back\"", null));
        records.add(record("\"back\"", "{\"id\":\"back\",\"version\":8}"));
        records.add(record("\"done\"", "{\"id\":\"done\",\"version\":1}"));
        CacheSink.send(cluster, topic, records);
        // tombstones carry no value, so the key comes from the record key
        Map<String, String> config = CacheSink.config(topic, REDIS.uri(), topic + ":${key}");
        config.put("newer.wins", "field");
        config.put("newer.wins.field", "version");
        cluster.createConnector("newer-" + topic, config);

        try (Jedis jedis = REDIS.jedis()) {
            await(() -> jedis.exists(topic + ":done"), "the last record");
            Set<String> expected = expectedKeys(topic + ":", 1, 20);
            expected.add(topic + ":back");
            expected.add(topic + ":done");
            Set<String> values = new HashSet<>(keys(jedis, topic + ":*"));
            values.removeIf(k -> k.endsWith(":__version"));
            assertThat(values).isEqualTo(expected);
            for (int key = 1; key <= 20; key++) {
                JsonNode value = RedisCacheSinkIT.json(jedis.get(topic + ":" + key));
                assertThat(value.get("version").asInt()).as("version of key " + key).isEqualTo(5);
                assertThat(value.get("name").asText()).isEqualTo("k" + key + "-v5");
                assertThat(jedis.get(topic + ":" + key + ":__version")).isEqualTo("5");
            }
            assertThat(jedis.exists(topic + ":gone")).as("an older version after a tombstone").isFalse();
            assertThat(jedis.get(topic + ":gone:__version")).as("the marker outlives the tombstone").isEqualTo("7");
            assertThat(jedis.pttl(topic + ":gone:__version")).isBetween(1L, 86_400_000L);
            assertThat(RedisCacheSinkIT.json(jedis.get(topic + ":back")).get("version").asInt()).isEqualTo(8);
        }
        JsonNode health = cluster.rest().get("sluice/health/newer-" + topic).ok().json();
        assertThat(health.get("status").asText()).isEqualTo("healthy");
        assertThat(health.get("connected").asBoolean()).isTrue();
        assertThat(health.get("response_time_ms").asLong()).isNotNegative();
        assertThat(health.get("capabilities").toString()).contains("newer_wins").contains("pipelining");
    }

    @Test
    void newerWinsByRecordTimestampAppliesToTombstonesToo() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String topic = CacheSink.uniquePrefix("newer-ts");
        cluster.createTopic(topic, 1);
        List<String[]> records = List.of(
                record("\"a\"", "{\"v\":\"a-2000\"}"), record("\"a\"", "{\"v\":\"a-1000\"}"),
                record("\"b\"", "{\"v\":\"b-1000\"}"), record("\"b\"", null), record("\"b\"", "{\"v\":\"b-1500\"}"),
                record("\"c\"", "{\"v\":\"c-3000\"}"), record("\"c\"", null), record("\"c\"", "{\"v\":\"c-4000\"}"),
                record("\"done\"", "{\"v\":\"done\"}"));
        List<Long> timestamps = List.of(2000L, 1000L, 1000L, 2000L, 1500L, 3000L, 3500L, 4000L, 1L);
        CacheSink.sendWithTimestamps(cluster, topic, records, timestamps);
        Map<String, String> config = CacheSink.config(topic, REDIS.uri(), topic + ":${key}");
        config.put("newer.wins", "timestamp");
        String name = "newer-ts-" + topic;
        cluster.createConnector(name, config);

        try (Jedis jedis = REDIS.jedis()) {
            await(() -> jedis.exists(topic + ":done"), "the last record");
            assertThat(jedis.get(topic + ":a")).isEqualTo("{\"v\":\"a-2000\"}");
            assertThat(jedis.exists(topic + ":b")).as("older than its tombstone").isFalse();
            assertThat(jedis.get(topic + ":b:__version")).isEqualTo("2000");
            assertThat(jedis.get(topic + ":c")).isEqualTo("{\"v\":\"c-4000\"}");
        }
        await(() -> CacheSink.pluginMetric(name, "records-skipped-total") == 2, "two records skipped");
    }

    @Test
    void underFieldVersionsATombstoneWhoseKeyCarriesTheVersionIsComparedLikeAnyRecord() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String topic = CacheSink.uniquePrefix("newer-key");
        cluster.createTopic(topic, 1);
        long inTenMinutes = java.time.Instant.now().plusSeconds(600).toEpochMilli();
        CacheSink.send(cluster, topic, List.of(
                record("{\"id\":\"a\",\"version\":2}", "{\"version\":2,\"exp\":" + inTenMinutes + "}"),
                record("{\"id\":\"a\",\"version\":1}", null),
                record("{\"id\":\"b\",\"version\":1}", "{\"version\":1}"),
                record("{\"id\":\"b\",\"version\":3}", null),
                record("{\"id\":\"b\",\"version\":2}", "{\"version\":2}"),
                record("{\"id\":\"c\",\"version\":5}", "{\"version\":5}"),
                record("{\"id\":\"c\"}", null),
                record("{\"id\":\"done\",\"version\":1}", "{\"version\":1}")));
        Map<String, String> config = CacheSink.config(topic, REDIS.uri(), topic + ":${key.id}");
        config.put("newer.wins", "field");
        config.put("newer.wins.field", "version");
        config.put("ttl.field", "exp");
        config.put("ttl.field.type", "expire_at");
        String name = "newer-key-" + topic;
        cluster.createConnector(name, config);

        try (Jedis jedis = REDIS.jedis()) {
            await(() -> jedis.exists(topic + ":done"), "the last record");
            assertThat(RedisCacheSinkIT.json(jedis.get(topic + ":a"))).as("the late tombstone of version 1 is skipped")
                    .isEqualTo(RedisCacheSinkIT.json("{\"version\":2,\"exp\":" + inTenMinutes + "}"));
            assertThat(jedis.pexpireTime(topic + ":a")).as("expire_at through the script (PXAT)")
                    .isEqualTo(inTenMinutes);
            assertThat(jedis.pexpireTime(topic + ":a:__version")).isEqualTo(inTenMinutes);
            assertThat(jedis.exists(topic + ":b")).as("version 2 is older than the tombstone of version 3")
                    .isFalse();
            assertThat(jedis.get(topic + ":b:__version")).isEqualTo("3");
            assertThat(jedis.exists(topic + ":c")).as("a key without a version deletes unconditionally").isFalse();
            assertThat(jedis.get(topic + ":c:__version")).isEqualTo("5");
        }
        await(() -> CacheSink.pluginMetric(name, "records-skipped-total") == 2, "two records skipped");
        await(() -> CacheSink.pluginMetric(name, "records-deleted-total") == 2, "two keys deleted");
    }

    @Test
    void badRecordsGoToTheDeadLetterQueueAndEveryOtherRecordToRedis() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String topic = CacheSink.uniquePrefix("dlq");
        String dlq = topic + "-dlq";
        cluster.createTopic(topic, 1);
        List<String[]> records = new ArrayList<>();
        List<String> bad = List.of("{\"name\":\"no id\"}", "{\"id\":5,\"ttl\":\"soon\",\"version\":1}", "\"just text\"",
                "{\"id\":9,\"ttl\":30,\"version\":\"nine\"}");
        for (int i = 1; i <= 40; i++) {
            records.add(record(null, "{\"id\":" + i + ",\"ttl\":600,\"version\":1,\"n\":" + i + "}"));
            if (i % 10 == 0) {
                records.add(record(null, bad.get(i / 10 - 1)));
            }
        }
        CacheSink.send(cluster, topic, records);
        try (Jedis jedis = REDIS.jedis()) {
            // record 13's version marker is not a string: Redis refuses its script with WRONGTYPE
            jedis.hset(topic + ":13:__version", "not", "a version");
        }
        Map<String, String> config = CacheSink.config(topic, REDIS.uri(), topic + ":${value.id}");
        config.put("value.format", "hash");
        config.put("ttl.field", "ttl");
        config.put("newer.wins", "field");
        config.put("newer.wins.field", "version");
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", dlq);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        cluster.createConnector("dlq-" + topic, config);

        List<ConsumerRecord<byte[], byte[]>> dead = cluster.consumeExactly(dlq, 5, CacheSink.timeout());
        Map<String, String> reasons = new HashMap<>();
        dead.forEach(r -> reasons.put(new String(r.value(), StandardCharsets.UTF_8),
                header(r, "__connect.errors.exception.message")));
        String wrongType = "{\"id\":13,\"ttl\":600,\"version\":1,\"n\":13}";
        List<String> expectedDead = new ArrayList<>(bad);
        expectedDead.add(wrongType);
        assertThat(reasons.keySet()).containsExactlyInAnyOrderElementsOf(expectedDead);
        assertThat(reasons.get(bad.get(0))).contains("offset 10").contains("key.template").contains("${value.id}");
        assertThat(reasons.get(bad.get(1))).contains("ttl.field 'ttl'").contains("soon");
        assertThat(reasons.get(bad.get(2))).contains("key.template");
        assertThat(reasons.get(bad.get(3))).contains("newer.wins.field");
        assertThat(reasons.get(wrongType)).contains("offset 13").contains("WRONGTYPE");
        try (Jedis jedis = REDIS.jedis()) {
            await(() -> jedis.exists(topic + ":40"), "the last good record");
            Set<String> values = new HashSet<>(keys(jedis, topic + ":*"));
            values.removeIf(k -> k.endsWith(":__version"));
            Set<String> expected = expectedKeys(topic + ":", 1, 40);
            expected.remove(topic + ":13");
            assertThat(values).as("every good record, the rest of record 13's pipeline included").isEqualTo(expected);
            assertThat(jedis.hgetAll(topic + ":9")).isEqualTo(Map.of("id", "9", "ttl", "600", "version", "1",
                    "n", "9"));
            assertThat(jedis.pttl(topic + ":9")).isBetween(1L, 600_000L);
        }
        String name = "dlq-" + topic;
        await(() -> CacheSink.pluginMetric(name, "records-failed-total") == 5, "records-failed-total = 5");
        await(() -> CacheSink.pluginMetric(name, "records-written-total") == 39, "records-written-total = 39");
        assertThat(CacheSink.pluginMetric(name, "records-skipped-total")).isZero();
        assertThat(CacheSink.pluginMetric(name, "pipelines-total")).isPositive();
        double lastLatency = CacheSink.pluginMetric(name, "pipeline-latency-ms");
        assertThat(CacheSink.pluginMetric(name, "pipeline-latency-max-ms")).as("the longest batch is at least the "
                + "last one; both are published").isGreaterThanOrEqualTo(lastLatency);
    }

    @Test
    void withoutErrorToleranceABadRecordFailsTheTaskNamingItsOffset() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String topic = CacheSink.uniquePrefix("fail");
        cluster.createTopic(topic, 1);
        CacheSink.send(cluster, topic, List.of(record(null, "{\"id\":1}"), record(null, "{\"other\":2}")));
        String name = "fail-" + topic;
        cluster.createConnector(name, CacheSink.config(topic, REDIS.uri(), topic + ":${value.id}"));

        String trace = cluster.awaitTaskFailed(name, CacheSink.timeout()).tasks().get(0).trace();
        assertThat(trace).contains("topic '" + topic + "' partition 0 offset 1")
                .contains("field 'id' is missing or null").contains("errors.tolerance=all");
        try (Jedis jedis = REDIS.jedis()) {
            assertThat(jedis.get(topic + ":1")).as("the good record before the bad one").isEqualTo("{\"id\":1}");
        }
    }

    @Test
    void validateNamesTheKeyOfEachProblem() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        Map<String, String> config = CacheSink.config("validate-topic", REDIS.uri(), "user:${value.id");
        config.put("ttl", "30");
        config.put("ttl.seconds", "60");
        config.put("ttl.field.type", "sometimes");
        assertThat(errors(cluster, config)).containsOnlyKeys("key.template", "ttl", "ttl.seconds", "ttl.field.type");
        assertThat(errors(cluster, config).get("key.template")).contains("unclosed");

        Map<String, String> crossField = CacheSink.config("validate-topic", REDIS.uri(), "${topic}:${value.id}");
        crossField.put("value.format", "bytes");
        crossField.put("newer.wins", "field");
        assertThat(errors(cluster, crossField)).containsOnlyKeys("key.template", "newer.wins.field");

        Map<String, String> unreachable = CacheSink.config("validate-topic", "redis://127.0.0.1:1/0", "k:${key");
        assertThat(errors(cluster, unreachable)).as("a template error does not hide the connection error")
                .containsOnlyKeys("redis.uri", "key.template");
        assertThat(errors(cluster, unreachable).get("redis.uri")).contains("cannot be reached");

        Map<String, String> withPassword = CacheSink.config("validate-topic", "redis://u:secret@127.0.0.1/0",
                "k:${key}");
        assertThat(errors(cluster, withPassword).get("redis.uri")).contains("redis.password");

        Map<String, String> valid = CacheSink.config("validate-topic", REDIS.uri(), "user:${value.id}");
        valid.put("ttl", "30");
        assertThat(errors(cluster, valid)).isEmpty();
    }

    /** {@code PUT /connector-plugins/{class}/config/validate}: the error messages by key. */
    static Map<String, String> errors(ConnectClusterFixture cluster, Map<String, String> config) {
        Map<String, String> named = new HashMap<>(config);
        named.put("name", "validate-only");
        JsonNode result = cluster.rest().put("connector-plugins/RedisCacheSinkConnector/config/validate", named)
                .ok().json();
        Map<String, String> errors = new HashMap<>();
        int messages = 0;
        for (JsonNode entry : result.get("configs")) {
            JsonNode value = entry.get("value");
            if (value.get("errors").size() > 0) {
                errors.put(value.get("name").asText(), value.get("errors").toString());
                messages += value.get("errors").size();
            }
        }
        assertThat(result.get("error_count").asInt()).isEqualTo(messages);
        return errors;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
