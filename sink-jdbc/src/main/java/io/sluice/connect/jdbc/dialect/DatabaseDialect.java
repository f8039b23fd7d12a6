package io.sluice.connect.jdbc.dialect;

import io.sluice.connect.common.errors.ErrorKind;
import io.sluice.connect.common.jdbc.JdbcConnectionConfig;
import io.sluice.connect.jdbc.InsertMode;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * How Sluice speaks to one kind of database: quoting, column types, DDL, and the statements that write a batch.
 *
 * <p>The defaults are standard SQL with one multi-row statement per chunk of rows; a dialect overrides only what
 * its database does differently (its upsert statement, its type spellings, a faster bulk path). Every identifier
 * goes through {@link #quote}, so table and column names taken from topics and fields cannot change a statement.
 * Dialects are found through {@link DatabaseDialectProvider}s.
 */
public abstract class DatabaseDialect {

    private final SqlTypes types;

    /** @param types the column types of DDL */
    protected DatabaseDialect(SqlTypes types) {
        this.types = types;
    }

    /** @return the dialect's name, for logs and messages */
    public abstract String name();

    /** @return whether {@link InsertMode#UPSERT} is supported */
    public abstract boolean supportsUpsert();

    /** @return what the dialect can do, for the health check (e.g. {@code upsert}, {@code copy}) */
    public List<String> capabilities() {
        List<String> caps = new ArrayList<>(List.of("insert", "update", "delete", "auto_create", "auto_evolve"));
        if (supportsUpsert()) {
            caps.add("upsert");
        }
        return caps;
    }

    /**
     * Opens a connection with auto-commit off, so that every batch is one transaction (a dialect may manage its
     * transactions with {@link #begin}, {@link #commit} and {@link #rollback} instead).
     *
     * @param connection      the connection keys
     * @param applicationName how the connection names itself to the server where the driver supports it
     * @return the connection
     * @throws SQLException as the driver throws it
     */
    public Connection open(JdbcConnectionConfig connection, String applicationName) throws SQLException {
        Properties props = connection.driverProperties();
        customize(props, applicationName);
        Connection c = DriverManager.getConnection(connection.url(), props);
        c.setAutoCommit(false);
        return c;
    }

    /**
     * Starts the transaction of a batch; with auto-commit off (the default) every statement already runs in one.
     *
     * @throws SQLException as the driver throws it
     */
    public void begin(Connection connection) throws SQLException {
    }

    /**
     * Commits the connection's transaction.
     *
     * @throws SQLException as the driver throws it
     */
    public void commit(Connection connection) throws SQLException {
        connection.commit();
    }

    /**
     * Rolls the connection's transaction back.
     *
     * @throws SQLException as the driver throws it
     */
    public void rollback(Connection connection) throws SQLException {
        connection.rollback();
    }

    /** Adds driver properties, e.g. the application name. */
    protected void customize(Properties props, String applicationName) {
    }

    /**
     * The length of a name as the database counts it against {@code DatabaseMetaData.getMaxTableNameLength()}.
     *
     * @return the length in characters; a dialect whose limit is in bytes overrides this
     */
    public int nameLength(String name) {
        return name.codePointCount(0, name.length());
    }

    /** @return {@code identifier} quoted, quote characters inside doubled */
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** @return the table's quoted, schema-qualified name */
    public String qualified(TableId table) {
        return table.schema() == null ? quote(table.name()) : quote(table.schema()) + "." + quote(table.name());
    }

    /** @return the table the configured schema and a table name stand for in this database */
    public TableId tableId(String schema, String table) {
        return new TableId(schema, table);
    }

    /** @return the column types of DDL */
    protected SqlTypes types() {
        return types;
    }

    /**
     * @param table   the table to create
     * @param keys    the primary-key columns, NOT NULL
     * @param columns the other columns, nullable where their schema is optional
     * @return {@code CREATE TABLE IF NOT EXISTS}
     */
    public String createTable(TableId table, List<ColumnSpec> keys, List<ColumnSpec> columns) {
        List<String> defs = new ArrayList<>();
        for (ColumnSpec key : keys) {
            defs.add(quote(key.name()) + " " + types.typeOf(key.schema(), true) + " NOT NULL");
        }
        for (ColumnSpec column : columns) {
            defs.add(quote(column.name()) + " " + types.typeOf(column.schema(), false)
                    + (column.schema().isOptional() ? " NULL" : " NOT NULL"));
        }
        if (!keys.isEmpty()) {
            defs.add("PRIMARY KEY (" + quotedList(keys.stream().map(ColumnSpec::name).toList()) + ")");
        }
        return "CREATE TABLE IF NOT EXISTS " + qualified(table) + " (" + String.join(", ", defs) + ")";
    }

    /** @return whether {@code ADD COLUMN IF NOT EXISTS} exists in this database */
    protected boolean supportsAddColumnIfNotExists() {
        return true;
    }

    /** @return the statement adding {@code column}, always nullable: the table may hold rows already */
    public String addColumn(TableId table, ColumnSpec column) {
        return "ALTER TABLE " + qualified(table) + " ADD COLUMN " + (supportsAddColumnIfNotExists()
                ? "IF NOT EXISTS " : "") + quote(column.name()) + " " + types.typeOf(column.schema(), false) + " NULL";
    }

    /**
     * Describes a table through the driver's metadata.
     *
     * @return the table, or empty when it does not exist
     * @throws SQLException as the driver throws it
     */
    public Optional<TableDefinition> describe(Connection connection, TableId table) throws SQLException {
        return MetadataReader.describe(connection, table, metadataCatalog(connection, table),
                metadataSchema(connection, table));
    }

    /** @return the catalog to look the table up in ({@code DatabaseMetaData} terms) */
    protected String metadataCatalog(Connection connection, TableId table) throws SQLException {
        return null;
    }

    /** @return the schema to look the table up in ({@code DatabaseMetaData} terms) */
    protected String metadataSchema(Connection connection, TableId table) throws SQLException {
        return table.schema();
    }

    /**
     * Writes rows in one transaction, which the caller commits.
     *
     * @return what the rows did
     * @throws SQLException as the database refuses them
     */
    public WriteCounts write(Connection connection, RowBatch batch, InsertMode mode) throws SQLException {
        return switch (mode) {
            case INSERT -> new WriteCounts(executeMultiRow(connection, batch, this::insertSql), 0, 0);
            case UPSERT -> upsertCounts(batch.size(), executeMultiRow(connection, batch, this::upsertSql));
            case UPDATE -> new WriteCounts(0, update(connection, batch), 0);
        };
    }

    /** @return an {@code INSERT} of {@code rows} rows */
    protected String insertSql(RowBatch batch, int rows) {
        return "INSERT INTO " + qualified(batch.table()) + " (" + quotedList(batch.columns()) + ") VALUES "
                + valuesList(batch.columns().size(), rows);
    }

    /** @return an upsert of {@code rows} rows; only called when {@link #supportsUpsert()} */
    protected String upsertSql(RowBatch batch, int rows) {
        throw new UnsupportedOperationException(name() + " has no upsert statement");
    }

    /** @return the counts of an upsert that affected {@code affected} rows by the driver's count */
    protected WriteCounts upsertCounts(int rows, long affected) {
        return new WriteCounts(0, 0, rows);
    }

    /** @return the most bind parameters one statement may hold */
    protected int maxParameters() {
        return 30_000;
    }

    /** @return the most rows one multi-row statement holds */
    protected int maxRowsPerStatement() {
        return 1_000;
    }

    /** Runs a multi-row statement per chunk of rows; returns the summed update counts. */
    protected long executeMultiRow(Connection connection, RowBatch batch, MultiRowSql sql) throws SQLException {
        int width = Math.max(1, batch.columns().size());
        int chunk = Math.max(1, Math.min(maxRowsPerStatement(), maxParameters() / width));
        long affected = 0;
        List<Object[]> rows = batch.rows();
        for (int from = 0; from < rows.size(); from += chunk) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + chunk));
            try (PreparedStatement ps = connection.prepareStatement(sql.build(batch, part.size()))) {
                int index = 1;
                for (Object[] row : part) {
                    for (Object value : row) {
                        bind(ps, index++, value);
                    }
                }
                affected += ps.executeUpdate();
            }
        }
        return affected;
    }

    /** Updates the rows with each row's key; returns how many changed. */
    protected long update(Connection connection, RowBatch batch) throws SQLException {
        if (batch.valueColumns().isEmpty()) {
            return 0;
        }
        String sql = "UPDATE " + qualified(batch.table()) + " SET " + batch.valueColumns().stream()
                .map(c -> quote(c) + " = ?").collect(Collectors.joining(", ")) + " WHERE " + keyCondition(batch);
        int keys = batch.keyColumns().size();
        return executeBatch(connection, sql, batch, row -> {
            Object[] params = new Object[row.length];
            System.arraycopy(row, keys, params, 0, row.length - keys);
            System.arraycopy(row, 0, params, row.length - keys, keys);
            return params;
        });
    }

    /**
     * Deletes the rows with the keys of {@code batch} (its rows hold key values only).
     *
     * @return how many rows were deleted
     */
    public long delete(Connection connection, RowBatch batch) throws SQLException {
        String sql = "DELETE FROM " + qualified(batch.table()) + " WHERE " + keyCondition(batch);
        return executeBatch(connection, sql, batch, row -> row);
    }

    /**
     * Sets {@code column} of the rows with the keys of {@code batch} to each row's deletion time.
     *
     * @param batch     key values, then the deletion {@link Instant} as the last value of each row
     * @param column    the soft-delete column
     * @return how many rows were marked
     */
    public long softDelete(Connection connection, RowBatch batch, String column) throws SQLException {
        String sql = "UPDATE " + qualified(batch.table()) + " SET " + quote(column) + " = ? WHERE "
                + keyCondition(batch);
        int keys = batch.keyColumns().size();
        return executeBatch(connection, sql, batch, row -> {
            Object[] params = new Object[keys + 1];
            params[0] = row[keys];
            System.arraycopy(row, 0, params, 1, keys);
            return params;
        });
    }

    private long executeBatch(Connection connection, String sql, RowBatch batch, ParamOrder order)
            throws SQLException {
        long affected = 0;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (Object[] row : batch.rows()) {
                Object[] params = order.params(row);
                for (int i = 0; i < params.length; i++) {
                    bind(ps, i + 1, params[i]);
                }
                ps.addBatch();
            }
            for (int count : ps.executeBatch()) {
                affected += count == Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, count);
            }
        }
        return affected;
    }

    /** @return {@code "k1" = ? AND "k2" = ?} */
    protected String keyCondition(RowBatch batch) {
        return batch.keyColumns().stream().map(k -> quote(k) + " = ?").collect(Collectors.joining(" AND "));
    }

    /** @return the quoted names, comma-separated */
    protected String quotedList(List<String> names) {
        return names.stream().map(this::quote).collect(Collectors.joining(", "));
    }

    /** @return {@code (?, ?), (?, ?)} for {@code rows} rows of {@code width} values */
    protected static String valuesList(int width, int rows) {
        String row = "(" + String.join(", ", java.util.Collections.nCopies(width, "?")) + ")";
        return String.join(", ", java.util.Collections.nCopies(rows, row));
    }

    /**
     * Binds one value: null, a Java number, Boolean, String, byte[], {@link BigDecimal}, {@link LocalDate},
     * {@link LocalTime}, {@link Instant} or {@link JsonText}.
     */
    public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof JsonText json) {
            ps.setString(index, json.json());
        } else if (value instanceof byte[] bytes) {
            ps.setBytes(index, bytes);
        } else {
            ps.setObject(index, value);
        }
    }

    /**
     * Whether a failure is caused by the rows (a value the column refuses, a NULL in a NOT NULL column, a value
     * too long, a key that exists): such a batch is split to find the rows, instead of being retried.
     */
    public boolean isDataError(SQLException failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLDataException || t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                if (state.startsWith("22") || state.startsWith("23") || isDataErrorCode(sql)) {
                    return true;
                }
                if (sql.getNextException() != null && isDataError(sql.getNextException())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a failure is a key that already exists (SQLState 23505, or the vendor's code for it): in keyed insert
     * mode such a row was written before, by an earlier delivery of the same record.
     */
    public boolean isDuplicateKey(SQLException failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                if ("23505".equals(sql.getSQLState()) || isDuplicateKeyCode(sql)) {
                    return true;
                }
                if (sql.getNextException() != null && isDuplicateKey(sql.getNextException())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return whether a vendor error code marks a duplicate key where the SQLState does not */
    protected boolean isDuplicateKeyCode(SQLException failure) {
        return false;
    }

    /** @return whether a vendor error code marks a data error where the SQLState does not */
    protected boolean isDataErrorCode(SQLException failure) {
        return false;
    }

    /**
     * Database-specific failure kinds, consulted before the shared classifier's rules.
     *
     * @return the kind, or empty to defer to the shared rules
     */
    public Optional<ErrorKind> classify(Throwable failure) {
        return Optional.empty();
    }

    /** Builds a multi-row statement for a number of rows. */
    @FunctionalInterface
    protected interface MultiRowSql {
        String build(RowBatch batch, int rows);
    }

    @FunctionalInterface
    private interface ParamOrder {
        Object[] params(Object[] row);
    }
}
