package io.sluice.connect.postgres;

import org.apache.kafka.connect.errors.ConnectException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns a split is read by, checked against the catalog once per task start, and the SQL built from them.
 * Every query selects the value columns, then each cursor column and each key column again as {@code ::text}:
 * positions travel through offsets in PostgreSQL's own text form and are bound back as untyped parameters.
 *
 * @param split      the table or query
 * @param filter     the row filter, or the empty string
 * @param values     the value columns; empty for every column
 * @param cursor     the cursor columns (incremental only; empty otherwise)
 * @param key        the key columns; {@code ["ctid"]} for a table without a key in full refresh
 * @param physical   whether {@code key} is the physical row address, which is no record key
 * @param orderTypes the SQL types of the cursor, then key columns, to cast positions back to: an untyped parameter
 *                   in a row comparison is not reliably read as its column's type
 */
record SplitShape(Split split, String filter, List<String> values, List<String> cursor, List<String> key,
                  boolean physical, List<String> orderTypes) {

    static final String PHYSICAL_KEY = "ctid";

    /** A setting that does not fit the split's table or query, naming the key to change and how. */
    static final class SettingException extends ConnectException {

        private final String key;

        SettingException(String key, String message) {
            super(message);
            this.key = key;
        }

        /** @return the key to change, e.g. {@code cursor.columns.public.orders} */
        String key() {
            return key;
        }
    }

    /**
     * Reads the split's key from the catalog (unless configured) and checks that every named column exists; the
     * mode, cursor, key and filter are the split's {@link TableSettings}.
     *
     * @throws SettingException naming the split, the key to change and how, when a column is missing or an
     *                          incremental split has no key
     */
    static SplitShape load(Connection connection, Split split, PostgresSourceConfig config) throws SQLException {
        TableSettings settings = config.settings(split);
        List<String> key = settings.primaryKey().isEmpty() ? Catalog.primaryKey(connection, split)
                : settings.primaryKey();
        List<String> cursor = settings.incremental() ? settings.cursorColumns() : List.of();
        boolean physical = false;
        if (key.isEmpty()) {
            if (split.isQuery()) {
                throw new SettingException(PostgresSourceConfig.PRIMARY_KEY_CONFIG, "PostgresSourceConnector "
                        + config.connectorName() + ": " + split + " has no key; set "
                        + PostgresSourceConfig.PRIMARY_KEY_CONFIG + " to the columns that identify a row of its "
                        + "result.");
            }
            if (settings.incremental()) {
                String own = settings.ownKey(PostgresSourceConfig.PRIMARY_KEY_CONFIG);
                throw new SettingException(settings.keyOf(PostgresSourceConfig.PRIMARY_KEY_CONFIG),
                        "PostgresSourceConnector " + config.connectorName() + ": " + split + " has no primary key, "
                        + "which incremental sync needs to order rows that share a cursor value. Add a primary key, "
                        + "set " + own + (settings.sets(PostgresSourceConfig.PRIMARY_KEY_CONFIG) ? ""
                        : " (or " + PostgresSourceConfig.PRIMARY_KEY_CONFIG + " for every table)") + " to columns "
                        + "that identify a row, or read the table by full refresh with "
                        + settings.ownKey(PostgresSourceConfig.SYNC_MODE_CONFIG) + "=full_refresh.");
            }
            key = List.of(PHYSICAL_KEY);
            physical = true;
        }
        List<String> existing = Catalog.columns(connection, split);
        check(config, split, existing, settings, PostgresSourceConfig.CURSOR_COLUMNS_CONFIG, cursor);
        check(config, split, existing, settings, PostgresSourceConfig.PRIMARY_KEY_CONFIG,
                physical ? List.of() : key);
        check(config, split, existing, null, PostgresSourceConfig.TABLE_COLUMNS_CONFIG, config.columns());
        if (!settings.primaryKey().isEmpty()) {
            checkNotNull(config, split, Catalog.nullableColumns(connection, split), key,
                    settings.keyOf(PostgresSourceConfig.PRIMARY_KEY_CONFIG));
        }
        List<String> values = List.of();
        if (!config.columns().isEmpty()) {
            Set<String> all = new LinkedHashSet<>(config.columns());
            all.addAll(cursor);
            if (!physical) {
                all.addAll(key);
            }
            values = List.copyOf(all);
        }
        List<String> order = new ArrayList<>(cursor);
        order.addAll(key);
        return new SplitShape(split, settings.filter(), values, cursor, key, physical,
                Catalog.types(connection, split, order));
    }

    /**
     * @param settings the table's settings, for a key that may be set per table; null for a connector-wide key
     * @param base     the key naming {@code columns}, e.g. {@code cursor.columns}
     */
    private static void check(PostgresSourceConfig config, Split split, List<String> existing, TableSettings settings,
                              String base, List<String> columns) {
        List<String> missing = columns.stream().filter(c -> !existing.contains(c)).toList();
        if (!missing.isEmpty()) {
            String configKey = settings == null ? base : settings.keyOf(base);
            throw new SettingException(configKey, "PostgresSourceConnector " + config.connectorName() + ": " + split
                    + " has no column " + String.join(", ", missing) + " named in " + configKey + "; its columns are "
                    + existing + ". Fix " + (settings == null ? base : PostgresSourceValidation.fix(settings, base))
                    + " (names are case-sensitive).");
        }
    }

    /**
     * A configured key column that may hold NULL would lose rows: a NULL never compares greater than a position, and
     * a position cannot hold it.
     */
    private static void checkNotNull(PostgresSourceConfig config, Split split, List<String> nullable,
                                     List<String> key, String configKey) {
        List<String> bad = key.stream().filter(nullable::contains).toList();
        if (!bad.isEmpty()) {
            throw new SettingException(configKey, "PostgresSourceConnector " + config.connectorName() + ": " + split
                    + " column " + String.join(", ", bad) + " named in " + configKey
                    + " may be NULL, and rows with a NULL key could not be read in key order. Name NOT NULL "
                    + "columns that identify a row, or ALTER TABLE " + split.relation() + " ALTER COLUMN ... SET "
                    + "NOT NULL.");
        }
    }

    /** @return the order of rows: cursor columns, then key columns */
    List<String> order() {
        List<String> order = new ArrayList<>(cursor);
        order.addAll(key);
        return order;
    }

    /** @return the cursor and key columns, as an offset records them */
    SplitOffset.Columns columns() {
        return new SplitOffset.Columns(cursor, key);
    }

    /** @return a row of parameters cast to the cursor columns' types, e.g. {@code (CAST(? AS int8))} */
    String cursorParams() {
        return castParams(orderTypes.subList(0, cursor.size()));
    }

    /** @return a row of parameters cast to the key columns' types */
    String keyParams() {
        return castParams(orderTypes.subList(cursor.size(), orderTypes.size()));
    }

    /** @return a row of parameters cast to the cursor, then key columns' types */
    String orderParams() {
        return castParams(orderTypes);
    }

    private static String castParams(List<String> types) {
        return "(" + String.join(", ", types.stream().map(t -> "CAST(? AS " + t + ")").toList()) + ")";
    }

    /** @return the select list: value columns, then the cursor and key columns as text */
    String selectList() {
        StringBuilder sql = new StringBuilder(values.isEmpty() ? "*" : Sql.columns(values));
        if (!cursor.isEmpty()) {
            sql.append(", ").append(Sql.asText(cursor, "__sluice_c"));
        }
        return sql.append(", ").append(Sql.asText(key, "__sluice_k")).toString();
    }

    /**
     * @param conditions extra conditions, each with its own parameters
     * @param limit      whether to end with {@code LIMIT ?}
     * @return {@code SELECT <select list> FROM <relation> WHERE <filter> AND <conditions> ORDER BY <order>}
     */
    String page(List<String> conditions, boolean limit) {
        StringBuilder sql = new StringBuilder("SELECT ").append(selectList()).append(" FROM ").append(split.relation())
                .append(" WHERE ").append(where());
        conditions.forEach(c -> sql.append(" AND ").append(c));
        sql.append(" ORDER BY ").append(Sql.columns(order()));
        if (limit) {
            sql.append(" LIMIT ?");
        }
        return sql.toString();
    }

    /**
     * The filter, and: no cursor or key column is null (a row without a value has no place in the order, and a
     * position cannot hold a null). A primary key is never null, so the planner drops its condition; a configured
     * key of a custom query is not checked against the catalog, so this keeps its nulls out of the positions.
     */
    private String where() {
        List<String> parts = new ArrayList<>();
        if (!filter.isEmpty()) {
            parts.add("(" + filter + ")");
        }
        cursor.forEach(c -> parts.add(Sql.quote(c) + " IS NOT NULL"));
        if (!physical) {
            key.forEach(c -> parts.add(Sql.quote(c) + " IS NOT NULL"));
        }
        return parts.isEmpty() ? "TRUE" : String.join(" AND ", parts);
    }

    /**
     * The largest (cursor, key) position visible in the statement's snapshot, with that snapshot's xmin and its
     * largest in-progress transaction id, all from one statement and therefore one snapshot.
     */
    String newestPosition() {
        List<String> order = order();
        StringBuilder inner = new StringBuilder("SELECT ").append(Sql.asText(order, "__sluice_p"));
        inner.append(" FROM ").append(split.relation()).append(" WHERE ").append(where()).append(" ORDER BY ")
                .append(String.join(", ", order.stream().map(c -> Sql.quote(c) + " DESC").toList()))
                .append(" LIMIT 1");
        return "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint, "
                + "(SELECT max(x.id::text::bigint) FROM pg_snapshot_xip(pg_current_snapshot()) AS x(id)), m.* "
                + "FROM (SELECT 1) AS one LEFT JOIN LATERAL (" + inner + ") AS m ON TRUE";
    }
}
