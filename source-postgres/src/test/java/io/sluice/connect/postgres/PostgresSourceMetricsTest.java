package io.sluice.connect.postgres;

import io.sluice.connect.common.metrics.SluiceMetrics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresSourceMetricsTest {

    @Test
    void countsRowsBytesQueriesAndReportsTheGauges() {
        PostgresSourceMetrics metrics = new PostgresSourceMetrics(SluiceMetrics.local(), () -> 2, () -> 1500L,
                () -> 42.0);
        metrics.query(7);
        metrics.query(5);
        metrics.rowsRead(100, 4096);
        metrics.badValue();
        assertThat(metrics.snapshot())
                .containsEntry("records-total", 100L)
                .containsEntry("bytes-read-total", 4096L)
                .containsEntry("query-time-ms-total", 12L)
                .containsEntry("queries-total", 2L)
                .containsEntry("last-query-time-ms", 5L)
                .containsEntry("bad-values-total", 1L)
                .containsEntry("splits-behind", 2)
                .containsEntry("watermark-wait-ms", 1500L)
                .containsEntry("cursor-lag", 42.0);
    }
}
