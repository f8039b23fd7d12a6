package io.sluice.connect.postgres;

import io.sluice.connect.common.config.ConfigEnums;
import org.apache.kafka.common.config.ConfigException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static io.sluice.connect.postgres.PostgresSourceConfig.CURSOR_COLUMNS_CONFIG;
import static io.sluice.connect.postgres.PostgresSourceConfig.PRIMARY_KEY_CONFIG;
import static io.sluice.connect.postgres.PostgresSourceConfig.QUERY_CONFIG;
import static io.sluice.connect.postgres.PostgresSourceConfig.SCHEMA_INCLUDE_LIST_CONFIG;
import static io.sluice.connect.postgres.PostgresSourceConfig.SCHEMA_INCLUDE_LIST_DEFAULT;
import static io.sluice.connect.postgres.PostgresSourceConfig.SYNC_MODE_CONFIG;
import static io.sluice.connect.postgres.PostgresSourceConfig.SYNC_MODE_DEFAULT;
import static io.sluice.connect.postgres.PostgresSourceConfig.TABLE_EXCLUDE_LIST_CONFIG;
import static io.sluice.connect.postgres.PostgresSourceConfig.TABLE_FILTER_CONFIG;
import static io.sluice.connect.postgres.PostgresSourceConfig.TABLE_INCLUDE_LIST_CONFIG;

/**
 * A table's own settings: {@code sync.mode.<schema>.<table>}, {@code cursor.columns.<schema>.<table>},
 * {@code primary.key.<schema>.<table>} and {@code table.filter.<schema>.<table>} (also under the aliases'
 * names, {@code sync_mode.}, {@code cursor_field.}, {@code primary_key.}). The key's name and its dot are the prefix;
 * everything after it is the table's qualified name as the selection matches it, however many dots it holds. They
 * are not in the {@code ConfigDef}, whose keys are fixed: they are read from the configuration as given, once, and
 * each table resolves to its {@link TableSettings}: its own value where it sets one, the connector's value
 * otherwise.
 *
 * <p>Example: {@code sync.mode=full_refresh}, {@code sync.mode.public.orders=incremental} and
 * {@code cursor.columns.public.orders=updated_at} read {@code public.orders} incrementally by {@code updated_at} and
 * every other table by full refresh.
 */
final class TableOverrides {

    /** The keys a table may set for itself. */
    static final List<String> KEYS = List.of(SYNC_MODE_CONFIG, CURSOR_COLUMNS_CONFIG, PRIMARY_KEY_CONFIG,
            TABLE_FILTER_CONFIG);

    /**
     * One table's value of one key, as configured.
     *
     * @param table the table's {@code schema.table} name
     * @param key   the key it overrides, one of {@link #KEYS}
     * @param name  the name it is set under: {@code <key>.<table>} or an alias's {@code <alias>.<table>}
     * @param value the value as given
     */
    record Setting(String table, String key, String name, String value) {

        /** @return the name an error is attached to: {@code <key>.<table>}, as for aliases of ordinary keys */
        String canonical() {
            return key + "." + table;
        }
    }

    private final TableSettings defaults;
    private final Map<String, TableSettings> byTable;

    /**
     * @param defaults the connector's values
     * @param props    the configuration as given
     * @throws ConfigException when an override's mode is no mode ({@link #issues} reports it first in validation)
     */
    TableOverrides(TableSettings defaults, Map<String, String> props) {
        this.defaults = defaults;
        Map<String, TableSettings> settings = new LinkedHashMap<>();
        for (Setting o : find(props)) {
            TableSettings s = settings.getOrDefault(o.table(), defaults);
            Set<String> overridden = new HashSet<>(s.overridden());
            overridden.add(o.key());
            settings.put(o.table(), switch (o.key()) {
                case SYNC_MODE_CONFIG -> new TableSettings(o.table(), ConfigEnums.parse(SyncMode.class,
                        o.canonical(), o.value()), s.cursorColumns(), s.primaryKey(), s.filter(), overridden);
                case CURSOR_COLUMNS_CONFIG -> new TableSettings(o.table(), s.mode(), list(o.value()), s.primaryKey(),
                        s.filter(), overridden);
                case PRIMARY_KEY_CONFIG -> new TableSettings(o.table(), s.mode(), s.cursorColumns(), list(o.value()),
                        s.filter(), overridden);
                default -> new TableSettings(o.table(), s.mode(), s.cursorColumns(), s.primaryKey(),
                        o.value().trim(), overridden);
            });
        }
        this.byTable = Map.copyOf(settings);
    }

    /** @return the settings of table {@code name} ({@code schema.table}) */
    TableSettings settings(String name) {
        return byTable.getOrDefault(name, defaults);
    }

    /** @return the names of the tables that set something themselves, sorted */
    List<String> tables() {
        return byTable.keySet().stream().sorted().toList();
    }

    /**
     * @param props a configuration whose aliases are applied
     * @return every override in {@code props}, sorted by table and then in the order of {@link #KEYS}
     */
    static List<Setting> find(Map<String, String> props) {
        List<Setting> result = new ArrayList<>();
        for (Map.Entry<String, String> entry : props.entrySet()) {
            for (String key : KEYS) {
                List<String> names = new ArrayList<>(PostgresSourceConfig.ALIASES.aliasesOf(key));
                names.add(0, key);
                for (String name : names) {
                    String prefix = name + ".";
                    if (entry.getKey().startsWith(prefix) && entry.getKey().length() > prefix.length()) {
                        String value = entry.getValue() == null ? "" : entry.getValue();
                        result.add(new Setting(entry.getKey().substring(prefix.length()), key, entry.getKey(),
                                value));
                    }
                }
            }
        }
        result.sort(Comparator.comparing(Setting::table).thenComparing(o -> KEYS.indexOf(o.key()))
                .thenComparing(Setting::name));
        return result;
    }

    /**
     * The problems of the overrides that need no database: a custom query (which is one split, read with the
     * connector's values), a key set under two names, a table the selection cannot match, a mode that is none, an
     * incremental table without cursor columns, and a filter with a {@code ;}.
     *
     * @param props a configuration whose aliases are applied
     * @return each problem attached to the override to change
     */
    static List<PostgresSourceValidation.Issue> issues(Map<String, String> props) {
        List<PostgresSourceValidation.Issue> issues = new ArrayList<>();
        List<Setting> overrides = find(props);
        boolean query = !value(props, QUERY_CONFIG, "").isEmpty();
        Map<String, Setting> seen = new HashMap<>();
        for (Setting o : overrides) {
            Setting twin = seen.putIfAbsent(o.canonical(), o);
            if (query) {
                issues.add(issue(o, "per-table settings do not apply to a custom query, which is read with "
                        + o.key() + "; remove " + o.name()));
            } else if (twin != null) {
                issues.add(issue(o, "is set both as '" + twin.name() + "' and as '" + o.name() + "'; keep only '"
                        + o.canonical() + "'"));
            } else if (!selectable(props, o.table())) {
                issues.add(issue(o, "names table '" + o.table() + "', which the selection never matches ("
                        + SCHEMA_INCLUDE_LIST_CONFIG + " " + list(value(props, SCHEMA_INCLUDE_LIST_CONFIG,
                        SCHEMA_INCLUDE_LIST_DEFAULT)) + ", " + TABLE_INCLUDE_LIST_CONFIG + " "
                        + list(value(props, TABLE_INCLUDE_LIST_CONFIG, "")) + ", " + TABLE_EXCLUDE_LIST_CONFIG + " "
                        + list(value(props, TABLE_EXCLUDE_LIST_CONFIG, "")) + "); after '" + o.key() + ".' comes "
                        + "a selected table's qualified name, e.g. " + o.key() + ".public.orders"));
            } else if (o.key().equals(SYNC_MODE_CONFIG) && mode(o.value()) == null) {
                issues.add(issue(o, "must be one of " + String.join(", ", ConfigEnums.names(SyncMode.class))
                        + ", was '" + o.value() + "'"));
            } else if (o.key().equals(TABLE_FILTER_CONFIG) && o.value().contains(";")) {
                issues.add(issue(o, "must be a single SQL expression without ';' (it is embedded in the "
                        + "connector's own SELECT); remove the ';'"));
            }
        }
        if (!query) {
            issues.addAll(missingCursors(props, overrides));
        }
        return issues;
    }

    /**
     * A table made incremental, or given other cursor columns, by an override that ends up without cursor
     * columns; a table without overrides is covered by the connector-wide rule.
     */
    private static List<PostgresSourceValidation.Issue> missingCursors(Map<String, String> props,
                                                                       List<Setting> overrides) {
        Map<String, Setting> modes = new LinkedHashMap<>();
        Map<String, Setting> cursors = new LinkedHashMap<>();
        for (Setting o : overrides) {
            if (o.key().equals(SYNC_MODE_CONFIG)) {
                modes.putIfAbsent(o.table(), o);
            } else if (o.key().equals(CURSOR_COLUMNS_CONFIG)) {
                cursors.putIfAbsent(o.table(), o);
            }
        }
        SyncMode defaultMode = mode(value(props, SYNC_MODE_CONFIG, SYNC_MODE_DEFAULT));
        String defaultCursor = value(props, CURSOR_COLUMNS_CONFIG, "");
        List<PostgresSourceValidation.Issue> issues = new ArrayList<>();
        Set<String> tables = new TreeSet<>(modes.keySet());
        tables.addAll(cursors.keySet());
        for (String table : tables) {
            Setting mode = modes.get(table);
            Setting cursor = cursors.get(table);
            SyncMode resolved = mode == null ? defaultMode : mode(mode.value());
            if (resolved == SyncMode.INCREMENTAL && list(cursor == null ? defaultCursor : cursor.value()).isEmpty()) {
                Setting at = cursor != null ? cursor : mode;
                issues.add(issue(at, "table " + table + " is read incrementally"
                        + (mode == null ? " (" + SYNC_MODE_CONFIG + ")" : " (" + mode.name() + ")")
                        + " and needs cursor columns: set " + CURSOR_COLUMNS_CONFIG + "." + table
                        + " (or " + CURSOR_COLUMNS_CONFIG + "), e.g. updated_at"));
            }
        }
        return issues;
    }

    private static PostgresSourceValidation.Issue issue(Setting o, String message) {
        return new PostgresSourceValidation.Issue(o.canonical(), message);
    }

    /**
     * Whether {@code table} can be discovered at all: in one of the schemas, matched by the include list, not by
     * the exclude list. Patterns that do not compile are the ConfigDef's to report.
     */
    private static boolean selectable(Map<String, String> props, String table) {
        List<String> schemas = list(value(props, SCHEMA_INCLUDE_LIST_CONFIG, SCHEMA_INCLUDE_LIST_DEFAULT));
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
        return list(value).stream().map(Pattern::compile).toList();
    }

    private static SyncMode mode(String value) {
        try {
            return ConfigEnums.parse(SyncMode.class, SYNC_MODE_CONFIG, value);
        } catch (ConfigException e) {
            return null;
        }
    }

    /** @return a comma-separated value as its trimmed, non-empty items, as a ConfigDef list is parsed */
    static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String value(Map<String, String> props, String key, String otherwise) {
        String value = props.get(key);
        return value == null ? otherwise : value.trim();
    }
}
