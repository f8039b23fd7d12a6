package io.sluice.connect.postgres.it;

import io.sluice.testkit.PostgresFixture;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A schema of its own on the shared PostgreSQL server, created for one test class and dropped with everything in it
 * afterwards: other work on the server is never touched.
 */
public final class TestDatabase implements AutoCloseable {

    private final String schema;

    private TestDatabase(String schema) {
        this.schema = schema;
    }

    /** Creates a schema {@code <prefix>_<random>}. */
    public static TestDatabase create(String prefix) {
        String schema = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        TestDatabase db = new TestDatabase(schema);
        db.execute("CREATE SCHEMA " + schema);
        return db;
    }

    public String schema() {
        return schema;
    }

    /** Runs statements in one auto-committed batch. */
    public void execute(String... sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + String.join("; ", sql) + ": " + e.getMessage(), e);
        }
    }

    /** A new connection to the server, search path set to this schema; the caller closes it. */
    public Connection connect() throws SQLException {
        Connection c = PostgresFixture.get().connect();
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + schema);
        }
        return c;
    }

    @Override
    public void close() {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }
}
