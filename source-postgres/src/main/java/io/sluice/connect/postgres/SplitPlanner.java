package io.sluice.connect.postgres;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The splits of a connector: the discovered tables and, for a table read by full refresh (its {@link TableSettings})
 * with {@code full.refresh.split.rows}, a large table's key ranges, so that several tasks read one table in
 * parallel.
 *
 * <p>A table with more than {@code full.refresh.split.rows} rows (counted when the connector starts or the set of
 * tables changes) is cut at every {@code full.refresh.split.rows}-th key into ranges {@code (after, through]}, at
 * most {@value #MAX_RANGES}; the first range has no lower bound and the last no upper bound, so rows inserted later
 * are read too. A range is a partition of its own: when the boundaries move (the connector restarts on a grown
 * table), the new ranges start new runs rather than resuming positions of ranges that no longer exist. While the
 * connector runs, a table keeps its ranges when other tables come and go.
 */
final class SplitPlanner {

    /** The most ranges one table is cut into. */
    static final int MAX_RANGES = 64;

    private static final Logger log = LoggerFactory.getLogger(SplitPlanner.class);

    private SplitPlanner() {
    }

    /** @return the splits of every matching table (or the query), sorted by name, ranges in key order */
    static List<Split> plan(Connection connection, PostgresSourceConfig config) throws SQLException {
        return plan(connection, config, List.of());
    }

    /**
     * Plans only the tables that {@code existing} does not hold: a table already being read keeps its ranges, so a
     * change of the table set does not move their boundaries (new boundaries are new partitions without offsets,
     * which would read those tables again).
     *
     * @param existing the current splits
     * @return the splits of every matching table (or the query), sorted by name, ranges in key order
     */
    static List<Split> plan(Connection connection, PostgresSourceConfig config, List<Split> existing)
            throws SQLException {
        List<Split> tables = Catalog.discover(connection, config);
        if (config.fullRefreshSplitRows() <= 0) {
            return tables;
        }
        Map<String, List<Split>> kept = existing.stream()
                .collect(Collectors.groupingBy(Split::name, LinkedHashMap::new, Collectors.toList()));
        List<Split> result = new ArrayList<>();
        for (Split table : tables) {
            TableSettings settings = config.settings(table);
            List<Split> current = kept.get(table.name());
            if (settings.mode() != SyncMode.FULL_REFRESH) {
                result.add(table);
            } else {
                result.addAll(current != null ? current : ranges(connection, config, settings, table));
            }
        }
        return result;
    }

    private static List<Split> ranges(Connection connection, PostgresSourceConfig config, TableSettings settings,
                                      Split table) throws SQLException {
        List<String> key = settings.primaryKey().isEmpty() ? Catalog.primaryKey(connection, table)
                : settings.primaryKey();
        if (table.isQuery() || key.isEmpty()) {
            return List.of(table);
        }
        long size = config.fullRefreshSplitRows();
        long rows;
        List<List<String>> bounds;
        // the count and the boundaries come from one snapshot, so the boundaries match the rows counted
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            rows = count(connection, table);
            if (rows <= size) {
                return List.of(table);
            }
            int count = (int) Math.min(MAX_RANGES, (rows + size - 1) / size);
            bounds = bounds(connection, table, key, rows / count, count - 1);
        } finally {
            connection.rollback();
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
        List<Split> result = new ArrayList<>(bounds.size() + 1);
        List<String> after = null;
        for (List<String> through : bounds) {
            result.add(table.withRange(new Split.KeyRange(after, through)));
            after = through;
        }
        result.add(table.withRange(new Split.KeyRange(after, null)));
        log.info("PostgresSourceConnector {}: {} has {} rows; its full refresh is split into {} key ranges",
                config.connectorName(), table, rows, result.size());
        return result;
    }

    /** @return the keys of every {@code step}-th row in key order, at most {@code max}, in one scan */
    private static List<List<String>> bounds(Connection connection, Split table, List<String> key, long step,
                                             int max) throws SQLException {
        String sql = "SELECT " + Sql.asText(key, "__sluice_b") + " FROM (SELECT " + Sql.columns(key)
                + ", row_number() OVER (ORDER BY " + Sql.columns(key) + ") AS __sluice_rn FROM " + table.relation()
                + ") AS numbered WHERE __sluice_rn % ? = 0 ORDER BY __sluice_rn LIMIT ?";
        List<List<String>> bounds = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, step);
            statement.setInt(2, max);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    List<String> bound = new ArrayList<>(key.size());
                    for (int c = 1; c <= key.size(); c++) {
                        bound.add(rs.getString(c));
                    }
                    if (!bounds.contains(bound)) {
                        bounds.add(bound);
                    }
                }
            }
        }
        return bounds;
    }

    private static long count(Connection connection, Split table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table.relation())) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
