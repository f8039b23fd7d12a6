package io.sluice.connect.jdbc;

import io.sluice.connect.jdbc.it.Backend;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AbstractJdbcSinkIT} against MariaDB: multi-row INSERT ... ON DUPLICATE KEY UPDATE. The connector's sessions
 * start in a non-strict SQL mode, as on a server configured so, to show that the sink makes them strict (a value too
 * long must reach the dead letter queue, not be stored truncated).
 */
class MariaDbSinkIT extends AbstractJdbcSinkIT {

    private static final Backend MARIADB = Backend.mariadb();

    @Override
    Backend backend() {
        return MARIADB;
    }

    @Override
    String sinkUrl() {
        return MARIADB.url() + "?sessionVariables=sql_mode=NO_ENGINE_SUBSTITUTION";
    }

    /**
     * The premise of {@link #poisonedRecordsGoToTheDeadLetterQueueAndEveryOtherRecordLands}'s value too long on this backend: sessions opened
     * with the sink's URL start non-strict, where the server would store it truncated unless the sink sets strict mode.
     */
    @Test
    void theSinkUrlStartsSessionsInANonStrictMode() throws SQLException {
        Properties props = new Properties();
        MARIADB.credentials().forEach((k, v) -> props.setProperty(k.replace("connection.", ""), v));
        try (Connection plain = DriverManager.getConnection(sinkUrl(), props)) {
            assertThat(sessionMode(plain)).isEqualTo("NO_ENGINE_SUBSTITUTION");
        }
    }

    private static String sessionMode(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT @@SESSION.sql_mode")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    String prefix() {
        return "jdbcsink-maria";
    }

    @Override
    String schemalessTableDdl(String table) {
        return "CREATE TABLE " + MARIADB.quote(table) + " (id BIGINT PRIMARY KEY, name VARCHAR(100), "
                + "created DATETIME(6), payload JSON, amount DECIMAL(10,2), ref CHAR(36))";
    }

    @Override
    String poisonTableDdl(String table) {
        return "CREATE TABLE " + MARIADB.quote(table) + " (id BIGINT PRIMARY KEY, qty INTEGER NOT NULL, "
                + "code VARCHAR(5))";
    }
}
