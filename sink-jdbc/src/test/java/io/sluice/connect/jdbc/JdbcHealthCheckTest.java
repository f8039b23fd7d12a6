package io.sluice.connect.jdbc;

import io.sluice.connect.common.health.HealthReport;
import io.sluice.connect.jdbc.dialect.DatabaseDialects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcHealthCheckTest {

    private static HealthReport check(String url) {
        JdbcSinkConfig config = new JdbcSinkConfig(Map.of("name", "health-test", "connection.url", url));
        return new JdbcHealthCheck(config, DatabaseDialects.forUrl(url), Clock.systemUTC()).check();
    }

    @Test
    void aReachableDatabaseIsHealthyWithItsServerAndCapabilities(@TempDir Path dir) {
        HealthReport report = check("jdbc:sqlite:" + dir.resolve("h.db"));
        assertThat(report.isHealthy()).isTrue();
        assertThat(report.connected()).isTrue();
        assertThat(report.capabilities()).contains("upsert", "insert", "update", "delete")
                .anyMatch(c -> c.startsWith("server:SQLite "));
    }

    @Test
    void anUnreachableDatabaseIsUnhealthyAndSaysWhereItLooked() {
        HealthReport report = check("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2&password=secret");
        assertThat(report.isHealthy()).isFalse();
        assertThat(report.connected()).isFalse();
        assertThat(report.error()).contains("127.0.0.1:1").contains("password=****").doesNotContain("secret");
    }
}
