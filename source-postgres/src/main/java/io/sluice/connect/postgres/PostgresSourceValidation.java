package io.sluice.connect.postgres;

import io.sluice.connect.common.config.ValidationResults;
import io.sluice.connect.common.errors.BadRecordConfig;
import io.sluice.connect.common.errors.RetryPolicyConfig;
import io.sluice.connect.common.jdbc.JdbcConnectionConfig;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code validate()}: each key's own rules, alias conflicts, the cross-field rules, then a live check against the
 * database. Each error is attached to the key the user has to change.
 */
final class PostgresSourceValidation {

    /**
     * A cross-field problem.
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

    private PostgresSourceValidation() {
    }

    /** @return the problems of a configuration whose aliases are applied, ignoring values that do not parse */
    static List<Issue> crossField(Map<String, String> props) {
        List<Issue> issues = new ArrayList<>();
        boolean incremental = TableOverrideIssues.mode(value(props, PostgresSourceConfig.SYNC_MODE_CONFIG))
                == SyncMode.INCREMENTAL;
        boolean query = !value(props, PostgresSourceConfig.QUERY_CONFIG).isEmpty();
        if (incremental && value(props, PostgresSourceConfig.CURSOR_COLUMNS_CONFIG).isEmpty()) {
            issues.add(new Issue(PostgresSourceConfig.CURSOR_COLUMNS_CONFIG, "must name the cursor column(s) when "
                    + PostgresSourceConfig.SYNC_MODE_CONFIG + " is incremental, e.g. updated_at"));
        }
        List<TableOverrides.Setting> overrides = TableOverrides.find(props);
        boolean anyIncremental = incremental || overrides.stream().anyMatch(o -> o.key().equals(
                PostgresSourceConfig.SYNC_MODE_CONFIG) && TableOverrideIssues.mode(o.value()) == SyncMode.INCREMENTAL);
        if (!anyIncremental && !value(props, PostgresSourceConfig.SYNC_FROM_CONFIG).isEmpty()) {
            issues.add(new Issue(PostgresSourceConfig.SYNC_FROM_CONFIG, "applies to incremental tables only, and "
                    + "no table is read incrementally; remove it or set sync.mode (or a table's "
                    + "sync.mode.<schema>.<table>) to incremental"));
        }
        if (query && value(props, PostgresSourceConfig.PRIMARY_KEY_CONFIG).isEmpty()) {
            issues.add(new Issue(PostgresSourceConfig.PRIMARY_KEY_CONFIG, "must name the column(s) that identify a "
                    + "row of the custom query (its result has no primary key)"));
        }
        if (query && (!value(props, PostgresSourceConfig.TABLE_INCLUDE_LIST_CONFIG).isEmpty()
                || !value(props, PostgresSourceConfig.TABLE_EXCLUDE_LIST_CONFIG).isEmpty())) {
            issues.add(new Issue(PostgresSourceConfig.QUERY_CONFIG, "cannot be combined with table.include.list or "
                    + "table.exclude.list; use one connector per query"));
        }
        for (String key : List.of(PostgresSourceConfig.TABLE_FILTER_CONFIG, PostgresSourceConfig.QUERY_CONFIG)) {
            if (value(props, key).contains(";")) {
                issues.add(new Issue(key, "must be a single SQL expression or query without ';' (it is embedded "
                        + "in the connector's own SELECT); remove the ';'"));
            }
        }
        issues.addAll(TableOverrideIssues.issues(props));
        return issues;
    }

    private static String value(Map<String, String> props, String key) {
        String value = props.get(key);
        return value == null ? "" : value.trim();
    }

    /** The whole of {@code Connector.validate()}. */
    static Config validate(Map<String, String> props) {
        List<ConfigValue> conflicts = PostgresSourceConfig.ALIASES.conflicts(props);
        if (!conflicts.isEmpty()) {
            Config result = new Config(new ArrayList<>(PostgresSourceConfig.CONFIG_DEF.validate(props)));
            ValidationResults.addErrors(result, conflicts);
            return result;
        }
        Map<String, String> effective = PostgresSourceConfig.ALIASES.apply(props);
        Config result = new Config(new ArrayList<>(PostgresSourceConfig.CONFIG_DEF.validate(effective)));
        crossField(effective).forEach(i -> ValidationResults.addError(result, i.key(), i.message()));
        BadRecordConfig.validate(effective, result);
        RetryPolicyConfig.validate(effective, result);
        if (ValidationResults.hasErrors(result)) {
            return result;
        }
        PostgresSourceConfig config;
        try {
            config = new PostgresSourceConfig(effective);
        } catch (ConfigException e) {
            ValidationResults.addError(result, JdbcConnectionConfig.URL_CONFIG, e.getMessage());
            return result;
        }
        checkDatabase(config, result);
        return result;
    }

    private static void checkDatabase(PostgresSourceConfig config, Config result) {
        try (Connection connection = Catalog.open(config, "validate")) {
            if (Catalog.inRecovery(connection)) {
                ValidationResults.addError(result, JdbcConnectionConfig.URL_CONFIG, Catalog.standbyMessage(config));
                return;
            }
            List<Split> splits = Catalog.discover(connection, config);
            if (splits.isEmpty()) {
                ValidationResults.addError(result, PostgresSourceConfig.TABLE_INCLUDE_LIST_CONFIG, "no table of "
                        + "schemas " + config.schemas() + " matches; check schema.include.list, table.include.list "
                        + "and table.exclude.list, and that the tables exist");
            }
            checkTableNames(config, splits, result);
            for (Split split : splits) {
                checkSplit(connection, config, split, result);
            }
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            String key = state.startsWith("28")
                    ? JdbcConnectionConfig.PASSWORD_CONFIG : JdbcConnectionConfig.URL_CONFIG;
            ValidationResults.addError(result, key, "cannot connect to " + config.connection().redactedUrl() + " as "
                    + config.connection().user() + ": " + e.getMessage() + (state.startsWith("28")
                    ? ". Check connection.user and connection.password" : ". Check the host, port and database"));
        }
    }

    private static void checkSplit(Connection connection, PostgresSourceConfig config, Split split, Config result)
            throws SQLException {
        if (!Catalog.canSelect(connection, split)) {
            ValidationResults.addError(result, PostgresSourceConfig.TABLE_INCLUDE_LIST_CONFIG, "user "
                    + config.connection().user() + " may not SELECT from " + split + "; GRANT SELECT ON "
                    + split.relation() + " TO " + config.connection().user() + ", or exclude the table");
            return;
        }
        SplitShape shape;
        try {
            shape = SplitShape.load(connection, split, config);
        } catch (SplitShape.SettingException e) {
            ValidationResults.addError(result, e.key(), e.getMessage());
            return;
        } catch (SQLException e) {
            ValidationResults.addError(result, split.isQuery() ? PostgresSourceConfig.QUERY_CONFIG
                    : PostgresSourceConfig.TABLE_INCLUDE_LIST_CONFIG, split + " cannot be read: " + e.getMessage());
            return;
        }
        TableSettings settings = config.settings(split);
        checkSyncFrom(connection, settings, shape, result);
        tryPage(connection, settings, shape, result);
    }

    /**
     * A per-table key naming a table that is not there while a table whose name differs only in case is: the name
     * after the key's dot is case-sensitive, as PostgreSQL's quoted names are.
     */
    private static void checkTableNames(PostgresSourceConfig config, List<Split> splits, Config result) {
        for (String table : config.tablesWithSettings()) {
            if (splits.stream().anyMatch(s -> s.name().equals(table))) {
                continue;
            }
            splits.stream().filter(s -> s.name().equalsIgnoreCase(table)).findFirst().ifPresent(s ->
                    config.settings(table).names().forEach((key, name) -> ValidationResults.addError(result, name,
                            "names table '" + table + "', which does not exist; did you mean '" + s.name()
                            + "'? Table names are case-sensitive: set " + key + "." + s.name() + " instead")));
        }
    }

    /**
     * An incremental table's first read is bounded by {@code sync.from} cast to its first cursor column's type, so
     * the value must be one of that type: a value shared by every table may fit one cursor and not another.
     */
    private static void checkSyncFrom(Connection connection, TableSettings settings, SplitShape shape,
                                      Config result) throws SQLException {
        if (!settings.incremental() || settings.syncFrom().isEmpty()) {
            return;
        }
        String type = shape.orderTypes().get(0);
        try (PreparedStatement statement = connection.prepareStatement("SELECT CAST(? AS " + type + ")")) {
            statement.setObject(1, settings.syncFrom(), Types.OTHER);
            statement.executeQuery().close();
        } catch (SQLException e) {
            String key = settings.keyOf(PostgresSourceConfig.SYNC_FROM_CONFIG);
            String fix = settings.table() == null || settings.sets(PostgresSourceConfig.SYNC_FROM_CONFIG)
                    ? "Set " + key : "Set " + settings.ownKey(PostgresSourceConfig.SYNC_FROM_CONFIG) + " for this "
                    + "table (" + key + " applies to every incremental table)";
            ValidationResults.addError(result, key, "'" + settings.syncFrom() + "' is no value of type " + type
                    + " of cursor column " + shape.cursor().get(0) + " of " + shape.split() + ": " + e.getMessage()
                    + ". " + fix + " to a value of that type in PostgreSQL's text form, or leave it empty to read "
                    + "from the first row");
        } finally {
            Catalog.endTransaction(connection);
        }
    }

    /**
     * Runs the split's page query for no rows: it fails when the filter is not valid SQL or a cursor or key column's
     * type has no ordering (json, point, ...), which the error is attached to.
     */
    private static void tryPage(Connection connection, TableSettings settings, SplitShape shape, Config result)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(shape.page(List.of(), true))) {
            statement.setInt(1, 0);
            statement.executeQuery().close();
        } catch (SQLException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            String cause = shape.split() + " cannot be read in order of " + shape.order()
                    + (shape.filter().isEmpty() ? "" : " with the filter '" + shape.filter() + "'") + ": " + message;
            if (message.contains("ordering operator")) {
                String column = unorderable(connection, shape);
                String base = column != null && !shape.cursor().contains(column)
                        ? PostgresSourceConfig.PRIMARY_KEY_CONFIG : PostgresSourceConfig.CURSOR_COLUMNS_CONFIG;
                ValidationResults.addError(result, settings.keyOf(base), cause + ". Name columns whose type can be "
                        + "ordered in " + fix(settings, base));
            } else if (!shape.filter().isEmpty()) {
                ValidationResults.addError(result, settings.keyOf(PostgresSourceConfig.TABLE_FILTER_CONFIG), cause
                        + ". Fix " + fix(settings, PostgresSourceConfig.TABLE_FILTER_CONFIG));
            } else {
                ValidationResults.addError(result, shape.split().isQuery() ? PostgresSourceConfig.QUERY_CONFIG
                        : PostgresSourceConfig.TABLE_INCLUDE_LIST_CONFIG, cause);
            }
        } finally {
            Catalog.endTransaction(connection);
        }
    }

    /** @return the key that gave the table its value of {@code base}, and for an inherited one the table's own key */
    static String fix(TableSettings settings, String base) {
        String key = settings.keyOf(base);
        return settings.table() == null || settings.sets(base) ? key
                : key + ", or set " + settings.ownKey(base) + " for this table only";
    }

    /** @return the first cursor or key column whose type has no ordering, or null when each has one */
    private static String unorderable(Connection connection, SplitShape shape) throws SQLException {
        for (String column : shape.physical() ? shape.cursor() : shape.order()) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM " + shape.split().relation()
                    + " ORDER BY " + Sql.quote(column) + " LIMIT 0")) {
                statement.executeQuery().close();
            } catch (SQLException e) {
                if (e.getMessage() != null && e.getMessage().contains("ordering operator")) {
                    return column;
                }
            } finally {
                Catalog.endTransaction(connection);
            }
        }
        return null;
    }
}
