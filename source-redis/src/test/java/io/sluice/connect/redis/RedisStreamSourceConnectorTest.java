package io.sluice.connect.redis;

import io.sluice.connect.common.health.HealthReport;
import io.sluice.connect.common.metrics.SluiceMetrics;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisStreamSourceConnectorTest {

    private final RedisStreamSourceConnector connector = new RedisStreamSourceConnector();

    @Test
    void exactlyOnceIsSupportedInOffsetModeOnly() {
        Map<String, String> props = RedisStreamSourceConfigTest.minimal();
        assertThat(connector.exactlyOnceSupport(props)).isEqualTo(ExactlyOnceSupport.SUPPORTED);
        props.put("delivery.mode", "GROUP");
        assertThat(connector.exactlyOnceSupport(props)).isEqualTo(ExactlyOnceSupport.UNSUPPORTED);
        props.put("delivery.mode", "groups");
        assertThat(connector.exactlyOnceSupport(props)).as("unknown for a mode that is not one").isNull();
    }

    @Test
    void alterOffsetsAcceptsResetsAndWellFormedOffsetsAndNamesWhatIsWrongOtherwise() {
        Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>();
        offsets.put(Map.of("stream", "orders"), Map.of("v", 1, "id", "1700000000000-0"));
        offsets.put(Map.of("stream", "refunds"), null);
        assertThat(connector.alterOffsets(Map.of(), offsets)).isTrue();

        assertThatThrownBy(() -> connector.alterOffsets(Map.of(),
                Map.of(Map.of("stream", "orders"), Map.of("v", 1, "id", "later"))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("not a stream entry id")
                .hasMessageContaining("{\"v\": 1, \"id\": \"<ms>-<seq>\"}");
        assertThatThrownBy(() -> connector.alterOffsets(Map.of(),
                Map.of(Map.of("file", "x"), Map.of("v", 1, "id", "1-0"))))
                .hasMessageContaining("'stream' is missing");
    }

    @Test
    void alterOffsetsIsRefusedInGroupModeWhereThePositionLivesInRedis() {
        Map<String, String> props = RedisStreamSourceConfigTest.minimal();
        props.put("delivery.mode", "Group");
        assertThatThrownBy(() -> connector.alterOffsets(props,
                Map.of(Map.of("stream", "orders"), Map.of("v", 1, "id", "1-0"))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("delivery.mode=group")
                .hasMessageContaining("XGROUP SETID");
        Map<Map<String, ?>, Map<String, ?>> reset = new HashMap<>();
        reset.put(Map.of("stream", "orders"), null);
        assertThatThrownBy(() -> connector.alterOffsets(props, reset)).isInstanceOf(ConnectException.class);
    }

    @Test
    void listedStreamsAreDealtToTasksWithoutAskingRedis() {
        Map<String, String> props = RedisStreamSourceConfigTest.minimal();
        props.put("name", "connector-test-listed");
        connector.start(props);
        try {
            var configs = connector.taskConfigs(4);
            assertThat(configs).hasSize(2);
            assertThat(configs).extracting(c -> TaskAssignment.fromTaskProps(c).streams())
                    .containsExactly(java.util.List.of("orders"), java.util.List.of("refunds"));
        } finally {
            connector.stop();
        }
    }

    @Test
    void healthIsUnhealthyAndDisconnectedWhenNothingAnswersAndNamesItsCapabilities() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> props = RedisStreamSourceConfigTest.minimal();
        props.put("redis.uri", "redis://127.0.0.1:" + closedPort);
        props.put("redis.timeout.ms", "500");
        RedisHealthCheck check = new RedisHealthCheck(new RedisStreamSourceConfig(props), Clock.systemUTC(),
                () -> null);
        HealthReport report = check.check();
        assertThat(report.isHealthy()).isFalse();
        assertThat(report.connected()).isFalse();
        assertThat(report.error()).isNotBlank();
        assertThat(report.capabilities()).contains("offsets", "exactly_once", "streams");
    }

    @Test
    void taskMetricsCountEntriesReclaimedAndBadOnes() {
        RedisStreamMetrics metrics = new RedisStreamMetrics(SluiceMetrics.local());
        metrics.entries().record(5);
        metrics.reclaimed().add(2);
        metrics.pending(3);
        metrics.lagMs(40);
        assertThat(metrics.snapshot()).containsEntry("entries-total", 5L).containsEntry("reclaimed-entries", 2L)
                .containsEntry("pending-entries", 3L).containsEntry("lag-ms", 40L).containsEntry("bad-entries", 0L);
    }
}
