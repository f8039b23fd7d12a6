package io.sluice.connect.postgres;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
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
            List<Split> found = Catalog.discover(connection, config);
            // compared by table, not by key range: ranges are planned again only when the tables change
            if (!names(found).equals(names(splits))) {
                log.info("PostgresSourceConnector {}: the matching tables changed from {} to {}; reconfiguring the "
                        + "tasks", config.connectorName(), names(splits), names(found));
                splits = List.copyOf(SplitPlanner.plan(connection, config));
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
    }
}
