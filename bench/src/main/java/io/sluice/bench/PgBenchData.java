package io.sluice.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The PostgreSQL benchmarks' rows: the ten columns of {@link RedisBenchData#entry(long)} with their SQL types, in
 * tables whose names start with {@value #PREFIX}, so every benchmark moves the same record shape.
 */
public final class PgBenchData {

    /** Every table the benchmarks create starts with this. */
    public static final String PREFIX = "sluice_bench_";

    /** The columns, in order, and their types. */
    public static final String COLUMNS = "id bigint PRIMARY KEY, customer text, amount numeric(12,2), currency text, "
        + "status text, created_at timestamptz, country text, channel text, items int, note text";

    private PgBenchData() {
    }

    /** A connection to {@code url} as {@code user} (no password: trust authentication, or in the URL). */
    public static Connection connect(String url, String user) throws SQLException {
        return DriverManager.getConnection(url, user, null);
    }

    /** Drops and creates {@code table} with {@link #COLUMNS}, empty. */
    public static void createEmpty(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            s.execute("CREATE TABLE " + table + " (" + COLUMNS + ")");
        }
    }

    /** Drops {@code table} if it exists. */
    public static void drop(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
        }
    }

    /** Rows in {@code table}; 0 when it does not exist (yet). */
    public static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0;
            }
            throw e;
        }
    }

    /**
     * Makes sure {@code table} holds rows 0 to {@code rows - 1}, writing it anew with COPY when it does not.
     *
     * @return whether it had to be written
     */
    public static boolean ensureFilled(Connection c, String table, long rows) throws SQLException, IOException {
        if (count(c, table) == rows) {
            return false;
        }
        createEmpty(c, table);
        copyIn(c, table, rows);
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE " + table);
        }
        return true;
    }

    /** {@code COPY table FROM STDIN} of rows 0 to {@code rows - 1}, as CSV generated while it streams. */
    public static long copyIn(Connection c, String table, long rows) throws SQLException, IOException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        return copy.copyIn("COPY " + table + " FROM STDIN (FORMAT csv)", new CsvRows(rows));
    }

    /** {@code COPY (SELECT * FROM table) TO STDOUT} as CSV into {@code out}; returns the rows copied. */
    public static long copyOut(Connection c, String table, OutputStream out) throws SQLException, IOException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        return copy.copyOut("COPY (SELECT * FROM " + table + ") TO STDOUT (FORMAT csv)", out);
    }

    /** One CSV line of row {@code i}, with a line break. */
    static String csvLine(long i) {
        Map<String, String> e = RedisBenchData.entry(i);
        StringBuilder sb = new StringBuilder(140);
        for (String v : e.values()) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            boolean quote = v.indexOf(',') >= 0;
            sb.append(quote ? "\"" : "").append(v).append(quote ? "\"" : "");
        }
        return sb.append('\n').toString();
    }

    /** The rows as a character stream, generated as COPY reads it. */
    private static final class CsvRows extends Reader {
        private final long rows;
        private long next;
        private String line = "";
        private int pos;

        CsvRows(long rows) {
            this.rows = rows;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            int written = 0;
            while (written < len) {
                if (pos == line.length()) {
                    if (next == rows) {
                        return written == 0 ? -1 : written;
                    }
                    line = csvLine(next++);
                    pos = 0;
                }
                int n = Math.min(len - written, line.length() - pos);
                line.getChars(pos, pos + n, buf, off + written);
                pos += n;
                written += n;
            }
            return written;
        }

        @Override
        public void close() {
        }
    }
}
