package io.sluice.connect.csv;

import io.sluice.connect.csv.it.CsvConnector;
import io.sluice.connect.csv.it.InputFiles;
import io.sluice.connect.csv.it.Records;
import io.sluice.testkit.TopicTail;
import io.sluice.testkit.ConnectClusterExtension;
import io.sluice.testkit.ConnectClusterFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.sluice.connect.csv.it.CsvConnector.timeout;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV source on two workers with {@code exactly.once.source.support=enabled}: a task restarted (reading batches
 * ahead on a thread of its own) and a worker stopped while a file is half read, and every row still committed exactly
 * once, as a {@code read_committed} consumer sees the topic.
 */
class CsvSourceExactlyOnceIT {

    private static final int WORKERS = 2;
    private static final int ROWS = 20_000;

    @RegisterExtension
    static final ConnectClusterExtension CONNECT =
            new ConnectClusterExtension(CsvConnector.clusterBuilder().workers(WORKERS).exactlyOnceSource());

    @AfterEach
    void deleteConnectors() {
        CONNECT.cluster().deleteAllConnectors();
    }

    /** A throttled connector that refuses to start unless it can run exactly once. */
    private static Map<String, String> exactlyOnceConfig(Path input, String topic) {
        Map<String, String> config = CsvConnector.throttled(CsvConnector.config(input, topic));
        config.put("exactly.once.support", "required");
        return config;
    }

    @Test
    void taskRestartedMidFileWritesEveryRowOnce(@TempDir Path input) throws Exception {
        ConnectClusterFixture cluster = CONNECT.cluster();
        InputFiles.write(input, "big.csv", InputFiles.numbered(1, ROWS));
        Map<String, String> config = exactlyOnceConfig(input, "eos-restart");
        // batches read ahead and not handed to Connect when the task stops must be read again, not lost
        config.put("read.ahead.batches", "2");
        cluster.createConnector("eos-restart", config);

        long writtenWhenRestarted;
        try (TopicTail<Long> tail = TopicTail.follow(cluster, "eos-restart", Records::id)) {
            tail.awaitAtLeast(ROWS / 20, timeout());
            cluster.restartTask("eos-restart", 0);
            writtenWhenRestarted = tail.endOffset();
            cluster.awaitRunning("eos-restart", 1);
        }

        assertEveryRowOnce("eos-restart");
        assertThat(writtenWhenRestarted).as("topic end offset when the task had restarted: it stopped mid-file")
                .isBetween((long) ROWS / 20, ROWS - 1L);
    }

    @Test
    void workerStoppedMidFileWritesEveryRowOnce(@TempDir Path input) throws Exception {
        ConnectClusterFixture cluster = CONNECT.cluster();
        InputFiles.write(input, "big.csv", InputFiles.numbered(1, ROWS));
        CsvConnector.ensureWorkers(cluster, WORKERS);
        cluster.createConnector("eos-failover", exactlyOnceConfig(input, "eos-failover"));
        cluster.awaitRunning("eos-failover", 1);

        long[] writtenWhenStopped = new long[1];
        try (TopicTail<Long> tail = TopicTail.follow(cluster, "eos-failover", Records::id)) {
            tail.awaitAtLeast(ROWS / 20, timeout());
            CsvConnector.stopWorkerRunning(cluster, "eos-failover", 0, () -> writtenWhenStopped[0] = tail.endOffset());
        }

        assertEveryRowOnce("eos-failover");
        assertThat(writtenWhenStopped[0]).as("topic end offset when the worker had stopped: it stopped mid-file")
                .isBetween((long) ROWS / 20, ROWS - 1L);
    }

    private static void assertEveryRowOnce(String topic) {
        List<Long> ids = CONNECT.cluster().consumeExactly(topic, ROWS, timeout(), Duration.ofSeconds(2)).stream()
                .map(Records::id).toList();
        assertThat(Records.checkIds(ids, ROWS, true)).isEmpty();
    }
}
