package io.sluice.connect.postgres;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The splits of a connector: the discovered tables and, for a full refresh with {@code full.refresh.split.rows}, a
 * large table's key ranges, so that several tasks read one table in parallel.
 *
 * <p>A table with more than {@code full.refresh.split.rows} rows (counted when the connector starts or the set of
 * tables changes) is cut at every {@code full.refresh.split.rows}-th key into ranges {@code (after, through]}, at
 * most {@value #MAX_RANGES}; the first range has no lower bound and the last no upper bound, so rows inserted later
 * are read too. A range is a partition of its own: when the boundaries move (the connector restarts on a grown
 * table), the new ranges start new runs rather than resuming positions of ranges that no longer exist.
 */
final class SplitPlanner {

    /** The most ranges one table is cut into. */
    static final int MAX_RANGES = 64;

    private static final Logger log = LoggerFactory.getLogger(SplitPlanner.class);

    private SplitPlanner() {
    }

    /** @return the splits of every matching table (or the query), sorted by name, ranges in key order */
    static List<Split> plan(Connection connection, PostgresSourceConfig config) throws SQLException {
        List<Split> tables = Catalog.discover(connection, config);
        if (config.syncMode() != SyncMode.FULL_REFRESH || config.fullRefreshSplitRows() <= 0) {
            return tables;
        }
        List<Split> result = new ArrayList<>();
        for (Split table : tables) {
            result.addAll(ranges(connection, config, table));
        }
        return result;
    }

    private static List<Split> ranges(Connection connection, PostgresSourceConfig config, Split table)
            throws SQLException {
        List<String> key = config.primaryKey().isEmpty() ? Catalog.primaryKey(connection, table) : config.primaryKey();
        if (table.isQuery() || key.isEmpty()) {
            return List.of(table);
        }
        long rows = count(connection, table);
        long size = config.fullRefreshSplitRows();
        if (rows <= size) {
            return List.of(table);
        }
        int count = (int) Math.min(MAX_RANGES, (rows + size - 1) / size);
        long step = rows / count;
        List<List<String>> bounds = new ArrayList<>();
        // aliased: ORDER BY "id" would otherwise sort by the text output column of that name
        String sql = "SELECT " + String.join(", ", key.stream().map(c -> Sql.quote(c) + "::text AS "
                        + Sql.quote("__sluice_" + c)).toList())
                + " FROM " + table.relation() + " ORDER BY " + Sql.columns(key) + " OFFSET ? LIMIT 1";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 1; i < count; i++) {
                statement.setLong(1, i * step - 1);
                try (ResultSet rs = statement.executeQuery()) {
                    if (rs.next()) {
                        List<String> bound = new ArrayList<>(key.size());
                        for (int c = 1; c <= key.size(); c++) {
                            bound.add(rs.getString(c));
                        }
                        bounds.add(bound);
                    }
                }
            }
        } finally {
            Catalog.endTransaction(connection);
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

    private static long count(Connection connection, Split table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table.relation())) {
            rs.next();
            return rs.getLong(1);
        } finally {
            Catalog.endTransaction(connection);
        }
    }
}
