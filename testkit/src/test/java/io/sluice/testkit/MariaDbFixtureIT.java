package io.sluice.testkit;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class MariaDbFixtureIT {

    @Test
    void answersAndKeepsRows() throws Exception {
        MariaDbFixture db = MariaDbFixture.get();

        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS testkit_selftest");
            s.execute("CREATE TABLE testkit_selftest (id BIGINT PRIMARY KEY, name VARCHAR(20))");
            s.execute("INSERT INTO testkit_selftest VALUES (1, 'one'), (2, 'two'), (3, 'three')");
            try (ResultSet rs = s.executeQuery("SELECT count(*), DATABASE() FROM testkit_selftest")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(3);
                assertThat(rs.getString(2)).isEqualTo(db.database());
            }
            s.execute("DROP TABLE testkit_selftest");
        }
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:mariadb://" + db.host() + ":" + db.port() + "/" + db.database());
    }
}
