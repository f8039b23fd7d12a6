package io.sluice.connect.jdbc.it;

import io.sluice.testkit.JdbcServerFixture;
import io.sluice.testkit.MariaDbFixture;
import io.sluice.testkit.PostgresFixture;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A database the sink writes to in a test, as the test reads it back: URL, connection, quoting. */
public abstract class Backend {

    /** @return the JDBC URL the connector gets */
    public abstract String url();

    /** @return the connection keys of the connector besides the URL (user, password) */
    public abstract Map<String, String> credentials();

    /** @return a connection for the test's own queries, auto-commit on */
    public abstract Connection connect() throws SQLException;

    /** @return {@code name} quoted for this database */
    public String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** @return the SQL type of an auto-incremented-free 64-bit integer column, for tables the tests create */
    public String bigint() {
        return "BIGINT";
    }

    /** @return a text type that may be a primary key */
    public String keyText() {
        return "VARCHAR(100)";
    }

    /** Runs DDL or DML. */
    public void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Drops the table if it exists. */
    public void drop(String table) throws SQLException {
        execute("DROP TABLE IF EXISTS " + quote(table));
    }

    /** @return the number of rows of the table, or -1 when it does not exist yet */
    public long count(String table) {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + quote(table))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    /** @return every row of the query, each column by its label, as strings */
    public List<Map<String, String>> query(String sql) throws SQLException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** PostgreSQL from the testkit fixture. */
    public static Backend postgres() {
        return new Server(PostgresFixture.get());
    }

    /** MariaDB from the testkit fixture. */
    public static Backend mariadb() {
        return new Server(MariaDbFixture.get()) {
            @Override
            public String quote(String name) {
                return '`' + name.replace("`", "``") + '`';
            }
        };
    }

    /** A SQLite file, which the test reads and changes through {@link SqliteCli} in a child JVM. */
    public static Backend sqlite(Path file) {
        return new Backend() {
            @Override
            public void execute(String sql) throws SQLException {
                SqliteCli.run(file, false, sql);
            }

            @Override
            public long count(String table) {
                try {
                    return Long.parseLong(SqliteCli.run(file, true, "SELECT COUNT(*) AS n FROM " + quote(table))
                            .get(0).get("n"));
                } catch (SQLException e) {
                    return -1;
                }
            }

            @Override
            public List<Map<String, String>> query(String sql) throws SQLException {
                return SqliteCli.run(file, true, sql);
            }

            @Override
            public String url() {
                return "jdbc:sqlite:" + file;
            }

            @Override
            public Map<String, String> credentials() {
                return Map.of();
            }

            @Override
            public Connection connect() throws SQLException {
                return DriverManager.getConnection(url());
            }

            @Override
            public String bigint() {
                return "INTEGER";
            }

            @Override
            public String keyText() {
                return "TEXT";
            }
        };
    }

    private static class Server extends Backend {
        private final JdbcServerFixture server;

        Server(JdbcServerFixture server) {
            this.server = server;
        }

        @Override
        public String url() {
            return server.jdbcUrl();
        }

        @Override
        public Map<String, String> credentials() {
            Map<String, String> props = new LinkedHashMap<>();
            props.put("connection.user", server.user());
            if (!server.password().isEmpty()) {
                props.put("connection.password", server.password());
            }
            return props;
        }

        @Override
        public Connection connect() throws SQLException {
            return server.connect();
        }
    }
}
