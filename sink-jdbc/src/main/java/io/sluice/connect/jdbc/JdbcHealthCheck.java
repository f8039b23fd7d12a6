package io.sluice.connect.jdbc;

import io.sluice.connect.common.health.HealthCheck;
import io.sluice.connect.common.health.HealthReport;
import io.sluice.connect.jdbc.dialect.DatabaseDialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The connector's health: a connection opened and checked ({@code Connection.isValid}) on every check. Healthy
 * reports carry the dialect's capabilities (insert, upsert, update, delete, copy, auto_create, auto_evolve) and the
 * server as {@code server:<product> <version>}.
 */
final class JdbcHealthCheck implements HealthCheck {

    private final JdbcSinkConfig config;
    private final DatabaseDialect dialect;
    private final Clock clock;

    JdbcHealthCheck(JdbcSinkConfig config, DatabaseDialect dialect, Clock clock) {
        this.config = config;
        this.dialect = dialect;
        this.clock = clock;
    }

    @Override
    public HealthReport check() {
        Instant start = clock.instant();
        List<String> capabilities = new ArrayList<>(dialect.capabilities());
        try (Connection c = dialect.open(config.connection(),
                JdbcSinkTask.applicationName(config.connectorName()) + " health")) {
            if (!c.isValid(10)) {
                return HealthReport.unhealthy(false, elapsed(start), start, capabilities, "the connection to "
                        + config.connection().redactedUrl() + " did not answer within 10 s");
            }
            DatabaseMetaData md = c.getMetaData();
            capabilities.add("server:" + md.getDatabaseProductName() + " " + md.getDatabaseProductVersion());
            return HealthReport.healthy(elapsed(start), start, capabilities);
        } catch (Exception e) {
            return HealthReport.unhealthy(false, elapsed(start), start, capabilities, "cannot connect to "
                    + config.connection().redactedUrl() + ": " + e.getMessage());
        }
    }

    private long elapsed(Instant start) {
        return Math.max(0, clock.millis() - start.toEpochMilli());
    }
}
