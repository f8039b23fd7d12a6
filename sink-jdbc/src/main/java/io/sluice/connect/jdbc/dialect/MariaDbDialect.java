package io.sluice.connect.jdbc.dialect;

import io.sluice.connect.common.errors.ErrorKind;
import io.sluice.connect.common.jdbc.JdbcConnectionConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * MariaDB and MySQL: back-quoted names, multi-row {@code INSERT ... ON DUPLICATE KEY UPDATE}, instants stored as
 * UTC in {@code DATETIME(6)}. The schema of a table is its database (a JDBC catalog).
 */
public final class MariaDbDialect extends DatabaseDialect {

    static final SqlTypes TYPES = SqlTypes.ANSI
            .with(SqlTypes.Kind.INT8, "TINYINT").with(SqlTypes.Kind.FLOAT32, "FLOAT")
            .with(SqlTypes.Kind.FLOAT64, "DOUBLE").with(SqlTypes.Kind.BOOLEAN, "BOOLEAN")
            .with(SqlTypes.Kind.TEXT, "LONGTEXT").with(SqlTypes.Kind.BYTES, "LONGBLOB")
            .with(SqlTypes.Kind.DECIMAL, "DECIMAL(65,%d)").with(SqlTypes.Kind.TIME, "TIME(6)")
            .with(SqlTypes.Kind.TIMESTAMP, "DATETIME(6)").with(SqlTypes.Kind.JSON, "LONGTEXT");

    /**
     * Errors MariaDB/MySQL report with SQLState HY000 although a row causes them: incorrect value (1366), data
     * truncated (1265), field without default (1364), incorrect datetime (1292), out of range (1264), null in NOT
     * NULL (1048), check constraint (4025, 3819), value too long (1406).
     */
    private static final Set<Integer> DATA_ERROR_CODES = Set.of(1366, 1265, 1364, 1292, 1264, 1048, 4025, 3819,
            1406);

    /** The modes that turn truncations, zero dates and division by zero into errors. */
    static final String STRICT_MODES = "STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO";

    private final boolean mysql;

    /** @param mysql whether the server is MySQL, which lacks {@code ADD COLUMN IF NOT EXISTS} */
    public MariaDbDialect(boolean mysql) {
        super(TYPES);
        this.mysql = mysql;
    }

    /**
     * Opens a connection in strict SQL mode, whatever the server's default: outside it the server stores a value too
     * long or out of range truncated, with a warning, where the sink must see an error and report the record. The
     * session's other modes stay.
     */
    @Override
    public Connection open(JdbcConnectionConfig connection, String applicationName) throws SQLException {
        Connection c = super.open(connection, applicationName);
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), '" + STRICT_MODES + "')");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    @Override
    public String name() {
        return mysql ? "mysql" : "mariadb";
    }

    @Override
    public boolean supportsUpsert() {
        return true;
    }

    @Override
    protected boolean supportsAddColumnIfNotExists() {
        return !mysql;
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    protected String metadataCatalog(Connection connection, TableId table) throws SQLException {
        return table.schema() != null ? table.schema() : connection.getCatalog();
    }

    @Override
    protected String metadataSchema(Connection connection, TableId table) {
        return null;
    }

    @Override
    protected String upsertSql(RowBatch batch, int rows) {
        // a batch of key columns only still needs an assignment: k = k changes nothing
        String updates = (batch.valueColumns().isEmpty() ? batch.keyColumns() : batch.valueColumns()).stream()
                .map(c -> quote(c) + " = VALUES(" + quote(c) + ")").collect(Collectors.joining(", "));
        return insertSql(batch, rows) + " ON DUPLICATE KEY UPDATE " + updates;
    }

    /** The server counts 1 per inserted row and 2 per updated one (the driver asks for found rows). */
    @Override
    protected WriteCounts upsertCounts(int rows, long affected) {
        long updated = Math.max(0, Math.min(rows, affected - rows));
        return new WriteCounts(rows - updated, updated, 0);
    }

    @Override
    protected int maxParameters() {
        return 60_000;
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            ps.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            super.bind(ps, index, value);
        }
    }

    @Override
    protected boolean isDataErrorCode(SQLException failure) {
        return DATA_ERROR_CODES.contains(failure.getErrorCode());
    }

    /** ER_DUP_ENTRY (1062); its SQLState is the generic 23000. */
    @Override
    protected boolean isDuplicateKeyCode(SQLException failure) {
        return failure.getErrorCode() == 1062;
    }

    /** Lock wait timeout (1205) and deadlock (1213) pass when retried. */
    @Override
    public Optional<ErrorKind> classify(Throwable failure) {
        if (failure instanceof SQLException sql && (sql.getErrorCode() == 1205 || sql.getErrorCode() == 1213)) {
            return Optional.of(ErrorKind.TRANSIENT);
        }
        return Optional.empty();
    }

    /** Serves {@code jdbc:mariadb:} URLs. */
    public static final class Provider implements DatabaseDialectProvider {
        @Override
        public int score(String jdbcUrl) {
            return DatabaseDialects.hasScheme(jdbcUrl, "mariadb") ? 10 : 0;
        }

        @Override
        public DatabaseDialect create() {
            return new MariaDbDialect(false);
        }
    }

    /** Serves {@code jdbc:mysql:} URLs (the MariaDB driver takes them with {@code permitMysqlScheme}). */
    public static final class MySqlProvider implements DatabaseDialectProvider {
        @Override
        public int score(String jdbcUrl) {
            return DatabaseDialects.hasScheme(jdbcUrl, "mysql") ? 10 : 0;
        }

        @Override
        public DatabaseDialect create() {
            return new MariaDbDialect(true);
        }
    }
}
