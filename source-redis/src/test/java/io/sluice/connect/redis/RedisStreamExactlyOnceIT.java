package io.sluice.connect.redis;

import io.sluice.connect.redis.it.Records;
import io.sluice.connect.redis.it.RedisSource;
import io.sluice.connect.redis.it.Streams;
import io.sluice.testkit.ConnectClusterExtension;
import io.sluice.testkit.ConnectClusterFixture;
import io.sluice.testkit.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offset mode on two workers with {@code exactly.once.source.support=enabled}: a task restarted, and a worker stopped,
 * while a long stream is half read, and every entry still committed exactly once, as a {@code read_committed}
 * consumer sees the topic.
 */
class RedisStreamExactlyOnceIT {

    private static final int ENTRIES = 20_000;
    private static final int WORKERS = 2;

    @RegisterExtension
    static final ConnectClusterExtension CONNECT =
            new ConnectClusterExtension(RedisSource.clusterBuilder().workers(WORKERS).exactlyOnceSource());

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
    void taskRestartedMidStreamWritesEveryEntryOnce() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String orders = streams.key("orders");
        streams.add(orders, 1, ENTRIES);
        String topic = streams.prefix().replace(":", "") + "-eos";
        Map<String, String> config = RedisSource.throttled(RedisSource.config(orders, topic));
        config.put("exactly.once.support", "required");
        cluster.createConnector("eos", config);

        TopicReader reader = new TopicReader(cluster.bootstrapServers(), cluster::describeConnectors);
        ConnectClusterFixture.await(() -> reader.consumeAll(topic, Duration.ofSeconds(10)).size() >= ENTRIES / 20,
                RedisSource.timeout(), () -> "no progress on " + topic);
        cluster.restartTask("eos", 0);
        int writtenWhenRestarted = reader.consumeAll(topic, Duration.ofSeconds(10)).size();
        cluster.awaitRunning("eos", 1);

        List<Long> ids = cluster.consumeExactly(topic, ENTRIES, RedisSource.timeout(), Duration.ofSeconds(2))
                .stream().map(Records::id).toList();
        assertThat(Records.checkIds(ids, ENTRIES, true)).isEmpty();
        assertThat(writtenWhenRestarted).as("records in the topic when the task restarted: it stopped mid-stream")
                .isBetween(ENTRIES / 20, ENTRIES - 1);
    }

    @Test
    void workerStoppedMidStreamWritesEveryEntryOnce() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        while (cluster.workers().size() < WORKERS) {
            cluster.addWorker();
        }
        String orders = streams.key("orders");
        streams.add(orders, 1, ENTRIES);
        String topic = streams.prefix().replace(":", "") + "-failover";
        Map<String, String> config = RedisSource.throttled(RedisSource.config(orders, topic));
        config.put("exactly.once.support", "required");
        cluster.createConnector("failover", config);
        cluster.awaitRunning("failover", 1);

        TopicReader reader = new TopicReader(cluster.bootstrapServers(), cluster::describeConnectors);
        ConnectClusterFixture.await(() -> reader.consumeAll(topic, Duration.ofSeconds(10)).size() >= ENTRIES / 20,
                RedisSource.timeout(), () -> "no progress on " + topic);
        var busy = cluster.workerRunning("failover", 0);
        String stoppedPort = ":" + busy.url().getPort();
        cluster.stopWorker(busy);
        int writtenWhenStopped = reader.consumeAll(topic, Duration.ofSeconds(10)).size();
        cluster.awaitStatus("failover", s -> s.tasks().stream().anyMatch(t -> t.id() == 0
                        && "RUNNING".equals(t.state()) && !t.workerId().endsWith(stoppedPort)),
                RedisSource.timeout(), "task 0 RUNNING on the other worker");

        List<Long> ids = cluster.consumeExactly(topic, ENTRIES, RedisSource.timeout(), Duration.ofSeconds(2))
                .stream().map(Records::id).toList();
        assertThat(Records.checkIds(ids, ENTRIES, true)).isEmpty();
        assertThat(writtenWhenStopped).as("records in the topic when the worker had stopped: it stopped mid-stream")
                .isBetween(ENTRIES / 20, ENTRIES - 1);
    }

    @Test
    void groupModeIsRefusedWhenExactlyOnceIsRequired() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        Map<String, String> config = RedisSource.groupConfig(streams.key("orders"), "unused", "g-eos");
        config.put("exactly.once.support", "required");
        var response = cluster.rest().put("connectors/eos-group/config", config);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("does not support exactly-once");
    }
}
