package io.sluice.testkit;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresFixtureIT {

    @Test
    void answersWithLogicalDecodingEnabled() throws Exception {
        PostgresFixture pg = PostgresFixture.get();

        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SHOW wal_level")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as("wal_level of %s", pg).isEqualTo("logical");
            }
            s.execute("DROP TABLE IF EXISTS testkit_selftest");
            s.execute("CREATE TABLE testkit_selftest (id bigint PRIMARY KEY, name text)");
            s.execute("INSERT INTO testkit_selftest VALUES (1, 'one'), (2, 'two')");
            try (ResultSet rs = s.executeQuery("SELECT count(*), max(name) FROM testkit_selftest")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(2);
                assertThat(rs.getString(2)).isEqualTo("two");
            }
            s.execute("DROP TABLE testkit_selftest");
        }
        assertThat(pg.jdbcUrl()).startsWith("jdbc:postgresql://").endsWith("/" + pg.database());
    }

    @Test
    void isFoundOncePerJvm() {
        assertThat(PostgresFixture.get()).isSameAs(PostgresFixture.get());
    }
}
