package io.sluice.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.testkit.ConnectClusterFixture;
import io.sluice.testkit.RedisFixture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.XAddParams;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.sluice.packaging.RunningPluginContract.JSON;
import static io.sluice.packaging.RunningPluginContract.STREAM_SOURCE;
import static io.sluice.packaging.RunningPluginContract.TIMEOUT;
import static io.sluice.packaging.RunningPluginContract.errorsByKey;
import static org.assertj.core.api.Assertions.assertThat;

/** The Redis Streams source, loaded from a ZIP: validation, and a stream's entries read into a topic. */
interface RedisStreamSourceChecks {

    RunningPluginContract worker();

    @Test
    default void streamExampleConfigurationFromTheZipValidates() throws IOException {
        ObjectNode config = worker().exampleConfig("redis-stream-source.json");
        config.put("redis.uri", RedisFixture.get().uri());

        JsonNode result = worker().validate("RedisStreamSourceConnector", config);

        assertThat(errorsByKey(result)).as("errors for the shipped example redis-stream-source.json").isEmpty();
    }

    @Test
    default void streamSourceReadsAStreamIntoATopic() throws IOException {
        ConnectClusterFixture cluster = worker().cluster();
        String name = "stream-" + getClass().getSimpleName().toLowerCase();
        String stream = "sluice-pkg-" + name + ":orders";
        try (Jedis jedis = RedisFixture.get().jedis()) {
            jedis.del(stream);
            for (int i = 1; i <= 10; i++) {
                jedis.xadd(stream, XAddParams.xAddParams(), Map.of("id", Integer.toString(i), "item", "i-" + i));
            }
            cluster.createConnector(name, Map.of(
                    "connector.class", STREAM_SOURCE,
                    "tasks.max", "1",
                    "redis.uri", RedisFixture.get().uri(),
                    "streams", stream,
                    "topic", name + "-${stream}",
                    "key.field", "id"));
            cluster.awaitRunning(name, 1);
            String topic = (name + "-" + stream).replace(':', '_');
            List<ConsumerRecord<byte[], byte[]>> records = cluster.consumeExactly(topic, 10, TIMEOUT);

            assertThat(records).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 10).mapToObj(i -> "\"" + i + "\"").toList());
            JsonNode value = JSON.readTree(records.get(6).value());
            assertThat(value.path("item").asText()).isEqualTo("i-7");
            Header header = records.get(0).headers().lastHeader("sluice.stream");
            assertThat(header).as("sluice.stream header").isNotNull();
            assertThat(new String(header.value(), StandardCharsets.UTF_8)).contains(stream);
            worker().assertHealthy(name, "streams");
            cluster.deleteConnector(name);
            jedis.del(stream);
        }
    }
}
