package io.sluice.connect.jdbc;

import io.sluice.connect.common.Version;
import io.sluice.connect.common.health.HealthRegistry;
import io.sluice.connect.jdbc.dialect.DatabaseDialect;
import io.sluice.connect.jdbc.dialect.DatabaseDialects;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes topics into tables of PostgreSQL, MariaDB/MySQL or SQLite, chosen by the JDBC URL.
 *
 * <p><b>Writes.</b> Records are buffered per table and written in batches (PostgreSQL through {@code COPY} and one
 * set-based statement, the others through multi-row statements) as {@code insert}, {@code upsert} or {@code update};
 * the latest record per key wins within a batch. Tombstones delete rows, mark them ({@code delete.mode=soft}) or are
 * skipped.
 *
 * <p><b>Delivery.</b> At least once: offsets are committed only after the rows they stand for are written. In upsert
 * mode a redelivered record rewrites the same row, so the table ends as if each record was written exactly once.
 *
 * <p><b>Tasks.</b> Every task gets the same configuration; Connect spreads the topic partitions over them.
 */
public class JdbcSinkConnector extends SinkConnector {

    private static final Logger log = LoggerFactory.getLogger(JdbcSinkConnector.class);

    private Map<String, String> props;
    private HealthRegistry.Registration health;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        Map<String, String> effective = JdbcSinkConfig.ALIASES.apply(props);
        JdbcSinkConfig config = new JdbcSinkConfig(effective);
        this.props = Map.copyOf(effective);
        DatabaseDialect dialect = DatabaseDialects.forUrl(config.connection().url());
        health = HealthRegistry.register(config.connectorName(),
                new JdbcHealthCheck(config, dialect, Clock.systemUTC()));
        log.info("JdbcSinkConnector {} started: {} ({}) tables {}", config.connectorName(),
                config.connection().redactedUrl(), dialect.name(), config.tableNameFormat());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return JdbcSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < Math.max(1, maxTasks); i++) {
            configs.add(props);
        }
        return configs;
    }

    @Override
    public void stop() {
        if (health != null) {
            health.close();
            health = null;
        }
    }

    @Override
    public ConfigDef config() {
        return JdbcSinkConfig.CONFIG_DEF;
    }

    /**
     * Checks the configuration: each key's own rules, alias conflicts, cross-field rules (upsert or update without
     * a key, record_value without pk.fields, deletes without record_key, ...) and a live connection test. Each error
     * is attached to the key to change and says how.
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return JdbcSinkValidation.validate(connectorConfigs);
    }
}
