package io.sluice.connect.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Runs one page query of a split through a server-side cursor ({@code fetch.size} rows per round trip), then ends
 * its transaction, so that no snapshot is held between polls and memory stays bounded by the page.
 */
final class PageQuery {

    private final int fetchSize;
    private final PostgresSourceMetrics metrics;

    PageQuery(int fetchSize, PostgresSourceMetrics metrics) {
        this.fetchSize = fetchSize;
        this.metrics = metrics;
    }

    /**
     * @param params  positions in PostgreSQL's text form (the SQL casts each to its column's type); an Integer is
     *                bound as an integer (the LIMIT)
     * @param max     the most rows to read
     * @param counted the most of them to count as read in the metrics (a look-ahead row is read again later)
     */
    List<RowReader.Row> rows(Connection connection, String sql, List<Object> params, RowReader reader, int max,
                             int counted) throws SQLException {
        long start = System.nanoTime();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            statement.setFetchSize(Math.min(fetchSize, max));
            try (ResultSet rs = statement.executeQuery()) {
                List<RowReader.Row> rows = reader.read(rs, max);
                List<RowReader.Row> read = rows.subList(0, Math.min(rows.size(), counted));
                metrics.rowsRead(read.size(), read.stream().mapToLong(RowReader.Row::bytes).sum());
                return rows;
            }
        } finally {
            Catalog.endTransaction(connection);
            metrics.query((System.nanoTime() - start) / 1_000_000L);
        }
    }

    static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object param = params.get(i);
            if (param instanceof Integer n) {
                statement.setInt(i + 1, n);
            } else {
                statement.setObject(i + 1, param, Types.OTHER);
            }
        }
    }
}
