package io.sluice.connect.postgres.it;

import io.sluice.testkit.PostgresFixture;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A schema of its own on the shared PostgreSQL server, created for one test class and dropped with everything in it
 * afterwards: other work on the server is never touched. Registered as a static {@code @RegisterExtension} field, it
 * creates the schema before the class's {@code @BeforeAll} methods and drops it after the class.
 */
public final class TestDatabase implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private final String schema;

    private TestDatabase(String schema) {
        this.schema = schema;
    }

    /** A schema {@code <prefix>_<random>} created and dropped around the test class that registers it. */
    public static TestDatabase perClass(String prefix) {
        return new TestDatabase((prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        execute("CREATE SCHEMA " + schema);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
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
