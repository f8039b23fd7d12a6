package io.sluice.connect.postgres;

import io.sluice.connect.common.config.ConfigEnums;
import org.apache.kafka.common.config.ConfigException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static io.sluice.connect.postgres.PostgresSourceConfig.CURSOR_COLUMNS_CONFIG;
import static io.sluice.connect.postgres.PostgresSourceConfig.QUERY_CONFIG;
import static io.sluice.connect.postgres.PostgresSourceConfig.SCHEMA_INCLUDE_LIST_CONFIG;
import static io.sluice.connect.postgres.PostgresSourceConfig.SCHEMA_INCLUDE_LIST_DEFAULT;
import static io.sluice.connect.postgres.PostgresSourceConfig.SYNC_FROM_CONFIG;
import static io.sluice.connect.postgres.PostgresSourceConfig.SYNC_MODE_CONFIG;
import static io.sluice.connect.postgres.PostgresSourceConfig.SYNC_MODE_DEFAULT;
import static io.sluice.connect.postgres.PostgresSourceConfig.TABLE_EXCLUDE_LIST_CONFIG;
import static io.sluice.connect.postgres.PostgresSourceConfig.TABLE_FILTER_CONFIG;
import static io.sluice.connect.postgres.PostgresSourceConfig.TABLE_INCLUDE_LIST_CONFIG;

/**
 * The problems of the per-table keys ({@link TableOverrides}) that need no database, each attached to the name as
 * the configuration spells it (an alias's {@code sync_mode.public.orders} too): a name that looks like a per-table
 * key but is none, per-table keys next to a custom query, a key set under two names, a table the selection cannot
 * match, a mode that is none, a filter with a {@code ;}, an incremental table without cursor columns, and a
 * {@code sync.from.<schema>.<table>} of a table read by full refresh.
 */
final class TableOverrideIssues {

    private TableOverrideIssues() {
    }

    /**
     * @param props a configuration whose aliases are applied
     * @return each problem attached to the name to change
     */
    static List<PostgresSourceValidation.Issue> issues(Map<String, String> props) {
        List<PostgresSourceValidation.Issue> issues = new ArrayList<>();
        TableOverrides.unknown(props).forEach((name, key) -> issues.add(unknown(name, key)));
        List<TableOverrides.Setting> overrides = TableOverrides.find(props);
        boolean query = !value(props, QUERY_CONFIG, "").isEmpty();
        Map<String, TableOverrides.Setting> seen = new HashMap<>();
        for (TableOverrides.Setting o : overrides) {
            TableOverrides.Setting twin = seen.putIfAbsent(o.canonical(), o);
            if (query) {
                issues.add(issue(o, "per-table settings do not apply to a custom query, which is read with "
                        + o.key() + "; remove " + o.name()));
            } else if (twin != null) {
                String message = "is set both as '" + twin.name() + "' and as '" + o.name() + "'; keep only '"
                        + o.canonical() + "'";
                issues.add(issue(twin, message));
                issues.add(issue(o, message));
            } else if (!selectable(props, o.table())) {
                issues.add(issue(o, "names table '" + o.table() + "', which the selection never matches ("
                        + SCHEMA_INCLUDE_LIST_CONFIG + " " + TableOverrides.list(value(props,
                        SCHEMA_INCLUDE_LIST_CONFIG, SCHEMA_INCLUDE_LIST_DEFAULT)) + ", " + TABLE_INCLUDE_LIST_CONFIG
                        + " " + TableOverrides.list(value(props, TABLE_INCLUDE_LIST_CONFIG, "")) + ", "
                        + TABLE_EXCLUDE_LIST_CONFIG + " " + TableOverrides.list(value(props,
                        TABLE_EXCLUDE_LIST_CONFIG, "")) + "); after '" + o.key() + ".' comes a selected table's "
                        + "qualified name, e.g. " + o.key() + ".public.orders"));
            } else if (o.key().equals(SYNC_MODE_CONFIG) && mode(o.value()) == null) {
                issues.add(issue(o, "must be one of " + String.join(", ", ConfigEnums.names(SyncMode.class))
                        + ", was '" + o.value() + "'" + (o.value().isBlank() ? "; remove " + o.name()
                        + " for the table to take " + SYNC_MODE_CONFIG : "")));
            } else if (o.key().equals(TABLE_FILTER_CONFIG) && o.value().contains(";")) {
                issues.add(issue(o, "must be a single SQL expression without ';' (it is embedded in the "
                        + "connector's own SELECT); remove the ';'"));
            }
        }
        if (!query) {
            issues.addAll(resolved(props, overrides));
        }
        return issues;
    }

    private static PostgresSourceValidation.Issue unknown(String name, String key) {
        if (TableOverrides.PREFIXES.containsKey(name)) {
            return new PostgresSourceValidation.Issue(name, "names no table: after '" + name + "' comes a table's "
                    + "qualified name, e.g. " + name + "public.orders");
        }
        return new PostgresSourceValidation.Issue(name, "is not a key of this connector: " + key + " is one "
                + "setting for the whole connector, and only " + String.join(", ", TableOverrides.KEYS)
                + " can be set for one table (as <key>.<schema>.<table>); remove " + name);
    }

    /**
     * The rules on a table's resolved settings: a table made incremental, or given other cursor columns, by an
     * override that ends up without cursor columns (a table without overrides is covered by the connector-wide
     * rule), and a table's own {@code sync.from} when the table is read by full refresh.
     */
    private static List<PostgresSourceValidation.Issue> resolved(Map<String, String> props,
                                                                 List<TableOverrides.Setting> overrides) {
        Map<String, Map<String, TableOverrides.Setting>> byTable = new LinkedHashMap<>();
        for (TableOverrides.Setting o : overrides) {
            byTable.computeIfAbsent(o.table(), t -> new HashMap<>()).putIfAbsent(o.key(), o);
        }
        SyncMode defaultMode = mode(value(props, SYNC_MODE_CONFIG, SYNC_MODE_DEFAULT));
        String defaultCursor = value(props, CURSOR_COLUMNS_CONFIG, "");
        List<PostgresSourceValidation.Issue> issues = new ArrayList<>();
        Set<String> tables = new TreeSet<>(byTable.keySet());
        for (String table : tables) {
            TableOverrides.Setting mode = byTable.get(table).get(SYNC_MODE_CONFIG);
            TableOverrides.Setting cursor = byTable.get(table).get(CURSOR_COLUMNS_CONFIG);
            TableOverrides.Setting from = byTable.get(table).get(SYNC_FROM_CONFIG);
            SyncMode resolved = mode == null ? defaultMode : mode(mode.value());
            String modeName = mode == null ? SYNC_MODE_CONFIG : mode.name();
            if (resolved == SyncMode.INCREMENTAL && cursor != null && TableOverrides.list(cursor.value()).isEmpty()) {
                issues.add(issue(cursor, "is empty, and table " + table + " is read incrementally (" + modeName
                        + "), which needs cursor columns: name them, e.g. updated_at" + (defaultCursor.isEmpty()
                        ? " (" + CURSOR_COLUMNS_CONFIG + " is empty too)" : ", or remove " + cursor.name()
                        + " for the table to take " + CURSOR_COLUMNS_CONFIG + " (" + defaultCursor + ")")));
            } else if (resolved == SyncMode.INCREMENTAL && cursor == null && mode != null
                    && defaultCursor.isEmpty()) {
                issues.add(issue(mode, "table " + table + " is read incrementally (" + modeName + ") and needs "
                        + "cursor columns: set " + CURSOR_COLUMNS_CONFIG + "." + table + " (or "
                        + CURSOR_COLUMNS_CONFIG + "), e.g. updated_at"));
            }
            if (resolved == SyncMode.FULL_REFRESH && from != null && !from.value().isBlank()) {
                issues.add(issue(from, "applies to incremental tables only, and table " + table + " is read by "
                        + "full refresh (" + modeName + "); remove " + from.name() + ", or set " + SYNC_MODE_CONFIG
                        + "." + table + "=incremental"));
            }
        }
        return issues;
    }

    private static PostgresSourceValidation.Issue issue(TableOverrides.Setting o, String message) {
        return new PostgresSourceValidation.Issue(o.name(), message);
    }

    /**
     * Whether {@code table} can be discovered at all: in one of the schemas, matched by the include list, not by
     * the exclude list. Patterns that do not compile are the ConfigDef's to report.
     */
    private static boolean selectable(Map<String, String> props, String table) {
        List<String> schemas = TableOverrides.list(value(props, SCHEMA_INCLUDE_LIST_CONFIG,
                SCHEMA_INCLUDE_LIST_DEFAULT));
        if (schemas.stream().noneMatch(s -> table.startsWith(s + "."))) {
            return false;
        }
        try {
            return Catalog.selected(table, patterns(value(props, TABLE_INCLUDE_LIST_CONFIG, "")),
                    patterns(value(props, TABLE_EXCLUDE_LIST_CONFIG, "")));
        } catch (PatternSyntaxException e) {
            return true;
        }
    }

    private static List<Pattern> patterns(String value) {
        return TableOverrides.list(value).stream().map(Pattern::compile).toList();
    }

    /** @return the mode {@code value} names, or null when it names none */
    static SyncMode mode(String value) {
        try {
            return ConfigEnums.parse(SyncMode.class, SYNC_MODE_CONFIG, value);
        } catch (ConfigException e) {
            return null;
        }
    }

    private static String value(Map<String, String> props, String key, String otherwise) {
        String value = props.get(key);
        return value == null ? otherwise : value.trim();
    }
}
