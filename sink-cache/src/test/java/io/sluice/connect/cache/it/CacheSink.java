package io.sluice.connect.cache.it;

import io.sluice.testkit.ConnectClusterBuilder;
import io.sluice.testkit.ConnectClusterFixture;
import io.sluice.testkit.RedisFixture;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The Redis cache sink as a user drives it: configurations with the documented keys as plain strings (the
 * connector's classes are not on the test classpath: the worker loads them from the plugin ZIP), and a producer
 * that writes JsonConverter-encoded records into the topics it reads.
 */
public final class CacheSink {

    /** The connector class as a user names it. */
    public static final String CLASS = "io.sluice.connect.cache.RedisCacheSinkConnector";

    private CacheSink() {
    }

    /** How long the tests wait for Redis to reach an expected state. */
    public static Duration timeout() {
        return Duration.ofSeconds(60);
    }

    /**
     * A cluster with {@code plugin.discovery=service_load} (the packaging IT covers {@code hybrid_fail}) and the
     * health REST extension.
     */
    public static ConnectClusterBuilder clusterBuilder() {
        return ConnectClusterFixture.builder()
                .workerProp("plugin.discovery", "service_load")
                .workerProp("rest.extension.classes", "io.sluice.connect.common.health.SluiceHealthRestExtension");
    }

    /** The start of every topic and Redis key these tests create. */
    public static final String PREFIX = "sluice-cache-it-";

    /** @return a prefix no other test uses, for topics and Redis keys */
    public static String uniquePrefix(String name) {
        return PREFIX + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Deletes the keys these tests wrote to a shared Redis server, and no other. */
    public static void deleteTestKeys(Jedis jedis) {
        Set<String> keys = keys(jedis, PREFIX + "*");
        if (!keys.isEmpty()) {
            jedis.del(keys.toArray(new String[0]));
        }
    }

    /** @return every key matching the glob {@code pattern}, found with SCAN (never KEYS on a shared server) */
    public static Set<String> keys(Jedis jedis, String pattern) {
        Set<String> keys = new HashSet<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = jedis.scan(cursor, new ScanParams().match(pattern).count(1000));
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }

    /** One task reading {@code topic} into {@code redisUri} with {@code keyTemplate}, short retry backoff. */
    public static Map<String, String> config(String topic, String redisUri, String keyTemplate) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", CLASS);
        config.put("tasks.max", "1");
        config.put("topics", topic);
        config.put("redis.uri", redisUri);
        String password = RedisFixture.get().password();
        if (password != null && !password.isEmpty() && redisUri.equals(RedisFixture.get().uri())) {
            // the shared server may require a password (SLUICE_TEST_REDIS_URL with credentials)
            config.put("redis.password", password);
        }
        config.put("key.template", keyTemplate);
        config.put("retry.backoff.initial.ms", "100");
        config.put("retry.backoff.max.ms", "1000");
        return config;
    }

    /** A producer of raw bytes to the cluster's Kafka. */
    public static KafkaProducer<byte[], byte[]> producer(ConnectClusterFixture cluster) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    /** Sends each (key, value) as JSON text (a null value is a tombstone) and waits until Kafka has them all. */
    public static void send(ConnectClusterFixture cluster, String topic, List<String[]> keyValues) {
        try (KafkaProducer<byte[], byte[]> producer = producer(cluster)) {
            for (String[] kv : keyValues) {
                producer.send(new ProducerRecord<>(topic, bytes(kv[0]), bytes(kv[1])));
            }
            producer.flush();
        }
    }

    /** Sends JSON-text records with the given record timestamps, in list order, to partition 0. */
    public static void sendWithTimestamps(ConnectClusterFixture cluster, String topic, List<String[]> keyValues,
                                          List<Long> timestamps) {
        try (KafkaProducer<byte[], byte[]> producer = producer(cluster)) {
            for (int i = 0; i < keyValues.size(); i++) {
                producer.send(new ProducerRecord<>(topic, 0, timestamps.get(i), bytes(keyValues.get(i)[0]),
                        bytes(keyValues.get(i)[1])));
            }
            producer.flush();
        }
    }

    /**
     * The value of a plugin metric that a task of {@code connector} registered, as the worker publishes it over
     * JMX; NaN while there is none.
     */
    public static double pluginMetric(String connector, String attribute) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (ObjectName name : server.queryNames(null, null)) {
            if (connector.equals(name.getKeyProperty("connector")) && name.getKeyProperty("task") != null) {
                try {
                    Object value = server.getAttribute(name, attribute);
                    if (value instanceof Number number) {
                        return number.doubleValue();
                    }
                } catch (JMException | RuntimeException notThisBean) {
                    // another MBean of the connector, e.g. Connect's own task metrics
                }
            }
        }
        return Double.NaN;
    }

    /** One (key, value) pair of JSON texts; either may be null. */
    public static String[] record(String keyJson, String valueJson) {
        return new String[] {keyJson, valueJson};
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Waits until {@code condition} holds, failing with {@code what}. */
    public static void await(BooleanSupplier condition, String what) {
        ConnectClusterFixture.await(condition::getAsBoolean, timeout(), () -> "Timed out waiting for: " + what);
    }
}
