package io.sluice.connect.common.metrics;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connector's or task's metrics: published through Connect's {@code pluginMetrics()} (Kafka 4.1+), and always
 * kept locally for health reports.
 *
 * <pre>{@code
 * metrics = SluiceMetrics.of(() -> context.pluginMetrics());
 * Rate records = metrics.rate("records", "Records read");
 * }</pre>
 * On an older worker {@code pluginMetrics()} does not exist; the supplier's {@link NoSuchMethodError} or
 * {@link NoClassDefFoundError} is caught and the instruments keep counting locally only. A metric the registry
 * refuses (e.g. a duplicate name) is logged and kept locally too: metrics never stop a pipeline.
 */
public final class SluiceMetrics implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SluiceMetrics.class);
    private static final DoubleConsumer NO_SENSOR = value -> { };

    private final PluginMetricsBackend backend;
    private final Map<String, Object> instruments = new LinkedHashMap<>();

    private SluiceMetrics(PluginMetricsBackend backend) {
        this.backend = backend;
    }

    /**
     * @param metricsSupplier typically {@code () -> context.pluginMetrics()}
     * @return metrics published through the supplied registry, or local-only ones when the worker does not
     *         provide one
     */
    public static SluiceMetrics of(Supplier<PluginMetrics> metricsSupplier) {
        Object pluginMetrics;
        try {
            // kept as Object so that this class never needs PluginMetrics resolved (absent before Kafka 4.1)
            pluginMetrics = metricsSupplier.get();
        } catch (NoSuchMethodError | NoClassDefFoundError | UnsupportedOperationException e) {
            log.info("This Connect worker does not offer plugin metrics (Kafka 4.1+); metrics are kept locally: {}",
                    e.toString());
            return local();
        }
        return pluginMetrics == null ? local() : new SluiceMetrics(PluginMetricsBackend.of(pluginMetrics));
    }

    /** @return metrics that are kept locally only */
    public static SluiceMetrics local() {
        return new SluiceMetrics(null);
    }

    /** @return whether the metrics are published through the worker's plugin metrics */
    public boolean registered() {
        return backend != null;
    }

    /**
     * @param name        the metric name, e.g. {@code records-written-total}
     * @param description what it counts
     * @return a cumulative counter; the same instance when called again with the same name
     */
    public synchronized Counter counter(String name, String description) {
        Counter existing = existing(name, Counter.class);
        if (existing != null) {
            return existing;
        }
        Counter counter = new Counter();
        publish(name, () -> backend.addCumulative(name, description, counter::get));
        instruments.put(name, counter);
        return counter;
    }

    /**
     * @param name        the metric name, e.g. {@code replication-lag-bytes}
     * @param description what it measures
     * @param value       read whenever the metric is reported; may return null when unknown
     * @throws IllegalArgumentException if the name is already used
     */
    public synchronized void gauge(String name, String description, Supplier<? extends Number> value) {
        Objects.requireNonNull(value, "value");
        if (instruments.containsKey(name)) {
            throw new IllegalArgumentException("Metric '" + name + "' is already defined");
        }
        publish(name, () -> backend.addGauge(name, description, value));
        instruments.put(name, new Gauge(value));
    }

    /**
     * @param name        the base name; the metrics are {@code <name>-rate} and {@code <name>-total}
     * @param description what it counts
     * @return a rate; the same instance when called again with the same name
     */
    public synchronized Rate rate(String name, String description) {
        Rate existing = existing(name, Rate.class);
        if (existing != null) {
            return existing;
        }
        DoubleConsumer[] sensor = {NO_SENSOR};
        publish(name, () -> sensor[0] = backend.addRate(name, description));
        Rate rate = new Rate(sensor[0]);
        instruments.put(name, rate);
        return rate;
    }

    /**
     * @return the local value of every instrument, in definition order: a counter or gauge under its name, a rate's
     *         total under {@code <name>-total}; gauges whose supplier fails or returns null are left out
     */
    public synchronized Map<String, Number> snapshot() {
        Map<String, Number> result = new LinkedHashMap<>();
        instruments.forEach((name, instrument) -> {
            if (instrument instanceof Counter counter) {
                result.put(name, counter.get());
            } else if (instrument instanceof Rate rate) {
                result.put(name + "-total", rate.total());
            } else if (instrument instanceof Gauge gauge) {
                Number value = gauge.read();
                if (value != null) {
                    result.put(name, value);
                }
            }
        });
        return result;
    }

    /** Removes the published metrics; local values stay readable. */
    @Override
    public synchronized void close() {
        if (backend != null) {
            backend.close();
        }
    }

    private <T> T existing(String name, Class<T> type) {
        Object instrument = instruments.get(name);
        if (instrument == null) {
            return null;
        }
        if (!type.isInstance(instrument)) {
            throw new IllegalArgumentException("Metric '" + name + "' is already defined as a "
                    + instrument.getClass().getSimpleName().toLowerCase(Locale.ROOT));
        }
        return type.cast(instrument);
    }

    private void publish(String name, Runnable registration) {
        if (backend == null) {
            return;
        }
        try {
            registration.run();
        } catch (RuntimeException e) {
            log.warn("Cannot publish metric '{}'; it is kept locally only: {}", name, e.toString());
        }
    }

    private record Gauge(Supplier<? extends Number> supplier) {
        Number read() {
            try {
                return supplier.get();
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
