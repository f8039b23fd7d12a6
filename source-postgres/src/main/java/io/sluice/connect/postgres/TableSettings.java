package io.sluice.connect.postgres;

import java.util.List;
import java.util.Map;

/**
 * How one table is read: its sync mode, cursor columns, key columns, row filter and first sync's lower bound. Each
 * is the table's own value when its configuration sets one ({@code sync.mode.<schema>.<table>}, see
 * {@link TableOverrides}), else the connector's ({@code sync.mode}, ...). The custom query is always read with the
 * connector's values.
 *
 * @param table         the table's {@code schema.table} name; null for the connector's values
 * @param mode          how the table is read
 * @param cursorColumns the cursor columns; used only when {@code mode} is incremental
 * @param primaryKey    the configured key columns; empty for the table's primary key
 * @param filter        the row filter, or the empty string
 * @param syncFrom      the lower bound of the first cursor column in the first incremental sync, or the empty string
 * @param names         each key of {@link TableOverrides#KEYS} the table sets itself, mapped to the name it is set
 *                      under as the configuration spells it, e.g. {@code cursor_field.public.orders}
 */
record TableSettings(String table, SyncMode mode, List<String> cursorColumns, List<String> primaryKey,
                     String filter, String syncFrom, Map<String, String> names) {

    TableSettings {
        cursorColumns = List.copyOf(cursorColumns);
        primaryKey = List.copyOf(primaryKey);
        names = Map.copyOf(names);
    }

    /** @return these values as those of table {@code name}, which sets none of its own */
    TableSettings of(String name) {
        return new TableSettings(name, mode, cursorColumns, primaryKey, filter, syncFrom, Map.of());
    }

    boolean incremental() {
        return mode == SyncMode.INCREMENTAL;
    }

    /**
     * @param key one of {@link TableOverrides#KEYS}, e.g. {@code cursor.columns}
     * @return the name that gave this table its value, as configured, e.g. {@code cursor.columns.public.orders},
     *         {@code cursor_field.public.orders} or {@code cursor.columns}: the one an error about that value is
     *         attached to
     */
    String keyOf(String key) {
        return table == null ? key : names.getOrDefault(key, key);
    }

    /** @return whether the table sets {@code key} itself rather than taking the connector's value */
    boolean sets(String key) {
        return table != null && names.containsKey(key);
    }

    /**
     * @param key one of {@link TableOverrides#KEYS}
     * @return the per-table key that would give this table its own value, e.g. {@code cursor.columns.public.orders};
     *         {@code key} itself for the connector's values
     */
    String ownKey(String key) {
        return table == null ? key : key + "." + table;
    }
}
