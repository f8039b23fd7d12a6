package io.sluice.connect.jdbc.dialect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An existing table's columns and primary key, as the database describes them.
 *
 * @param table      the table
 * @param columns    its columns by name, in table order
 * @param primaryKey its primary-key columns; empty when it has none
 */
public record TableDefinition(TableId table, Map<String, ColumnInfo> columns, List<String> primaryKey) {

    public TableDefinition {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        primaryKey = List.copyOf(primaryKey);
    }

    /**
     * Finds the column a field is written to: the column of that exact name, else the only one whose name differs
     * just in case (a table created with unquoted names, which PostgreSQL folds to lower case and others keep).
     *
     * @param field a field or key name
     * @return the column, or null when none matches
     */
    public ColumnInfo resolve(String field) {
        ColumnInfo exact = columns.get(field);
        if (exact != null) {
            return exact;
        }
        List<ColumnInfo> folded = new ArrayList<>();
        String wanted = field.toLowerCase(Locale.ROOT);
        for (ColumnInfo column : columns.values()) {
            if (column.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                folded.add(column);
            }
        }
        return folded.size() == 1 ? folded.get(0) : null;
    }
}
