package io.sluice.connect.redis;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.connect.redis.it.PrivateRedisServer;
import io.sluice.connect.redis.it.Records;
import io.sluice.connect.redis.it.RedisSource;
import io.sluice.connect.redis.it.Streams;
import io.sluice.connect.redis.it.TaskMetrics;
import io.sluice.testkit.ConnectClusterExtension;
import io.sluice.testkit.ConnectClusterFixture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.StreamEntryID;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The source in offset mode on one worker, against the shared Redis server: exact delivery with keys, values,
 * headers and a topic per stream; exact resume after a stop; a stream created while running; JSON values and bad
 * entries; health, metrics and validation as a user sees them.
 */
class RedisStreamSourceIT {

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = new ConnectClusterExtension(RedisSource.clusterBuilder()
            .workerProp("rest.extension.classes", "io.sluice.connect.common.health.SluiceHealthRestExtension"));

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

    @Test
    void deliversEveryEntryOnceWithKeyValueHeadersAndATopicPerStream() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String orders = streams.key("orders");
        String refunds = streams.key("refunds");
        StreamEntryID lastOrder = streams.add(orders, 1, 300);
        streams.add(refunds, 1, 120);
        Map<String, String> config = RedisSource.config(orders + "," + refunds, "redis-${stream}");
        config.put("key.field", "id");
        cluster.createConnector("exact", config);

        String ordersTopic = ("redis-" + orders).replace(':', '_');
        String refundsTopic = ("redis-" + refunds).replace(':', '_');
        List<ConsumerRecord<byte[], byte[]>> orderRecords = cluster.consumeExactly(ordersTopic, 300,
                RedisSource.timeout(), Duration.ofSeconds(1));
        List<ConsumerRecord<byte[], byte[]>> refundRecords = cluster.consumeExactly(refundsTopic, 120,
                RedisSource.timeout());

        assertThat(Records.checkIds(orderRecords.stream().map(Records::id).toList(), 300, true)).isEmpty();
        assertThat(Records.checkIds(refundRecords.stream().map(Records::id).toList(), 120, true)).isEmpty();
        ConsumerRecord<byte[], byte[]> last = orderRecords.get(orderRecords.size() - 1);
        assertThat(Records.key(last).asText()).isEqualTo("300");
        JsonNode value = Records.value(last);
        assertThat(value.get("name").asText()).isEqualTo("entry-300");
        assertThat(Records.header(last, "sluice.stream")).isEqualTo(orders);
        assertThat(Records.header(last, "sluice.entry.id")).isEqualTo(lastOrder.toString());
        assertThat(last.timestamp()).isEqualTo(lastOrder.getTime());
        ConnectClusterFixture.await(() -> lastOrder.toString().equals(committedId("exact", orders)),
                RedisSource.timeout(), () -> "offset of " + orders + " not committed: " + cluster.offsets("exact"));
    }

    @Test
    void resumesExactlyAfterTheLastCommittedEntry() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String events = streams.key("events");
        streams.add(events, 1, 500);
        String topic = streams.prefix().replace(":", "") + "-resume";
        cluster.createConnector("resume", RedisSource.config(events, topic));
        cluster.consumeExactly(topic, 500, RedisSource.timeout());

        RedisSource.stop(cluster, "resume");
        streams.add(events, 501, 800);
        RedisSource.resume(cluster, "resume", 1);

        List<Long> ids = cluster.consumeExactly(topic, 800, RedisSource.timeout(), Duration.ofSeconds(2)).stream()
                .map(Records::id).toList();
        assertThat(Records.checkIds(ids, 800, true)).isEmpty();
        assertThat(Records.key(cluster.consumeAll(topic, RedisSource.timeout()).get(0)).asText())
                .as("without key.field the key is the entry id").matches("\\d+-\\d+");
    }

    @Test
    void offsetsMovedThroughTheRestApiAreWhereReadingResumes() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String events = streams.key("events");
        streams.add(events, 1, 60);
        StreamEntryID sixtieth;
        try (var jedis = streams.jedis()) {
            sixtieth = jedis.xinfoStream(events).getLastGeneratedId();
        }
        streams.add(events, 61, 100);
        String topic = streams.prefix().replace(":", "") + "-moved";
        cluster.createConnector("moved", RedisSource.config(events, topic));
        cluster.consumeExactly(topic, 100, RedisSource.timeout());
        RedisSource.stop(cluster, "moved");

        Map<String, Object> entry = new java.util.HashMap<>();
        entry.put("partition", Map.of("stream", events));
        entry.put("offset", Map.of("v", 1, "id", sixtieth.toString()));
        cluster.rest().send("PATCH", "connectors/moved/offsets", Map.of("offsets", List.of(entry))).ok();
        var refused = cluster.rest().send("PATCH", "connectors/moved/offsets", Map.of("offsets", List.of(Map.of(
                "partition", Map.of("stream", events), "offset", Map.of("v", 1, "id", "soon")))));
        // Connect answers a ConnectException from alterOffsets() with 500 and the connector's message
        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.body()).contains("not a stream entry id");
        RedisSource.resume(cluster, "moved", 1);

        List<Long> ids = cluster.consumeExactly(topic, 140, RedisSource.timeout(), Duration.ofSeconds(2)).stream()
                .map(Records::id).toList();
        assertThat(Records.counts(ids)).as("entries after the moved offset are read again")
                .containsEntry(60L, 1L).containsEntry(61L, 2L).containsEntry(100L, 2L).hasSize(100);
    }

    @Test
    void startIdLatestSkipsWhatIsAlreadyInTheStream() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String events = streams.key("events");
        streams.add(events, 1, 30);
        String topic = streams.prefix().replace(":", "") + "-latest";
        Map<String, String> config = RedisSource.config(events, topic);
        config.put("start.id", "latest");
        cluster.createConnector("latest", config);
        cluster.awaitRunning("latest", 1);
        // 'latest' is fixed before the task's first read: marker entries (id 0) until one arrives prove it is
        ConnectClusterFixture.await(() -> {
            streams.add(events, 0, 0);
            return !cluster.consumeAll(topic, Duration.ofSeconds(2)).isEmpty();
        }, RedisSource.timeout(), () -> "no marker entry read from " + events);
        streams.add(events, 31, 50);

        ConnectClusterFixture.await(() -> realIds(topic).size() >= 20, RedisSource.timeout(),
                () -> "entries 31..50 not all read: " + realIds(topic));
        assertThat(realIds(topic)).as("entries 1..30 were there before the connector: skipped")
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(31, 50).boxed().toList());
    }

    /**
     * 'latest' is resolved once, by the connector, for the streams that exist when it starts: a stream found later by
     * the pattern is read from its first entry, though its entries were written before its task started.
     */
    @Test
    void startIdLatestSkipsOnlyStreamsThatExistedWhenTheConnectorStarted() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String old = streams.key("old");
        streams.add(old, 1, 30);
        Map<String, String> config = RedisSource.config("", "${stream}");
        config.remove("streams");
        config.put("streams.pattern", streams.prefix() + "*");
        config.put("streams.discovery.interval.ms", "300");
        config.put("start.id", "latest");
        config.put("tasks.max", "2");
        cluster.createConnector("latest-later", config);
        cluster.awaitRunning("latest-later", 1);
        ConnectClusterFixture.await(() -> {
            streams.add(old, 0, 0);
            return !cluster.consumeAll(old.replace(':', '_'), Duration.ofSeconds(2)).isEmpty();
        }, RedisSource.timeout(), () -> "no marker entry read from " + old);

        String later = streams.key("later");
        streams.add(later, 1, 70);

        List<Long> ids = cluster.consumeExactly(later.replace(':', '_'), 70, RedisSource.timeout(),
                Duration.ofSeconds(1)).stream().map(Records::id).toList();
        assertThat(Records.checkIds(ids, 70, true)).as("every entry of the stream created after the start").isEmpty();
        cluster.awaitRunning("latest-later", 2);
        assertThat(cluster.consumeAll(old.replace(':', '_'), Duration.ofSeconds(2))).extracting(Records::id)
                .as("entries 1..30 of the stream present at the start are skipped").containsOnly(0L);
    }

    /** The ids in {@code topic} except those of marker entries. */
    private static List<Long> realIds(String topic) {
        return CONNECT.cluster().consumeAll(topic, Duration.ofSeconds(5)).stream().map(Records::id)
                .filter(id -> id != 0).toList();
    }

    @Test
    void aStreamCreatedWhileRunningStartsFlowingWithoutARestart() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String first = streams.key("first");
        streams.add(first, 1, 50);
        Map<String, String> config = RedisSource.config("", "${stream}");
        config.remove("streams");
        config.put("streams.pattern", streams.prefix() + "*");
        config.put("streams.discovery.interval.ms", "300");
        config.put("tasks.max", "2");
        cluster.createConnector("pattern", config);
        cluster.consumeExactly(first.replace(':', '_'), 50, RedisSource.timeout());
        cluster.awaitRunning("pattern", 1);

        String second = streams.key("second");
        streams.add(second, 1, 70);

        List<Long> ids = cluster.consumeExactly(second.replace(':', '_'), 70, RedisSource.timeout(),
                Duration.ofSeconds(1)).stream().map(Records::id).toList();
        assertThat(Records.checkIds(ids, 70, true)).isEmpty();
        cluster.awaitRunning("pattern", 2);
        assertThat(cluster.consumeExactly(first.replace(':', '_'), 50, RedisSource.timeout())).hasSize(50);
    }

    @Test
    void parsesAJsonFieldAndSendsBadEntriesToTheErrorTopic() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String payloads = streams.key("payloads");
        streams.addFields(payloads, Map.of("payload", "{\"id\":1,\"tags\":[\"a\",\"b\"]}"));
        StreamEntryID bad = streams.addFields(payloads, Map.of("payload", "{not json"));
        streams.addFields(payloads, Map.of("payload", "{\"id\":3,\"nested\":{\"x\":true}}"));
        String topic = streams.prefix().replace(":", "") + "-json";
        Map<String, String> config = RedisSource.config(payloads, topic);
        config.put("value.format", "json");
        config.put("value.json.field", "payload");
        config.put("bad.record.policy", "error_topic");
        config.put("bad.record.topic", topic + "-errors");
        cluster.createConnector("json", config);

        List<ConsumerRecord<byte[], byte[]>> good = cluster.consumeExactly(topic, 2, RedisSource.timeout());
        assertThat(Records.value(good.get(0)).get("tags").get(1).asText()).isEqualTo("b");
        assertThat(Records.value(good.get(1)).get("nested").get("x").asBoolean()).isTrue();
        ConsumerRecord<byte[], byte[]> error = cluster.consumeExactly(topic + "-errors", 1, RedisSource.timeout())
                .get(0);
        assertThat(Records.header(error, "sluice.error.position")).isEqualTo(bad.toString());
        assertThat(Records.header(error, "sluice.error.reason")).contains("payload").contains("not JSON");
        assertThat(Records.value(error).asText()).contains("{not json");
    }

    @Test
    void healthAndMetricsShowAConnectedConnectorAndWhatItRead() throws Exception {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String orders = streams.key("orders");
        streams.add(orders, 1, 25);
        String topic = streams.prefix().replace(":", "") + "-health";
        cluster.createConnector("health", RedisSource.config(orders, topic));
        cluster.consumeExactly(topic, 25, RedisSource.timeout());

        JsonNode health = cluster.rest().get("sluice/health/health").ok().json();
        assertThat(health.path("status").asText()).as("health %s", health).isEqualTo("healthy");
        assertThat(health.path("connected").asBoolean()).isTrue();
        assertThat(health.has("response_time_ms")).isTrue();
        assertThat(health.path("capabilities")).extracting(JsonNode::asText)
                .contains("streams", "offsets", "exactly_once");
        ConnectClusterFixture.await(() -> TaskMetrics.equals("health", 0, "entries-total", 25),
                RedisSource.timeout(), () -> "entries-total of task 0 is "
                        + TaskMetrics.get("health", 0, "entries-total"));
        assertThat(TaskMetrics.get("health", 0, "lag-ms")).isNotNull();
        assertThat(TaskMetrics.get("health", 0, "entries-rate")).isNotNull();

        // a server that goes away under a running connector
        try (PrivateRedisServer gone = PrivateRedisServer.start()) {
            Map<String, String> config = RedisSource.config(gone.uri(), orders, topic);
            config.put("redis.timeout.ms", "500");
            cluster.createConnector("unreachable", config);
            cluster.awaitRunning("unreachable", 1);
        }
        var response = cluster.rest().get("sluice/health/unreachable");
        assertThat(response.status()).as("an unhealthy connector answers 503").isEqualTo(503);
        JsonNode down = response.json();
        assertThat(down.path("status").asText()).as("health %s", down).isEqualTo("unhealthy");
        assertThat(down.path("connected").asBoolean()).isFalse();
        assertThat(down.path("error").asText()).isNotBlank();
    }

    @Test
    void validationPinsEachProblemOnTheKeyToChange() throws Exception {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String notAStream = streams.key("plain-string");
        try (var jedis = streams.jedis()) {
            jedis.set(notAStream, "x");
        }
        Map<String, String> config = RedisSource.config(notAStream + "," + streams.key("not-yet"), "t");
        config.put("value.format", "json");
        Map<String, List<String>> errors = validate(config);
        assertThat(errors).containsOnlyKeys("value.json.field");
        config.put("value.json.field", "payload");
        errors = validate(config);
        assertThat(errors).containsOnlyKeys("streams");
        assertThat(errors.get("streams").get(0)).contains(notAStream).contains("not a stream");

        config.put("streams", streams.key("not-yet"));
        assertThat(validate(config)).as("a stream that does not exist yet may be created").isEmpty();
        config.put("streams.pattern", "x*");
        assertThat(validate(config)).containsOnlyKeys("streams");

        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> unreachable = RedisSource.config("redis://127.0.0.1:" + closedPort, "s", "t");
        errors = validate(unreachable);
        assertThat(errors).containsOnlyKeys("redis.uri");
        assertThat(errors.get("redis.uri").get(0)).contains("Cannot reach Redis");
    }

    private static Map<String, List<String>> validate(Map<String, String> props) {
        Map<String, String> config = new java.util.HashMap<>(props);
        config.putIfAbsent("name", "validated");
        JsonNode result = CONNECT.cluster().rest().put(
                "connector-plugins/RedisStreamSourceConnector/config/validate", config).ok().json();
        Map<String, List<String>> errors = new java.util.HashMap<>();
        result.path("configs").forEach(c -> {
            List<String> messages = new java.util.ArrayList<>();
            c.path("value").path("errors").forEach(m -> messages.add(m.asText()));
            if (!messages.isEmpty()) {
                errors.put(c.path("value").path("name").asText(), messages);
            }
        });
        return errors;
    }

    private static String committedId(String connector, String stream) {
        return CONNECT.cluster().offsets(connector).entrySet().stream()
                .filter(e -> stream.equals(e.getKey().get("stream")))
                .map(e -> String.valueOf(e.getValue().get("id")))
                .findFirst().orElse(null);
    }
}
