package io.sluice.connect.jdbc.dialect;

import java.util.List;

/**
 * Rows for one table that share their columns, ready to bind: every value is one of the types
 * {@link DatabaseDialect#bind} accepts.
 *
 * @param table      the target table
 * @param columns    every column, the key columns first
 * @param keyColumns the key columns, a prefix of {@code columns}; empty without a key
 * @param rows       one value per column, in column order
 */
public record RowBatch(TableId table, List<String> columns, List<String> keyColumns, List<Object[]> rows) {

    public RowBatch {
        columns = List.copyOf(columns);
        keyColumns = List.copyOf(keyColumns);
        rows = List.copyOf(rows);
    }

    /** @return the columns that are not key columns */
    public List<String> valueColumns() {
        return columns.subList(keyColumns.size(), columns.size());
    }

    /** @return the same columns with only {@code subset} of the rows */
    public RowBatch withRows(List<Object[]> subset) {
        return new RowBatch(table, columns, keyColumns, subset);
    }

    public int size() {
        return rows.size();
    }
}
