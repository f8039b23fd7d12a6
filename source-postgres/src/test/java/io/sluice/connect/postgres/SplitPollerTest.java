package io.sluice.connect.postgres;

import io.sluice.connect.common.metrics.SluiceMetrics;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SplitPollerTest {

    @Test
    void aPollAfterTheTaskWasStoppedOpensNoConnection() throws InterruptedException {
        // nothing listens on port 1: an attempt to connect would fail, and be retried, instead of returning at once
        PostgresSourceConfig config = new PostgresSourceConfig(Map.of("name", "stopped",
                "connection.url", "jdbc:postgresql://127.0.0.1:1/none", "retry.max.attempts", "1"));
        SplitPoller poller = new SplitPoller(config, List.of(Split.table("public", "t")), null,
                p -> new PostgresSourceMetrics(SluiceMetrics.local(), p::splitsBehind, p::waitingMs, p::cursorLag),
                Clock.systemUTC());
        poller.close();
        assertThat(poller.poll()).isEmpty();
        poller.close();
    }
}
