package io.sluice.connect.postgres.it;

import io.sluice.testkit.ConnectClusterBuilder;
import io.sluice.testkit.ConnectClusterFixture;
import io.sluice.testkit.PostgresFixture;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The PostgreSQL source as a user drives it over the Connect REST API: configurations with the documented keys as
 * plain strings (the connector's classes are not on the test classpath: the worker loads them from the plugin ZIP).
 */
public final class PgConnector {

    /** The connector class as a user names it. */
    public static final String CLASS = "io.sluice.connect.postgres.PostgresSourceConnector";

    private PgConnector() {
    }

    /** A cluster whose workers find the connector through the ZIP's ServiceLoader manifests. */
    public static ConnectClusterBuilder clusterBuilder() {
        return ConnectClusterFixture.builder().workerProp("plugin.discovery", "service_load");
    }

    /**
     * One task syncing the tables of {@code schema} into topics {@code <topicPrefix><schema>.<table>}, polling every
     * 200 ms, with the connection given as a URL.
     */
    public static Map<String, String> config(String schema, String topicPrefix) {
        PostgresFixture db = PostgresFixture.get();
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", CLASS);
        config.put("tasks.max", "1");
        config.put("connection.url", db.jdbcUrl());
        config.put("connection.user", db.user());
        if (!db.password().isEmpty()) {
            config.put("connection.password", db.password());
        }
        config.put("schema.include.list", schema);
        config.put("topic.prefix", topicPrefix);
        config.put("poll.interval.ms", "200");
        config.put("table.discovery.interval.ms", "1000");
        return config;
    }

    /** Incremental sync on {@code cursor}. */
    public static Map<String, String> incremental(Map<String, String> config, String cursor) {
        Map<String, String> result = new HashMap<>(config);
        result.put("sync.mode", "incremental");
        result.put("cursor.columns", cursor);
        return result;
    }

    /** A timeout scaled for the shared CI machine. */
    public static Duration timeout() {
        return Duration.ofSeconds(90);
    }
}
