package io.sluice.connect.postgres;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Looks for created and dropped tables every {@code table.discovery.interval.ms} and asks Connect to reconfigure the
 * tasks when the set of matching tables changes, so a new table starts syncing without a restart. A failed look is
 * logged and tried again at the next interval; the tasks keep running meanwhile.
 */
final class TableMonitor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TableMonitor.class);

    /**
     * Bounds each statement of a look (the catalog, and the count and boundaries of a new table's key ranges), so
     * a hung server cannot keep the monitor, and the connector's stop, waiting forever.
     */
    static final int STATEMENT_TIMEOUT_SECONDS = 300;
    /** How long {@link #close()} waits for a look in progress to end after interrupting it. */
    static final long CLOSE_WAIT_MS = 5_000;

    private final PostgresSourceConfig config;
    private final Runnable reconfigure;
    private final ScheduledExecutorService executor;
    private volatile List<Split> splits;

    /**
     * @param config      the connector's configuration
     * @param initial     the splits found at start
     * @param reconfigure called when the set changes, i.e. {@code context.requestTaskReconfiguration()}
     */
    TableMonitor(PostgresSourceConfig config, List<Split> initial, Runnable reconfigure) {
        this.config = config;
        this.splits = List.copyOf(initial);
        this.reconfigure = reconfigure;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "sluice-postgres-table-monitor-" + config.connectorName());
            thread.setDaemon(true);
            return thread;
        });
        if (!config.hasQuery()) {
            long interval = config.discoveryIntervalMs();
            executor.scheduleWithFixedDelay(this::check, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    /** @return the splits found by the latest look */
    List<Split> splits() {
        return splits;
    }

    private void check() {
        try (Connection connection = Catalog.open(config, "monitor")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET statement_timeout = '" + STATEMENT_TIMEOUT_SECONDS + "s'");
            }
            List<Split> found = Catalog.discover(connection, config);
            // compared by table, not by key range; only tables new to the set get ranges planned
            if (!names(found).equals(names(splits))) {
                log.info("PostgresSourceConnector {}: the matching tables changed from {} to {}; reconfiguring the "
                        + "tasks", config.connectorName(), names(splits), names(found));
                splits = List.copyOf(SplitPlanner.plan(connection, config, splits));
                reconfigure.run();
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("PostgresSourceConnector {}: looking for new tables failed; trying again in {} ms: {}",
                    config.connectorName(), config.discoveryIntervalMs(), e.toString());
        }
    }

    private static List<String> names(List<Split> splits) {
        return splits.stream().map(Split::name).distinct().toList();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS)) {
                log.warn("PostgresSourceConnector {}: the table monitor did not stop within {} ms; its statement "
                        + "ends within {} s", config.connectorName(), CLOSE_WAIT_MS, STATEMENT_TIMEOUT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
