package io.sluice.connect.jdbc.dialect;

import io.sluice.connect.common.errors.ErrorKind;
import io.sluice.connect.common.jdbc.JdbcConnectionConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.stream.Collectors;

/**
 * SQLite: multi-row {@code INSERT ... ON CONFLICT DO UPDATE}; dates, times and instants stored as ISO-8601 text in
 * UTC (the form SQLite's date functions read), decimals as text so that no digit is lost to a float. SQLite has no
 * schemas here: {@code table.schema} is ignored.
 */
public final class SqliteDialect extends DatabaseDialect {

    static final SqlTypes TYPES = SqlTypes.ANSI
            .with(SqlTypes.Kind.INT8, "INTEGER").with(SqlTypes.Kind.INT16, "INTEGER")
            .with(SqlTypes.Kind.INT32, "INTEGER").with(SqlTypes.Kind.INT64, "INTEGER")
            .with(SqlTypes.Kind.FLOAT32, "REAL").with(SqlTypes.Kind.FLOAT64, "REAL")
            .with(SqlTypes.Kind.BOOLEAN, "BOOLEAN").with(SqlTypes.Kind.KEY_TEXT, "TEXT")
            .with(SqlTypes.Kind.KEY_BYTES, "BLOB").with(SqlTypes.Kind.DECIMAL, "TEXT")
            .with(SqlTypes.Kind.DATE, "TEXT").with(SqlTypes.Kind.TIME, "TEXT")
            .with(SqlTypes.Kind.TIMESTAMP, "TEXT").with(SqlTypes.Kind.JSON, "TEXT");

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    /** SQLITE_CONSTRAINT (19), SQLITE_MISMATCH (20), SQLITE_TOOBIG (18): a row's fault. */
    private static final Set<Integer> DATA_ERROR_CODES = Set.of(18, 19, 20);

    /** The connections between {@link #begin} and their commit or rollback. */
    private final Set<Connection> inTransaction = Collections.newSetFromMap(new WeakHashMap<>());

    /** A SQLite dialect. */
    public SqliteDialect() {
        super(TYPES);
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public boolean supportsUpsert() {
        return true;
    }

    @Override
    protected boolean supportsAddColumnIfNotExists() {
        return false;
    }

    @Override
    public String qualified(TableId table) {
        return quote(table.name());
    }

    @Override
    public TableId tableId(String schema, String table) {
        return new TableId(null, table);
    }

    /**
     * The rollback journal is truncated rather than deleted after each commit, so that the sink's commits do not race
     * other connections to the same file over deleting it; a writer waits up to 10 s for a lock another connection
     * holds.
     */
    @Override
    protected void customize(Properties props, String applicationName) {
        props.putIfAbsent("journal_mode", "TRUNCATE");
        props.putIfAbsent("busy_timeout", "10000");
    }

    /**
     * Transactions are SQL statements here ({@code BEGIN IMMEDIATE}, {@code COMMIT}, {@code ROLLBACK}) on a
     * connection in auto-commit mode, rather than the driver's implicit ones: the batch takes the write lock when it
     * starts (waiting up to the busy timeout), and what is committed is exactly what ran between the two statements.
     * DDL outside a batch commits on its own.
     */
    @Override
    public Connection open(JdbcConnectionConfig connection, String applicationName)
            throws SQLException {
        Connection c = super.open(connection, applicationName);
        c.setAutoCommit(true);
        return c;
    }

    @Override
    public void begin(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
        inTransaction.add(connection);
    }

    /** Commits the batch's transaction; outside one (after DDL, which committed itself) there is nothing to do. */
    @Override
    public void commit(Connection connection) throws SQLException {
        // forgotten only once the statement succeeded: a failed COMMIT (SQLITE_BUSY) leaves the transaction open,
        // and the ROLLBACK that follows must still run
        if (inTransaction.contains(connection)) {
            try (Statement s = connection.createStatement()) {
                s.execute("COMMIT");
            }
            inTransaction.remove(connection);
        }
    }

    @Override
    public void rollback(Connection connection) throws SQLException {
        if (inTransaction.contains(connection)) {
            try (Statement s = connection.createStatement()) {
                s.execute("ROLLBACK");
            }
            inTransaction.remove(connection);
        }
    }

    /** {@code PRAGMA table_info} takes the name as a quoted identifier: no pattern, no escaping needed. */
    @Override
    public Optional<TableDefinition> describe(Connection connection, TableId table) throws SQLException {
        Map<String, ColumnInfo> columns = new LinkedHashMap<>();
        Map<Integer, String> keys = new TreeMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA table_info(" + quote(table.name()) + ")")) {
            while (rs.next()) {
                String name = rs.getString("name");
                String type = rs.getString("type");
                columns.put(name, new ColumnInfo(name, type, Types.OTHER, rs.getInt("notnull") == 0));
                if (rs.getInt("pk") > 0) {
                    keys.put(rs.getInt("pk"), name);
                }
            }
        }
        return columns.isEmpty() ? Optional.empty()
                : Optional.of(new TableDefinition(table, columns, keys.values().stream().toList()));
    }

    @Override
    protected String upsertSql(RowBatch batch, int rows) {
        String action = batch.valueColumns().isEmpty() ? "DO NOTHING" : "DO UPDATE SET " + batch.valueColumns()
                .stream().map(c -> quote(c) + " = excluded." + quote(c)).collect(Collectors.joining(", "));
        return insertSql(batch, rows) + " ON CONFLICT (" + quotedList(batch.keyColumns()) + ") " + action;
    }

    /** SQLite's default limit of bind parameters per statement is 32766. */
    @Override
    protected int maxParameters() {
        return 32_000;
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            ps.setString(index, INSTANT.format(instant));
        } else if (value instanceof LocalDate || value instanceof LocalTime) {
            ps.setString(index, value.toString());
        } else if (value instanceof BigDecimal decimal) {
            ps.setString(index, decimal.toPlainString());
        } else if (value instanceof Boolean b) {
            ps.setInt(index, b ? 1 : 0);
        } else {
            super.bind(ps, index, value);
        }
    }

    @Override
    protected boolean isDataErrorCode(SQLException failure) {
        return DATA_ERROR_CODES.contains(failure.getErrorCode() & 0xff);
    }

    /** The extended result codes SQLITE_CONSTRAINT_PRIMARYKEY and SQLITE_CONSTRAINT_UNIQUE. */
    @Override
    protected boolean isDuplicateKeyCode(SQLException failure) {
        return failure instanceof SQLiteException e
                && (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
                || e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE);
    }

    /**
     * SQLITE_BUSY (5) and SQLITE_LOCKED (6): another connection holds the file. A commit the driver refuses because
     * its transaction was ended under it: what the transaction wrote is unknown. Retrying (over a new connection)
     * helps with all of them; rows not known to be committed are written again.
     */
    @Override
    public Optional<ErrorKind> classify(Throwable failure) {
        if (failure instanceof SQLException sql && ((sql.getErrorCode() & 0xff) == 5 || (sql.getErrorCode() & 0xff) == 6
                || sql.getMessage() != null && sql.getMessage().contains("no transaction is active"))) {
            return Optional.of(ErrorKind.TRANSIENT);
        }
        return Optional.empty();
    }

    /** Serves {@code jdbc:sqlite:} URLs. */
    public static final class Provider implements DatabaseDialectProvider {
        @Override
        public int score(String jdbcUrl) {
            return DatabaseDialects.hasScheme(jdbcUrl, "sqlite") ? 10 : 0;
        }

        @Override
        public DatabaseDialect create() {
            return new SqliteDialect();
        }
    }
}
