package io.sluice.connect.postgres;

import java.util.List;
import java.util.Set;

/**
 * How one table is read: its sync mode, cursor columns, key columns and row filter. Each is the table's own value
 * when its configuration sets one ({@code sync.mode.<schema>.<table>}, see {@link TableOverrides}), else the
 * connector's ({@code sync.mode}, ...). The custom query is always read with the connector's values.
 *
 * @param table         the table's {@code schema.table} name; null for the connector's values
 * @param mode          how the table is read
 * @param cursorColumns the cursor columns; used only when {@code mode} is incremental
 * @param primaryKey    the configured key columns; empty for the table's primary key
 * @param filter        the row filter, or the empty string
 * @param overridden    the keys of {@link TableOverrides#KEYS} the table sets itself
 */
record TableSettings(String table, SyncMode mode, List<String> cursorColumns, List<String> primaryKey,
                     String filter, Set<String> overridden) {

    TableSettings {
        cursorColumns = List.copyOf(cursorColumns);
        primaryKey = List.copyOf(primaryKey);
        overridden = Set.copyOf(overridden);
    }

    boolean incremental() {
        return mode == SyncMode.INCREMENTAL;
    }

    /**
     * @param key one of {@link TableOverrides#KEYS}, e.g. {@code cursor.columns}
     * @return the key that gave this table its value, e.g. {@code cursor.columns.public.orders} or
     *         {@code cursor.columns}: the one an error about that value is attached to
     */
    String keyOf(String key) {
        return table != null && overridden.contains(key) ? key + "." + table : key;
    }
}
