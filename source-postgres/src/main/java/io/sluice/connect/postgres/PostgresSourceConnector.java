package io.sluice.connect.postgres;

import io.sluice.connect.common.Version;
import io.sluice.connect.common.config.ConfigEnums;
import io.sluice.connect.common.errors.Retrier;
import io.sluice.connect.common.errors.Sleeper;
import io.sluice.connect.common.health.HealthCheck;
import io.sluice.connect.common.health.HealthRegistry;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Syncs PostgreSQL tables (or one custom query) into Kafka: {@code full_refresh} re-reads every row each interval or
 * once; {@code incremental} reads rows after the last (cursor, key) position without missing rows of transactions
 * that commit out of order. Each table may have its own mode, cursor, key and filter ({@link TableOverrides}).
 *
 * <p><b>Splits and tasks.</b> Each matching table is a split (a large table in full refresh may be several key
 * ranges, see {@link SplitPlanner}), assigned by {@link TaskAssignment} to {@code min(tasks.max, splits)} tasks;
 * {@link TableMonitor} reconfigures the tasks when tables appear or go.
 *
 * <p><b>Offsets.</b> A split's partition is {@code {"table": "schema.table"}} (or {@code {"query": name}}); its offset
 * is a {@link SplitOffset}: the exact position after the last row handed out, so a restarted task resumes there and,
 * with {@code exactly.once.source.support=enabled}, writes no row twice.
 */
public class PostgresSourceConnector extends SourceConnector {

    private static final Logger log = LoggerFactory.getLogger(PostgresSourceConnector.class);
    private static final Set<String> CAPABILITIES = Set.of("full_refresh", "incremental");

    private Map<String, String> props;
    private TableMonitor monitor;
    private HealthRegistry.Registration health;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        Map<String, String> effective = PostgresSourceConfig.ALIASES.apply(props);
        PostgresSourceConfig config = new PostgresSourceConfig(effective);
        this.props = Map.copyOf(effective);
        Retrier retrier = new Retrier(config.retryPolicy(), Clock.systemUTC(), Sleeper.system(),
                RandomGenerator.getDefault());
        List<Split> splits = retrier.call("list the tables of " + config.connection().redactedUrl(), () -> {
            try (Connection connection = Catalog.open(config, "connector")) {
                if (Catalog.inRecovery(connection)) {
                    throw new ConnectException(Catalog.standbyMessage(config));
                }
                return SplitPlanner.plan(connection, config);
            }
        });
        if (splits.isEmpty()) {
            log.warn("PostgresSourceConnector {}: no table of schemas {} matches table.include.list {} and "
                    + "table.exclude.list {}; tables are looked for again every {} ms", config.connectorName(),
                    config.schemas(), config.includeTables(), config.excludeTables(), config.discoveryIntervalMs());
        }
        monitor = new TableMonitor(config, splits, () -> context.requestTaskReconfiguration());
        health = HealthRegistry.register(config.connectorName(), HealthCheck.probing(Clock.systemUTC(),
                CAPABILITIES, () -> probe(config)));
        log.info("PostgresSourceConnector {} started on {}: {} of {}{}", config.connectorName(),
                config.connection().redactedUrl(), ConfigEnums.name(config.defaults().mode()), splits,
                config.tablesWithSettings().isEmpty() ? "" : "; tables with settings of their own: "
                        + config.tablesWithSettings());
        List<String> absent = config.tablesWithSettings().stream()
                .filter(t -> splits.stream().noneMatch(s -> s.name().equals(t))).toList();
        if (!absent.isEmpty()) {
            log.warn("PostgresSourceConnector {}: tables {} have settings of their own but were not found; the "
                    + "settings apply once they are created (check the names after sync.mode., cursor.columns., "
                    + "primary.key., table.filter. and sync.from.)", config.connectorName(), absent);
        }
    }

    private static void probe(PostgresSourceConfig config) throws Exception {
        try (Connection connection = config.connection().open(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(5);
            statement.execute("SELECT 1");
        }
    }

    @Override
    public Class<? extends Task> taskClass() {
        return PostgresSourceTask.class;
    }

    /** Deals the matching tables out to {@code min(maxTasks, tables)} tasks; see {@link TaskAssignment}. */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return TaskAssignment.taskConfigs(props, monitor.splits(), maxTasks);
    }

    @Override
    public void stop() {
        if (monitor != null) {
            monitor.close();
            monitor = null;
        }
        if (health != null) {
            health.close();
            health = null;
        }
    }

    @Override
    public ConfigDef config() {
        return PostgresSourceConfig.CONFIG_DEF;
    }

    /**
     * Checks each key, alias conflicts and cross-field rules, then connects: the login, that tables match, and for
     * each of them the configured columns, the key incremental sync needs, and the SELECT privilege. Each error is
     * attached to the key to change and says how.
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return PostgresSourceValidation.validate(connectorConfigs);
    }

    /**
     * Supported: offsets are exact positions, so a restarted task reads exactly the rows after the last committed
     * one. For incremental sync every row is written once; for full refresh every row once per run.
     */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    /**
     * Accepts a reset (a null offset) of any split, and offsets in this connector's shape: an incremental position
     * moves a table's cursor (without {@code "key"}, to after every row with that cursor value). An offset must be
     * in the table's own sync mode ({@code sync.mode.<schema>.<table>}, else {@code sync.mode}) and hold one value
     * per configured cursor and key column (those it names, if it names any, must be the configured ones).
     *
     * @throws ConnectException naming the partition and what is wrong with it
     */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        PostgresSourceConfig config = new PostgresSourceConfig(connectorConfig);
        for (Map.Entry<Map<String, ?>, Map<String, ?>> entry : offsets.entrySet()) {
            Map<String, ?> partition = entry.getKey();
            try {
                checkPartition(partition);
                if (entry.getValue() != null) {
                    SplitOffset offset = SplitOffset.fromMap(entry.getValue());
                    TableSettings settings = partition.get(Split.TABLE_KEY) instanceof String table
                            ? config.settings(table) : config.defaults();
                    checkFits(offset, settings, entry.getValue().get(SplitOffset.MODE_KEY));
                }
            } catch (IllegalArgumentException e) {
                throw new ConnectException("Cannot alter the offset of partition " + partition + ": " + e.getMessage()
                        + ". A partition is {\"table\": \"schema.table\"} (plus \"range\" for a key range, as "
                        + "GET /connectors/<name>/offsets shows it) or {\"query\": \"<query.name>\"}; an offset "
                        + "is null (read the table again), {\"v\": 2, \"mode\": \"incremental\", \"cursor\": "
                        + "\"<value>\", \"key\": \"<value>\"} (key optional; a second column adds \"cursor.1\", "
                        + "\"key.1\"), or {\"v\": 2, \"mode\": \"full_refresh\", \"run\": <epoch ms>, "
                        + "\"key\": \"<value>\", \"done\": true|false}, in the table's sync mode, with one value "
                        + "per cursor and key column (\"cursor.column\", \"key.column\" optionally name them)");
            }
        }
        return true;
    }

    /**
     * Refuses what the task would ignore, reading the table from the start instead: an offset of the other mode,
     * or one for other cursor or key columns than those configured (a table's primary key from the catalog is not
     * known here; the task checks it).
     */
    private static void checkFits(SplitOffset offset, TableSettings settings, Object mode) {
        if ((offset instanceof SplitOffset.Incremental) != settings.incremental()) {
            throw new IllegalArgumentException("the offset's mode '" + mode + "' is not the sync mode of the "
                    + "partition, '" + ConfigEnums.name(settings.mode()) + "' ("
                    + settings.keyOf(PostgresSourceConfig.SYNC_MODE_CONFIG) + ")");
        }
        List<String> cursor = settings.incremental() ? settings.cursorColumns() : List.of();
        String misfit = offset.misfit(cursor, settings.primaryKey().isEmpty() ? null : settings.primaryKey());
        if (misfit != null) {
            throw new IllegalArgumentException("the offset does not fit the partition's columns: " + misfit + " ("
                    + (settings.incremental() ? settings.keyOf(PostgresSourceConfig.CURSOR_COLUMNS_CONFIG) + ", " : "")
                    + settings.keyOf(PostgresSourceConfig.PRIMARY_KEY_CONFIG) + ")");
        }
    }

    private static void checkPartition(Map<String, ?> partition) {
        if (partition == null) {
            throw new IllegalArgumentException("the partition is missing");
        }
        boolean table = partition.get(Split.TABLE_KEY) instanceof String;
        boolean query = partition.get(Split.QUERY_KEY) instanceof String;
        int expected = partition.containsKey(Split.RANGE_KEY) ? 2 : 1;
        if (table == query || partition.size() != expected
                || (expected == 2 && !(table && partition.get(Split.RANGE_KEY) instanceof String))) {
            throw new IllegalArgumentException("the partition must hold exactly one of 'table' or 'query' as a "
                    + "string, and for a table's key range 'range' as a string");
        }
        if (expected == 2) {
            Split.KeyRange.parse((String) partition.get(Split.RANGE_KEY));
        }
    }
}
