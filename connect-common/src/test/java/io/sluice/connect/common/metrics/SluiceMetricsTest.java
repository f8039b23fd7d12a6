package io.sluice.connect.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SluiceMetricsTest {

    private final Metrics registry = new Metrics();

    @AfterEach
    void closeRegistry() {
        registry.close();
    }

    private PluginMetricsImpl pluginMetrics(String task) {
        return new PluginMetricsImpl(registry, Map.of("connector", "orders", "task", task));
    }

    private KafkaMetric metric(String name, String task) {
        return registry.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(name) && task.equals(e.getKey().tags().get("task")))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static double value(KafkaMetric metric) {
        return ((Number) metric.metricValue()).doubleValue();
    }

    @Test
    void publishesCountersGaugesAndRatesThroughPluginMetrics() {
        AtomicLong lag = new AtomicLong(42);
        try (SluiceMetrics metrics = SluiceMetrics.of(() -> pluginMetrics("0"))) {
            assertThat(metrics.registered()).isTrue();

            metrics.counter("rows-deleted-total", "Rows deleted").add(3);
            metrics.gauge("replication-lag-bytes", "Lag", lag::get);
            Rate records = metrics.rate("records", "Records read");
            records.record(5);
            records.record();

            KafkaMetric deleted = metric("rows-deleted-total", "0");
            assertThat(deleted.metricName().group()).isEqualTo("plugins");
            assertThat(deleted.metricName().description()).isEqualTo("Rows deleted");
            assertThat(deleted.metricName().tags()).containsEntry("connector", "orders");
            assertThat(value(deleted)).isEqualTo(3.0);
            assertThat(value(metric("replication-lag-bytes", "0"))).isEqualTo(42.0);
            lag.set(7);
            assertThat(value(metric("replication-lag-bytes", "0"))).isEqualTo(7.0);
            assertThat(value(metric("records-total", "0"))).isEqualTo(6.0);
            assertThat(value(metric("records-rate", "0"))).isPositive();
        }
        assertThat(metric("rows-deleted-total", "0")).isNull();
        assertThat(metric("records-rate", "0")).isNull();
    }

    @Test
    void tasksOfOneConnectorDoNotShareSensors() {
        try (SluiceMetrics task0 = SluiceMetrics.of(() -> pluginMetrics("0"));
             SluiceMetrics task1 = SluiceMetrics.of(() -> pluginMetrics("1"))) {
            task0.rate("records", "Records read").record(10);
            task1.rate("records", "Records read").record(1);

            assertThat(value(metric("records-total", "0"))).isEqualTo(10.0);
            assertThat(value(metric("records-total", "1"))).isEqualTo(1.0);
        }
    }

    @Test
    void snapshotHoldsLocalValuesInDefinitionOrder() {
        try (SluiceMetrics metrics = SluiceMetrics.of(() -> pluginMetrics("0"))) {
            metrics.counter("errors-total", "Errors").increment();
            metrics.rate("records", "Records").record(4);
            metrics.gauge("lag", "Lag", () -> 1.5);
            metrics.gauge("unknown", "Not known yet", () -> null);

            assertThat(metrics.snapshot()).containsExactly(
                    Map.entry("errors-total", 1L), Map.entry("records-total", 4L), Map.entry("lag", 1.5));
        }
    }

    @Test
    void sameNameReturnsTheSameInstrument() {
        try (SluiceMetrics metrics = SluiceMetrics.of(() -> pluginMetrics("0"))) {
            Counter counter = metrics.counter("c", "C");
            assertThat(metrics.counter("c", "C")).isSameAs(counter);
            Rate rate = metrics.rate("r", "R");
            assertThat(metrics.rate("r", "R")).isSameAs(rate);
            assertThatThrownBy(() -> metrics.rate("c", "C")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> metrics.gauge("c", "C", () -> 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aMetricTheRegistryRefusesIsKeptLocally() {
        PluginMetricsImpl shared = pluginMetrics("0");
        try (SluiceMetrics first = SluiceMetrics.of(() -> shared);
             SluiceMetrics second = SluiceMetrics.of(() -> shared)) {
            first.counter("dup-total", "Dup").add(2);
            Counter local = second.counter("dup-total", "Dup");
            local.add(5);

            assertThat(second.snapshot()).containsEntry("dup-total", 5L);
            assertThat(value(metric("dup-total", "0"))).isEqualTo(2.0);
        }
    }

    @Test
    void degradesToLocalOnlyOnWorkersWithoutPluginMetrics() {
        assertLocalOnly(() -> {
            throw new NoSuchMethodError("org.apache.kafka.connect.connector.ConnectorContext.pluginMetrics()");
        });
        assertLocalOnly(() -> {
            throw new NoClassDefFoundError("org/apache/kafka/common/metrics/PluginMetrics");
        });
        assertLocalOnly(() -> {
            throw new UnsupportedOperationException();
        });
        assertLocalOnly(() -> null);
    }

    private void assertLocalOnly(Supplier<PluginMetrics> supplier) {
        try (SluiceMetrics metrics = SluiceMetrics.of(supplier)) {
            assertThat(metrics.registered()).isFalse();
            metrics.counter("records-written-total", "Records written").add(3);
            metrics.rate("rows", "Rows").record(2);
            metrics.gauge("lag", "Lag", () -> 9);

            assertThat(metrics.snapshot()).containsExactly(
                    Map.entry("records-written-total", 3L), Map.entry("rows-total", 2L), Map.entry("lag", 9));
        }
        assertThat(registry.metrics().keySet()).extracting(MetricName::group).doesNotContain("plugins");
    }
}
