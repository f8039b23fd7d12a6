package io.sluice.connect.common.config;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Generates the Markdown configuration reference that ships in each connector ZIP's {@code doc/}.
 *
 * <p>Each connector config class has a {@code main} that calls {@link #write}, and the build runs it:
 * <pre>{@code
 * public static void main(String[] args) {
 *     ConfigDocs.write("CSV source connector configuration", CONFIG_DEF, ALIASES, args);
 * }
 * }</pre>
 */
public final class ConfigDocs {

    private static final String[] COLUMNS = {
        "Key", "Alias", "Type", "Default", "Valid values", "Importance", "Group", "Description"};

    private ConfigDocs() {
    }

    /**
     * Renders every non-internal key of {@code def} as one Markdown table, ordered by group (keys without a group
     * first, then groups in the order they were defined) and by the order within each group, as Connect does.
     *
     * @param title   the document title
     * @param def     the connector's definition
     * @param aliases the seed names accepted in place of keys
     * @return the Markdown text, ending with a newline
     */
    public static String markdown(String title, ConfigDef def, Aliases aliases) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(title).append("\n\n");
        if (!aliases.aliases().isEmpty()) {
            out.append("A key's alias may be set instead of the key; setting both is a configuration error.\n\n");
        }
        out.append(row(List.of(COLUMNS)));
        out.append(row(List.of(COLUMNS).stream().map(c -> "---").collect(Collectors.toList())));
        for (ConfigDef.ConfigKey key : sorted(def)) {
            out.append(row(List.of(
                    code(key.name),
                    aliases.aliasesOf(key.name).stream().map(ConfigDocs::code).collect(Collectors.joining(", ")),
                    key.type.name().toLowerCase(Locale.ROOT),
                    defaultValue(key),
                    validValues(key),
                    key.importance.name().toLowerCase(Locale.ROOT),
                    key.group == null ? "" : key.group,
                    key.documentation == null ? "" : key.documentation)));
        }
        return out.toString();
    }

    /**
     * Writes {@link #markdown} to the file named by {@code args[0]} (creating its directories), or to standard
     * output when no argument is given.
     *
     * @param title   the document title
     * @param def     the connector's definition
     * @param aliases the seed names accepted in place of keys
     * @param args    the {@code main} arguments
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(String title, ConfigDef def, Aliases aliases, String[] args) {
        String text = markdown(title, def, aliases);
        if (args == null || args.length == 0) {
            PrintStream stdout = System.out;
            stdout.print(text);
            stdout.flush();
            return;
        }
        Path target = Path.of(args[0]);
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(target, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the configuration reference to " + target, e);
        }
    }

    static List<ConfigDef.ConfigKey> sorted(ConfigDef def) {
        Map<String, Integer> groupOrder = new HashMap<>();
        for (String group : def.groups()) {
            groupOrder.putIfAbsent(group, groupOrder.size());
        }
        List<ConfigDef.ConfigKey> keys = new ArrayList<>();
        for (ConfigDef.ConfigKey key : def.configKeys().values()) {
            if (!key.internalConfig) {
                keys.add(key);
            }
        }
        keys.sort(Comparator
                .comparingInt((ConfigDef.ConfigKey k) -> k.group == null ? -1 : groupOrder.getOrDefault(k.group, 0))
                .thenComparingInt(k -> k.orderInGroup)
                .thenComparing(k -> k.name));
        return keys;
    }

    private static String defaultValue(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "*required*";
        }
        if (key.defaultValue == null) {
            return "null";
        }
        if (key.type == ConfigDef.Type.PASSWORD) {
            return "[hidden]";
        }
        String text = ConfigDef.convertToString(key.defaultValue, key.type);
        return text.isEmpty() ? "\"\"" : code(text);
    }

    private static String validValues(ConfigDef.ConfigKey key) {
        if (key.validator != null) {
            return key.validator.toString();
        }
        if (key.recommender != null) {
            List<Object> values;
            try {
                values = key.recommender.validValues(key.name, Map.of());
            } catch (RuntimeException dependsOnOtherValues) {
                // a recommender whose choices depend on other keys has nothing to say without them
                values = List.of();
            }
            if (values != null && !values.isEmpty()) {
                return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
            }
        }
        return "";
    }

    private static String code(String text) {
        return "`" + text + "`";
    }

    private static String row(List<String> cells) {
        return cells.stream().map(ConfigDocs::cell).collect(Collectors.joining(" | ", "| ", " |\n"));
    }

    /** Keeps a cell on one table row: a pipe would end the cell and a newline the row. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
