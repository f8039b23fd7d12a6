package io.sluice.connect.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What the connector needs to know from PostgreSQL's catalog: the tables to sync, their columns and keys. */
final class Catalog {

    private static final String TABLES = "SELECT n.nspname, c.relname FROM pg_catalog.pg_class c "
            + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (?) ORDER BY 1, 2";

    private static final String PRIMARY_KEY = "SELECT a.attname FROM pg_catalog.pg_index i "
            + "JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey) "
            + "WHERE i.indrelid = to_regclass(?) AND i.indisprimary "
            + "ORDER BY array_position(i.indkey::int2[], a.attnum)";

    private static final String COLUMNS = "SELECT a.attname FROM pg_catalog.pg_attribute a "
            + "WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";

    private static final String NULLABLE_COLUMNS = "SELECT a.attname FROM pg_catalog.pg_attribute a "
            + "WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped AND NOT a.attnotnull "
            + "ORDER BY a.attnum";

    private Catalog() {
    }

    /**
     * Opens a connection whose session settings make text forms stable: positions are stored as text and cast
     * back, so dates, timestamps and intervals must print the same way in every session, whatever the server's
     * defaults ({@code DateStyle ISO}, {@code TimeZone UTC}, ISO 8601 intervals). Every transaction of the session
     * is read-only ({@code default_transaction_read_only}): the filter and the custom query are user-supplied SQL,
     * also run by {@code validate()}, and must never be able to write.
     *
     * @param purpose names the session in {@code pg_stat_activity} ({@code sluice-<connector>[-purpose]})
     */
    static Connection open(PostgresSourceConfig config, String purpose) throws SQLException {
        Connection connection = config.connection().open();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET DateStyle = 'ISO, MDY'");
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("SET intervalstyle = 'iso_8601'");
            statement.execute("SET default_transaction_read_only = on");
            String name = "sluice-" + config.connectorName() + (purpose.isEmpty() ? "" : "-" + purpose);
            statement.execute("SET application_name = '" + name.replace("'", "''") + "'");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /**
     * @return the tables of {@code config}'s schemas that its include list matches (every table when it is empty)
     *         and its exclude list does not, as splits sorted by name; or the custom query's single split
     */
    static List<Split> discover(Connection connection, PostgresSourceConfig config) throws SQLException {
        if (config.hasQuery()) {
            return List.of(Split.query(config.queryName(), config.query()));
        }
        List<Split> result = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(TABLES)) {
            statement.setArray(1, connection.createArrayOf("text", config.schemas().toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Split split = Split.table(rs.getString(1), rs.getString(2));
                    if (selected(split.name(), config.includeTables(), config.excludeTables())) {
                        result.add(split);
                    }
                }
            }
        } finally {
            endTransaction(connection);
        }
        return result;
    }

    static boolean selected(String qualifiedName, List<Pattern> include, List<Pattern> exclude) {
        boolean included = include.isEmpty() || include.stream().anyMatch(p -> p.matcher(qualifiedName).matches());
        return included && exclude.stream().noneMatch(p -> p.matcher(qualifiedName).matches());
    }

    /** @return the table's primary key columns in key order; empty when it has none or for a query */
    static List<String> primaryKey(Connection connection, Split split) throws SQLException {
        if (split.isQuery()) {
            return List.of();
        }
        return names(connection, PRIMARY_KEY, split.relation());
    }

    /** @return the table's columns that may hold NULL; empty for a query, whose result the catalog does not know */
    static List<String> nullableColumns(Connection connection, Split split) throws SQLException {
        return split.isQuery() ? List.of() : names(connection, NULLABLE_COLUMNS, split.relation());
    }

    /** @return the split's columns in order: a table's from the catalog, a query's from its result's metadata */
    static List<String> columns(Connection connection, Split split) throws SQLException {
        if (!split.isQuery()) {
            return names(connection, COLUMNS, split.relation());
        }
        return describe(connection, "*", split, ResultSetMetaData::getColumnLabel);
    }

    /**
     * @return the type of each of {@code columns} as PostgreSQL names it in a cast, e.g. {@code int8},
     *         {@code timestamptz}, {@code "shop"."mood"}
     */
    static List<String> types(Connection connection, Split split, List<String> columns) throws SQLException {
        return describe(connection, Sql.columns(columns), split, (meta, i) -> castType(meta.getColumnTypeName(i)));
    }

    /** What the result metadata says of each column, e.g. its name, from a query for no rows. */
    private interface ColumnFact {
        String of(ResultSetMetaData meta, int column) throws SQLException;
    }

    private static List<String> describe(Connection connection, String selectList, Split split, ColumnFact fact)
            throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT " + selectList + " FROM " + split.relation()
                     + " LIMIT 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> result = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                result.add(fact.of(meta, i));
            }
            return result;
        } finally {
            endTransaction(connection);
        }
    }

    /** The driver names a column with a sequence default after its DDL shorthand, which is no type to cast to. */
    static String castType(String driverTypeName) {
        return switch (driverTypeName) {
            case "bigserial" -> "int8";
            case "serial" -> "int4";
            case "smallserial" -> "int2";
            default -> driverTypeName;
        };
    }

    /**
     * @return whether the server is a hot standby: its snapshots' in-progress transactions come from the primary's
     *         WAL, so the safe-position rule does not hold there
     */
    static boolean inRecovery(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_is_in_recovery()")) {
            return rs.next() && rs.getBoolean(1);
        } finally {
            endTransaction(connection);
        }
    }

    /** The message for a connection to a standby, naming the key to change. */
    static String standbyMessage(PostgresSourceConfig config) {
        return "PostgresSourceConnector " + config.connectorName() + ": " + config.connection().redactedUrl()
                + " is a read replica (pg_is_in_recovery() is true), where rows of transactions still open on the "
                + "primary could be missed. Point connection.url at the primary.";
    }

    /** @return whether the table still exists; a query always does. Ends a failed transaction first. */
    static boolean exists(Connection connection, Split split) throws SQLException {
        endTransaction(connection);
        if (split.isQuery()) {
            return true;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, split.relation());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } finally {
            endTransaction(connection);
        }
    }

    /** @return whether the connected user may SELECT from the table (always true for a query, which runs as is) */
    static boolean canSelect(Connection connection, Split split) throws SQLException {
        if (split.isQuery()) {
            return true;
        }
        try (PreparedStatement statement =
                     connection.prepareStatement("SELECT has_table_privilege(to_regclass(?), 'SELECT')")) {
            statement.setString(1, split.relation());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } finally {
            endTransaction(connection);
        }
    }

    private static List<String> names(Connection connection, String sql, String relation) throws SQLException {
        List<String> result = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, relation);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
        } finally {
            endTransaction(connection);
        }
        return result;
    }

    /** Ends the read-only transaction a statement began when auto-commit is off, so no snapshot is held open. */
    static void endTransaction(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
    }
}
