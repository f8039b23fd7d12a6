package io.sluice.connect.jdbc.dialect;

import io.sluice.connect.jdbc.InsertMode;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * PostgreSQL: rows travel by {@code COPY ... FROM STDIN}. Inserts are copied straight into the table; upserts and
 * updates are copied into a temporary staging table shaped like the target's columns and applied with one
 * set-based {@code INSERT ... SELECT ... ON CONFLICT DO UPDATE} (or {@code UPDATE ... FROM}). Values arrive as text
 * and are parsed by each column's type, so existing uuid, jsonb and numeric columns need no casts. Strings bound to
 * other statements are sent untyped for the same reason.
 */
public final class PostgresDialect extends DatabaseDialect {

    /** The staging table of a write, which lives for the write's transaction. */
    static final String STAGE = "sluice_stage";

    static final SqlTypes TYPES = SqlTypes.ANSI
            .with(SqlTypes.Kind.BYTES, "BYTEA").with(SqlTypes.Kind.KEY_BYTES, "BYTEA")
            .with(SqlTypes.Kind.KEY_TEXT, "TEXT").with(SqlTypes.Kind.DECIMAL, "NUMERIC")
            .with(SqlTypes.Kind.JSON, "JSONB");

    /** A PostgreSQL dialect. */
    public PostgresDialect() {
        super(TYPES);
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean supportsUpsert() {
        return true;
    }

    @Override
    public List<String> capabilities() {
        List<String> caps = new ArrayList<>(super.capabilities());
        caps.add("copy");
        return caps;
    }

    @Override
    protected void customize(Properties props, String applicationName) {
        // the name shows in pg_stat_activity, so operators (and tests) can tell the sink's sessions apart
        props.setProperty("ApplicationName", applicationName.length() > 63
                ? applicationName.substring(0, 63) : applicationName);
    }

    /** PostgreSQL limits names to 63 bytes (NAMEDATALEN - 1) and cuts longer ones silently. */
    @Override
    public int nameLength(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    protected String metadataSchema(Connection connection, TableId table) throws SQLException {
        if (table.schema() != null) {
            return table.schema();
        }
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT current_schema()")) {
            return rs.next() ? rs.getString(1) : "public";
        }
    }

    @Override
    public WriteCounts write(Connection connection, RowBatch batch, InsertMode mode) throws SQLException {
        if (mode == InsertMode.INSERT) {
            return new WriteCounts(copy(connection, qualified(batch.table()), batch), 0, 0);
        }
        // created in each transaction and dropped at its end: its column types are the table's of this moment (a
        // widened column takes the longer values at once), and no two column sets share it
        String stage = quote(STAGE);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMP TABLE " + stage + " ON COMMIT DROP AS SELECT " + quotedList(batch.columns())
                    + " FROM " + qualified(batch.table()) + " WITH NO DATA");
        }
        copy(connection, stage, batch);
        String columns = quotedList(batch.columns());
        if (mode == InsertMode.UPDATE) {
            if (batch.valueColumns().isEmpty()) {
                return WriteCounts.NONE;
            }
            String sql = "UPDATE " + qualified(batch.table()) + " AS t SET " + batch.valueColumns().stream()
                    .map(c -> quote(c) + " = s." + quote(c)).collect(Collectors.joining(", ")) + " FROM " + stage
                    + " AS s WHERE " + batch.keyColumns().stream().map(k -> "t." + quote(k) + " = s." + quote(k))
                    .collect(Collectors.joining(" AND "));
            try (Statement s = connection.createStatement()) {
                return new WriteCounts(0, s.executeUpdate(sql), 0);
            }
        }
        String onConflict = batch.valueColumns().isEmpty() ? "DO NOTHING" : "DO UPDATE SET "
                + batch.valueColumns().stream().map(c -> quote(c) + " = EXCLUDED." + quote(c))
                .collect(Collectors.joining(", "));
        String sql = "WITH w AS (INSERT INTO " + qualified(batch.table()) + " (" + columns + ") SELECT " + columns
                + " FROM " + stage + " ON CONFLICT (" + quotedList(batch.keyColumns()) + ") " + onConflict
                + " RETURNING (xmax = 0) AS created) SELECT count(*) FILTER (WHERE created), count(*) FROM w";
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            long created = rs.getLong(1);
            return new WriteCounts(created, rs.getLong(2) - created, 0);
        }
    }

    private long copy(Connection connection, String target, RowBatch batch) throws SQLException {
        String sql = "COPY " + target + " (" + quotedList(batch.columns()) + ") FROM STDIN (FORMAT csv)";
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            return copy.copyIn(sql, new StringReader(CopyText.csv(batch.rows())));
        } catch (IOException e) {
            throw new SQLException("COPY into " + target + " failed: " + e.getMessage(), "08006", e);
        }
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof String || value instanceof JsonText) {
            // untyped, as with stringtype=unspecified: the server takes it as the column's own type (uuid, jsonb)
            ps.setObject(index, value.toString(), Types.OTHER);
        } else if (value == null) {
            ps.setNull(index, Types.OTHER);
        } else {
            super.bind(ps, index, value);
        }
    }

    /** Serves {@code jdbc:postgresql:} URLs. */
    public static final class Provider implements DatabaseDialectProvider {
        @Override
        public int score(String jdbcUrl) {
            return DatabaseDialects.hasScheme(jdbcUrl, "postgresql")
                    || jdbcUrl != null && jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:pgsql:") ? 10 : 0;
        }

        @Override
        public DatabaseDialect create() {
            return new PostgresDialect();
        }
    }
}
