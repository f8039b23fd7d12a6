package io.sluice.connect.jdbc.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads a table's columns and primary key through {@link DatabaseMetaData}. */
final class MetadataReader {

    private MetadataReader() {
    }

    /**
     * Names are passed as patterns to the driver, where '_' and '%' are wildcards, so they are escaped and the
     * results filtered to the exact name: a table named {@code a_b} must not find {@code axb}'s columns.
     */
    static Optional<TableDefinition> describe(Connection connection, TableId table, String catalog, String schema)
            throws SQLException {
        DatabaseMetaData md = connection.getMetaData();
        String escape = md.getSearchStringEscape();
        Map<String, ColumnInfo> columns = new LinkedHashMap<>();
        try (ResultSet rs = md.getColumns(catalog, pattern(schema, escape), pattern(table.name(), escape), "%")) {
            while (rs.next()) {
                if (!table.name().equals(rs.getString("TABLE_NAME"))
                        || schema != null && !schema.equals(rs.getString("TABLE_SCHEM"))
                        && !schema.equals(rs.getString("TABLE_CAT"))) {
                    continue;
                }
                String name = rs.getString("COLUMN_NAME");
                columns.put(name, new ColumnInfo(name, rs.getString("TYPE_NAME"), rs.getInt("DATA_TYPE"),
                        rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
            }
        }
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, String> keys = new TreeMap<>();
        try (ResultSet rs = md.getPrimaryKeys(catalog, schema, table.name())) {
            while (rs.next()) {
                if (table.name().equals(rs.getString("TABLE_NAME"))) {
                    keys.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
            }
        }
        return Optional.of(new TableDefinition(table, columns, new ArrayList<>(keys.values())));
    }

    private static String pattern(String name, String escape) {
        if (name == null) {
            return null;
        }
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}
