package io.sluice.connect.common.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeSum;

/**
 * Everything that touches {@link PluginMetrics}, kept out of {@link SluiceMetrics} so that on workers older than
 * Kafka 4.1, where that interface does not exist, this class is simply never loaded.
 */
final class PluginMetricsBackend {

    private final PluginMetrics metrics;
    private final List<MetricName> metricNames = new ArrayList<>();
    private final List<String> sensorNames = new ArrayList<>();

    private PluginMetricsBackend(PluginMetrics metrics) {
        this.metrics = metrics;
    }

    /** @param pluginMetrics a {@link PluginMetrics}, typed as Object so that callers need not name the type */
    static PluginMetricsBackend of(Object pluginMetrics) {
        return new PluginMetricsBackend((PluginMetrics) pluginMetrics);
    }

    synchronized void addCumulative(String name, String description, LongSupplier value) {
        MetricName metricName = metricName(name, description);
        metrics.addMetric(metricName, (Measurable) (config, now) -> value.getAsLong());
        metricNames.add(metricName);
    }

    synchronized void addGauge(String name, String description, Supplier<? extends Number> value) {
        MetricName metricName = metricName(name, description);
        metrics.addMetric(metricName, (Measurable) (config, now) -> {
            Number n = value.get();
            return n == null ? Double.NaN : n.doubleValue();
        });
        metricNames.add(metricName);
    }

    synchronized DoubleConsumer addRate(String name, String description) {
        MetricName rateName = metricName(name + "-rate", description + ", per second");
        MetricName totalName = metricName(name + "-total", description + ", in total");
        // sensor names are global to the worker's metrics registry: the tags (connector, task) make them unique
        String sensorName = "sluice." + name + rateName.tags();
        Sensor sensor = metrics.addSensor(sensorName);
        sensorNames.add(sensorName);
        sensor.add(rateName, new org.apache.kafka.common.metrics.stats.Rate());
        sensor.add(totalName, new CumulativeSum());
        return sensor::record;
    }

    /** Removes what this backend added; the worker also removes it when the plugin stops, so failures are moot. */
    synchronized void close() {
        for (MetricName name : metricNames) {
            try {
                metrics.removeMetric(name);
            } catch (RuntimeException alreadyClosed) {
                // the worker closed the plugin's metrics first
            }
        }
        for (String name : sensorNames) {
            try {
                metrics.removeSensor(name);
            } catch (RuntimeException alreadyClosed) {
                // the worker closed the plugin's metrics first
            }
        }
        metricNames.clear();
        sensorNames.clear();
    }

    private MetricName metricName(String name, String description) {
        return metrics.metricName(name, description, new LinkedHashMap<>());
    }
}
