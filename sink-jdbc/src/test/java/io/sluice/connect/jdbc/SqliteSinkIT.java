package io.sluice.connect.jdbc;

import io.sluice.connect.jdbc.it.Backend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@link AbstractJdbcSinkIT} against SQLite files: multi-row INSERT ... ON CONFLICT DO UPDATE. Each test writes its
 * own database file, as a deployment gives each sink its own file. The poison table is STRICT with a CHECK, since
 * SQLite otherwise stores any value in any column.
 */
class SqliteSinkIT extends AbstractJdbcSinkIT {

    private static final Path DIR = directory();

    private Backend sqlite;

    private static Path directory() {
        try {
            return Files.createTempDirectory("sluice-jdbc-sink-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void ownDatabaseFile(TestInfo test) {
        sqlite = Backend.sqlite(DIR.resolve(test.getTestMethod().orElseThrow().getName() + ".db"));
    }

    @Override
    Backend backend() {
        return sqlite;
    }

    @Override
    String prefix() {
        return "jdbcsink-lite";
    }

    @Override
    String schemalessTableDdl(String table) {
        return "CREATE TABLE " + sqlite.quote(table) + " (id INTEGER PRIMARY KEY, name TEXT, created TEXT, "
                + "payload TEXT, amount NUMERIC, ref TEXT)";
    }

    @Override
    String poisonTableDdl(String table) {
        return "CREATE TABLE " + sqlite.quote(table) + " (id INTEGER PRIMARY KEY, qty INTEGER NOT NULL, "
                + "code TEXT CHECK (length(code) <= 5)) STRICT";
    }
}
