package io.sluice.connect.redis;

import io.sluice.connect.redis.it.Records;
import io.sluice.connect.redis.it.RedisSource;
import io.sluice.connect.redis.it.Streams;
import io.sluice.testkit.ChildWorker;
import io.sluice.testkit.ConnectClusterFixture;
import io.sluice.testkit.TopicReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offset mode with {@code exactly.once.source.support=enabled} when the worker running the task dies with SIGKILL
 * mid-stream: no graceful stop, no last offset commit, a transaction left open. The in-process worker takes the task
 * over, fences the dead task's producer and resumes at the last committed offset. A graceful stop would commit its
 * offsets and hide at-least-once behaviour; a kill does not, so only exactly-once passes: every id exactly once, as
 * a {@code read_committed} consumer sees the topic.
 */
class RedisStreamExactlyOnceCrashIT {

    private static final int ENTRIES = 20_000;
    private static final String NAME = "eos-crash";

    @Test
    void workerKilledMidStreamWritesEveryEntryExactlyOnce() {
        try (ConnectClusterFixture cluster = RedisSource.clusterBuilder().exactlyOnceSource()
                .workerProp("session.timeout.ms", "6000")
                .workerProp("heartbeat.interval.ms", "1000").start();
             ChildWorker child = ChildWorker.start(cluster);
             Streams streams = Streams.onSharedServer()) {
            String orders = streams.key("orders");
            String topic = streams.prefix().replace(":", "") + "-eos-crash";
            Map<String, String> config = RedisSource.throttled(RedisSource.config(orders, topic));
            config.put("exactly.once.support", "required");
            RedisStreamCrashIT.runOnChild(cluster, child, NAME, config);

            TopicReader reader = new TopicReader(cluster.bootstrapServers(), cluster::describeConnectors);
            streams.add(orders, 1, ENTRIES);
            ConnectClusterFixture.await(() -> reader.consumeAll(topic, Duration.ofSeconds(10)).size() >= ENTRIES / 20,
                    RedisSource.timeout(), () -> "no progress on " + topic);
            assertThat(cluster.status(NAME).tasks().get(0).workerId()).as("worker of task 0 when the child is killed")
                    .matches(child::runs, "the child worker " + child.url());
            child.kill();
            int writtenWhenKilled = reader.consumeAll(topic, Duration.ofSeconds(10)).size();

            cluster.awaitStatus(NAME, s -> s.tasks().stream().anyMatch(t -> t.id() == 0
                            && "RUNNING".equals(t.state()) && !child.runs(t.workerId())),
                    RedisSource.timeout(), "task 0 RUNNING on the in-process worker after the child was killed");

            List<Long> ids = reader.consumeExactly(topic, ENTRIES, RedisSource.timeout(), Duration.ofSeconds(3))
                    .stream().map(Records::id).toList();
            assertThat(Records.checkIds(ids, ENTRIES, true)).as("exactly once").isEmpty();
            assertThat(writtenWhenKilled).as("records in the topic when the child was killed: it died mid-stream")
                    .isBetween(ENTRIES / 20, ENTRIES - 1);
        }
    }
}
