package io.sluice.connect.jdbc;

import io.sluice.connect.common.config.ConfigEnums;
import io.sluice.connect.common.config.ValidationResults;
import io.sluice.connect.common.errors.RetryPolicyConfig;
import io.sluice.connect.common.jdbc.JdbcConnectionConfig;
import io.sluice.connect.jdbc.dialect.DatabaseDialect;
import io.sluice.connect.jdbc.dialect.DatabaseDialects;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rules of {@link JdbcSinkConfig} that span several keys or need the database, each reported on the key to
 * change and naming the fix. {@link JdbcSinkConnector#validate} reports all of them; the config constructor enforces
 * the cross-field ones.
 */
final class JdbcSinkValidation {

    /**
     * An error attached to a key.
     *
     * @param key     the key to change
     * @param message what is wrong and how to fix it
     */
    record Issue(String key, String message) {
        @Override
        public String toString() {
            return key + ": " + message;
        }
    }

    private JdbcSinkValidation() {
    }

    /**
     * Validates a configuration for {@code Connector.validate()}: the {@code ConfigDef}'s own checks, alias
     * conflicts, cross-field rules, and a live connection test when the configuration is otherwise valid.
     *
     * @param props the user's configuration, aliases not yet applied
     * @return every key's value, errors attached to the key each concerns
     */
    static Config validate(Map<String, String> props) {
        List<ConfigValue> conflicts = JdbcSinkConfig.ALIASES.conflicts(props);
        Map<String, String> effective = new LinkedHashMap<>(props);
        effective.keySet().removeIf(name -> conflicts.stream().anyMatch(c -> c.name().equals(name))
                && JdbcSinkConfig.ALIASES.aliases().containsKey(name));
        effective = JdbcSinkConfig.ALIASES.apply(effective);
        Config result = new Config(JdbcSinkConfig.CONFIG_DEF.validate(effective));
        ValidationResults.addErrors(result, conflicts);
        RetryPolicyConfig.validate(effective, result);
        Map<String, Object> parsed = new HashMap<>();
        for (ConfigValue value : result.configValues()) {
            if (value.errorMessages().isEmpty()) {
                parsed.put(value.name(), value.value());
            }
        }
        crossField(parsed).forEach(issue -> ValidationResults.addError(result, issue.key(), issue.message()));
        if (!ValidationResults.hasErrors(result)) {
            connectionTest(effective).forEach(issue -> ValidationResults.addError(result, issue.key(),
                    issue.message()));
        }
        return result;
    }

    /**
     * @param parsed parsed values by key; a key whose value failed its own validation is absent
     * @return the cross-field rules that fail
     */
    static List<Issue> crossField(Map<String, ?> parsed) {
        List<Issue> issues = new ArrayList<>();
        String insertMode = string(parsed, JdbcSinkConfig.INSERT_MODE_CONFIG);
        String pkMode = string(parsed, JdbcSinkConfig.PK_MODE_CONFIG);
        String deleteMode = string(parsed, JdbcSinkConfig.DELETE_MODE_CONFIG);
        boolean noKey = is(pkMode, PkMode.NONE);
        if (noKey && insertMode != null && !is(insertMode, InsertMode.INSERT)) {
            issues.add(new Issue(JdbcSinkConfig.INSERT_MODE_CONFIG, "is '" + insertMode.trim() + "', which needs a "
                    + "key to find rows by, but pk.mode is none: set pk.mode to record_key, record_value or kafka "
                    + "(with pk.fields), or use insert.mode=insert"));
        }
        List<String> pkFields = list(parsed, JdbcSinkConfig.PK_FIELDS_CONFIG);
        if (is(pkMode, PkMode.RECORD_VALUE) && pkFields.isEmpty() && parsed.containsKey(JdbcSinkConfig.PK_FIELDS_CONFIG)) {
            issues.add(new Issue(JdbcSinkConfig.PK_FIELDS_CONFIG, "must name the value fields that form the key "
                    + "when pk.mode=record_value, e.g. pk.fields=id"));
        }
        if (is(pkMode, PkMode.KAFKA) && !pkFields.isEmpty() && pkFields.size() != 3) {
            issues.add(new Issue(JdbcSinkConfig.PK_FIELDS_CONFIG, "must name exactly three columns (topic, "
                    + "partition, offset) when pk.mode=kafka, or be empty for __connect_topic, __connect_partition, "
                    + "__connect_offset"));
        }
        if (noKey && !pkFields.isEmpty()) {
            issues.add(new Issue(JdbcSinkConfig.PK_FIELDS_CONFIG, "is set but pk.mode is none, so it would be "
                    + "ignored: choose a pk.mode, or remove pk.fields"));
        }
        if (deleteMode != null && !is(deleteMode, DeleteMode.NONE) && pkMode != null
                && !is(pkMode, PkMode.RECORD_KEY)) {
            issues.add(new Issue(JdbcSinkConfig.DELETE_MODE_CONFIG, "is '" + deleteMode.trim() + "', which finds "
                    + "the row by the tombstone's key, but pk.mode is '" + pkMode.trim() + "': set "
                    + "pk.mode=record_key, or delete.mode=none"));
        }
        if (parsed.containsKey(JdbcConnectionConfig.URL_CONFIG)) {
            String url = string(parsed, JdbcConnectionConfig.URL_CONFIG);
            String host = string(parsed, JdbcConnectionConfig.HOST_CONFIG);
            String database = string(parsed, JdbcConnectionConfig.DATABASE_CONFIG);
            if ((url == null || url.isBlank()) && (database == null || database.isBlank())) {
                issues.add(new Issue(JdbcConnectionConfig.URL_CONFIG, "must be set (e.g. "
                        + "jdbc:postgresql://db:5432/shop or jdbc:sqlite:/data/app.db), or give connection.host "
                        + "and connection.database ('host' and 'database'; a database alone is a SQLite file)"));
            } else if (url != null && !url.isBlank() && host != null && !host.isBlank()) {
                issues.add(new Issue(JdbcConnectionConfig.HOST_CONFIG, "is set together with connection.url, which "
                        + "already names the server: remove one of them"));
            }
        }
        return issues;
    }

    /** Opens a connection and checks upsert support, attaching a failure to the key that most likely causes it. */
    private static List<Issue> connectionTest(Map<String, String> props) {
        JdbcSinkConfig config;
        try {
            config = new JdbcSinkConfig(props);
        } catch (ConfigException e) {
            return List.of(new Issue(JdbcConnectionConfig.URL_CONFIG, e.getMessage()));
        }
        JdbcConnectionConfig connection = config.connection();
        DatabaseDialect dialect = DatabaseDialects.forUrl(connection.url());
        List<Issue> issues = new ArrayList<>();
        if (config.insertMode() == InsertMode.UPSERT && !dialect.supportsUpsert()) {
            issues.add(new Issue(JdbcSinkConfig.INSERT_MODE_CONFIG, "upsert is not supported for "
                    + connection.redactedUrl() + " (dialect " + dialect.name() + "): use a PostgreSQL, MariaDB, "
                    + "MySQL or SQLite URL, or insert.mode=insert or update"));
        }
        try (Connection c = dialect.open(connection, config.connectorName() + "-validate")) {
            c.isValid(10);
            issues.addAll(tableNames(props, config, dialect, c));
        } catch (SQLException e) {
            issues.add(new Issue(keyFor(e), "cannot connect to " + connection.redactedUrl() + ": " + e.getMessage()
                    + ". Check that the server runs and accepts connections from the worker, and the credentials"));
        }
        return issues;
    }

    /** The table names of the listed topics that exceed the database's limit (a topic regex cannot be checked). */
    private static List<Issue> tableNames(Map<String, String> props, JdbcSinkConfig config, DatabaseDialect dialect,
                                          Connection c) throws SQLException {
        List<Issue> issues = new ArrayList<>();
        String topics = props.getOrDefault("topics", "");
        for (String topic : topics.split(",")) {
            if (topic.isBlank()) {
                continue;
            }
            String problem = TableManager.tooLong(dialect, c, config.tableNameFormat().replace("${topic}",
                    topic.strip()));
            if (problem != null) {
                issues.add(new Issue(JdbcSinkConfig.TABLE_NAME_FORMAT_CONFIG, "for topic '" + topic.strip() + "': "
                        + problem));
            }
        }
        return issues;
    }

    private static String keyFor(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (e instanceof SQLInvalidAuthorizationSpecException || state.startsWith("28")) {
            return JdbcConnectionConfig.PASSWORD_CONFIG;
        }
        return JdbcConnectionConfig.URL_CONFIG;
    }

    private static boolean is(String value, Enum<?> constant) {
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals(ConfigEnums.name(constant));
    }

    private static String string(Map<String, ?> parsed, String key) {
        Object value = parsed.get(key);
        return value == null ? null : value.toString();
    }

    private static List<String> list(Map<String, ?> parsed, String key) {
        Object value = parsed.get(key);
        if (!(value instanceof List<?> values)) {
            return List.of();
        }
        return values.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
