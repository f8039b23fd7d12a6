package io.sluice.connect.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.connect.common.metrics.SluiceMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheSinkMetricsTest {

    @Test
    void countsWritesDeletesSkipsFailuresAndBatchLatency() {
        try (CacheSinkMetrics metrics = new CacheSinkMetrics(SluiceMetrics.local())) {
            metrics.attempt(new PipelineWriter.Attempt(7, 2, 1, List.of(), List.of(), null));
            metrics.attempt(new PipelineWriter.Attempt(3, 0, 4, List.of(), List.of(), null));
            metrics.failed();
            metrics.batch(12);
            metrics.batch(5);
            assertThat(metrics.snapshot())
                    .containsEntry("records-written-total", 10L)
                    .containsEntry("records-deleted-total", 2L)
                    .containsEntry("records-skipped-total", 5L)
                    .containsEntry("records-failed-total", 1L)
                    .containsEntry("pipelines-total", 2L)
                    .containsEntry("pipeline-latency-ms", 5L)
                    .containsEntry("pipeline-latency-max-ms", 12L);
        }
    }
}
