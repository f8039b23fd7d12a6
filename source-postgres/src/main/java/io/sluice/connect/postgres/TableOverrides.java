package io.sluice.connect.postgres;

import io.sluice.connect.common.config.ConfigEnums;
import org.apache.kafka.common.config.ConfigException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.sluice.connect.postgres.PostgresSourceConfig.CURSOR_COLUMNS_CONFIG;
import static io.sluice.connect.postgres.PostgresSourceConfig.PRIMARY_KEY_CONFIG;
import static io.sluice.connect.postgres.PostgresSourceConfig.SYNC_FROM_CONFIG;
import static io.sluice.connect.postgres.PostgresSourceConfig.SYNC_MODE_CONFIG;
import static io.sluice.connect.postgres.PostgresSourceConfig.TABLE_FILTER_CONFIG;

/**
 * A table's own settings: {@code sync.mode.<schema>.<table>}, {@code cursor.columns.<schema>.<table>},
 * {@code primary.key.<schema>.<table>}, {@code table.filter.<schema>.<table>} and {@code sync.from.<schema>.<table>}
 * (also under the aliases' names, {@code sync_mode.}, {@code cursor_field.}, {@code primary_key.},
 * {@code sync_from.}). The key's name and its dot are the prefix; everything after it is the table's qualified name
 * as the selection matches it, however many dots it holds. They are not in the {@code ConfigDef}, whose keys are
 * fixed: they are read from the configuration as given, once, and each table resolves to its {@link TableSettings}:
 * its own value where it sets one, the connector's value otherwise. Problems are found by
 * {@link TableOverrideIssues}.
 *
 * <p>Example: {@code sync.mode=full_refresh}, {@code sync.mode.public.orders=incremental} and
 * {@code cursor.columns.public.orders=updated_at} read {@code public.orders} incrementally by {@code updated_at} and
 * every other table by full refresh.
 */
final class TableOverrides {

    /** The keys a table may set for itself. */
    static final List<String> KEYS = List.of(SYNC_MODE_CONFIG, CURSOR_COLUMNS_CONFIG, PRIMARY_KEY_CONFIG,
            TABLE_FILTER_CONFIG, SYNC_FROM_CONFIG);

    /** Each name a per-table key starts with ({@code sync.mode.}, {@code sync_mode.}, ...), to the key it sets. */
    static final Map<String, String> PREFIXES = prefixes();

    /**
     * One table's value of one key, as configured.
     *
     * @param table the table's {@code schema.table} name
     * @param key   the key it overrides, one of {@link #KEYS}
     * @param name  the name it is set under: {@code <key>.<table>} or an alias's {@code <alias>.<table>}
     * @param value the value as given
     */
    record Setting(String table, String key, String name, String value) {

        /** @return {@code <key>.<table>}: the name the key has without aliases */
        String canonical() {
            return key + "." + table;
        }
    }

    private final TableSettings defaults;
    private final Map<String, TableSettings> byTable;

    /**
     * @param defaults the connector's values
     * @param props    the configuration as given
     * @throws ConfigException when an override's mode is no mode ({@link TableOverrideIssues} reports it first in
     *                         validation)
     */
    TableOverrides(TableSettings defaults, Map<String, String> props) {
        this.defaults = defaults;
        Map<String, TableSettings> settings = new LinkedHashMap<>();
        for (Setting o : find(props)) {
            TableSettings s = settings.getOrDefault(o.table(), defaults);
            Map<String, String> names = new HashMap<>(s.names());
            names.put(o.key(), o.name());
            settings.put(o.table(), switch (o.key()) {
                case SYNC_MODE_CONFIG -> new TableSettings(o.table(), ConfigEnums.parse(SyncMode.class, o.name(),
                        o.value()), s.cursorColumns(), s.primaryKey(), s.filter(), s.syncFrom(), names);
                case CURSOR_COLUMNS_CONFIG -> new TableSettings(o.table(), s.mode(), list(o.value()), s.primaryKey(),
                        s.filter(), s.syncFrom(), names);
                case PRIMARY_KEY_CONFIG -> new TableSettings(o.table(), s.mode(), s.cursorColumns(), list(o.value()),
                        s.filter(), s.syncFrom(), names);
                case TABLE_FILTER_CONFIG -> new TableSettings(o.table(), s.mode(), s.cursorColumns(), s.primaryKey(),
                        o.value().trim(), s.syncFrom(), names);
                case SYNC_FROM_CONFIG -> new TableSettings(o.table(), s.mode(), s.cursorColumns(), s.primaryKey(),
                        s.filter(), o.value().trim(), names);
                default -> throw new IllegalStateException("No per-table key " + o.key());
            });
        }
        this.byTable = Map.copyOf(settings);
    }

    /** @return the settings of table {@code name} ({@code schema.table}): the connector's where it sets none */
    TableSettings settings(String name) {
        TableSettings own = byTable.get(name);
        return own != null ? own : defaults.of(name);
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
            String name = entry.getKey();
            for (Map.Entry<String, String> prefix : PREFIXES.entrySet()) {
                if (name.startsWith(prefix.getKey()) && name.length() > prefix.getKey().length()) {
                    String value = entry.getValue() == null ? "" : entry.getValue();
                    result.add(new Setting(name.substring(prefix.getKey().length()), prefix.getValue(), name, value));
                    break;
                }
            }
        }
        result.sort(Comparator.comparing(Setting::table).thenComparing(o -> KEYS.indexOf(o.key()))
                .thenComparing(Setting::name));
        return result;
    }

    /**
     * Names that look like a per-table key but are none: a key of the {@code ConfigDef} (or a per-table key's alias)
     * followed by a dot and anything, which is not a per-table key with a table name, e.g. {@code table.columns.x},
     * {@code batch.size.public.orders} or {@code sync.mode.}. Such a name would otherwise be ignored without a word.
     *
     * @param props a configuration whose aliases are applied
     * @return each such name, sorted, with the key it starts with
     */
    static Map<String, String> unknown(Map<String, String> props) {
        Set<String> defined = Stream.concat(PostgresSourceConfig.CONFIG_DEF.names().stream(),
                KEYS.stream().flatMap(k -> PostgresSourceConfig.ALIASES.aliasesOf(k).stream()))
                .collect(Collectors.toSet());
        Map<String, String> result = new TreeMap<>();
        for (String name : props.keySet()) {
            if (defined.contains(name) || PREFIXES.keySet().stream()
                    .anyMatch(p -> name.startsWith(p) && name.length() > p.length())) {
                continue;
            }
            defined.stream().filter(key -> name.startsWith(key + "."))
                    .max(Comparator.comparingInt(String::length)).ifPresent(key -> result.put(name, key));
        }
        return result;
    }

    private static Map<String, String> prefixes() {
        Map<String, String> result = new LinkedHashMap<>();
        for (String key : KEYS) {
            result.put(key + ".", key);
            PostgresSourceConfig.ALIASES.aliasesOf(key).forEach(alias -> result.put(alias + ".", key));
        }
        return Collections.unmodifiableMap(result);
    }

    /** @return a comma-separated value as its trimmed, non-empty items, as a ConfigDef list is parsed */
    static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
