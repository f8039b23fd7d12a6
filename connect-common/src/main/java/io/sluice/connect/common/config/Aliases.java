package io.sluice.connect.common.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/**
 * Maps the seed specifications' Airbyte/Fivetran-style names ({@code path}, {@code batch_size},
 * {@code has_header}, ...) onto Sluice's Kafka-style keys.
 *
 * <p>Connectors apply the same instance in both {@code validate()} and {@code start()}, so a configuration that
 * validates is exactly the one that runs. Setting a key and its alias at once is an error rather than a silent
 * precedence rule: the two values may disagree, and guessing which one the user meant hides the mistake.
 *
 * <pre>{@code
 * Aliases aliases = Aliases.builder().alias("path", "input.paths").alias("batch_size", "batch.size").build();
 * Map<String, String> effective = aliases.apply(props);
 * }</pre>
 */
public final class Aliases {

    private static final Aliases NONE = new Aliases(Map.of());

    private final Map<String, String> aliasToKey;

    private Aliases(Map<String, String> aliasToKey) {
        this.aliasToKey = Collections.unmodifiableMap(new LinkedHashMap<>(aliasToKey));
    }

    /** @return a builder of alias mappings */
    public static Builder builder() {
        return new Builder();
    }

    /** @return an instance with no aliases, for connectors whose keys have no seed names */
    public static Aliases none() {
        return NONE;
    }

    /**
     * Renames every alias in {@code props} to the key it stands for.
     *
     * @param props the user's configuration; not modified
     * @return a new map holding every entry of {@code props}, with aliases renamed to their keys
     * @throws ConfigException naming both forms and the fix when a key and one of its aliases (or two aliases of
     *                         one key) are both set
     */
    public Map<String, String> apply(Map<String, String> props) {
        Map<String, List<String>> conflicting = conflictsByKey(props);
        if (!conflicting.isEmpty()) {
            Map.Entry<String, List<String>> first = conflicting.entrySet().iterator().next();
            throw new ConfigException(conflictMessage(first.getKey(), first.getValue()));
        }
        Map<String, String> result = new LinkedHashMap<>(props.size());
        props.forEach((name, value) -> result.put(aliasToKey.getOrDefault(name, name), value));
        return result;
    }

    /**
     * Reports the conflicts {@link #apply} would throw for, in the shape {@code Connector.validate()} returns.
     *
     * @param props the user's configuration
     * @return one value with an error message for every name involved in a conflict (the key and each alias set
     *         for it), in the order the names appear in {@code props}; empty when there is no conflict
     */
    public List<ConfigValue> conflicts(Map<String, String> props) {
        Map<String, List<String>> conflicting = conflictsByKey(props);
        List<ConfigValue> result = new ArrayList<>();
        for (String name : props.keySet()) {
            String key = aliasToKey.getOrDefault(name, name);
            List<String> names = conflicting.get(key);
            if (names != null) {
                ConfigValue value = new ConfigValue(name, props.get(name), List.of(), new ArrayList<>());
                value.addErrorMessage(conflictMessage(key, names));
                result.add(value);
            }
        }
        return result;
    }

    /** @return every alias mapped to the key it stands for, in the order they were declared */
    public Map<String, String> aliases() {
        return aliasToKey;
    }

    /**
     * @param key one of our keys
     * @return the aliases of {@code key}, in declaration order; empty when it has none
     */
    public List<String> aliasesOf(String key) {
        return aliasToKey.entrySet().stream()
                .filter(e -> e.getValue().equals(key))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableList());
    }

    /** Groups the names set in {@code props} by the key they stand for, keeping only keys set more than once. */
    private Map<String, List<String>> conflictsByKey(Map<String, String> props) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (String name : props.keySet()) {
            byKey.computeIfAbsent(aliasToKey.getOrDefault(name, name), k -> new ArrayList<>()).add(name);
        }
        byKey.values().removeIf(names -> names.size() < 2);
        return byKey;
    }

    private static String conflictMessage(String key, List<String> names) {
        String aliasesSet = names.stream()
                .filter(n -> !n.equals(key))
                .map(n -> "'" + n + "'")
                .collect(Collectors.joining(" and "));
        if (names.contains(key)) {
            return "Both '" + key + "' and its alias " + aliasesSet + " are set. Remove " + aliasesSet
                    + " and keep only '" + key + "'.";
        }
        return aliasesSet + " are all aliases of '" + key + "' and are set together. Set only '" + key + "'.";
    }

    /** Collects alias mappings; an alias maps to exactly one key. */
    public static final class Builder {

        private final Map<String, String> aliasToKey = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Declares {@code alias} as another name for {@code key}.
         *
         * @param alias the seed name, e.g. {@code path}
         * @param key   our key, e.g. {@code input.paths}
         * @return this builder
         * @throws IllegalArgumentException if {@code alias} equals {@code key} or is already mapped
         */
        public Builder alias(String alias, String key) {
            Objects.requireNonNull(alias, "alias");
            Objects.requireNonNull(key, "key");
            if (alias.equals(key)) {
                throw new IllegalArgumentException("Alias '" + alias + "' is the key itself");
            }
            String previous = aliasToKey.putIfAbsent(alias, key);
            if (previous != null) {
                throw new IllegalArgumentException(
                        "Alias '" + alias + "' already maps to '" + previous + "', cannot also map to '" + key + "'");
            }
            return this;
        }

        /**
         * @return the immutable aliases
         * @throws IllegalArgumentException if an alias is also used as a key that other aliases map to
         */
        public Aliases build() {
            for (String alias : aliasToKey.keySet()) {
                if (aliasToKey.containsValue(alias)) {
                    throw new IllegalArgumentException("'" + alias + "' is declared both as an alias and as a key");
                }
            }
            return new Aliases(aliasToKey);
        }
    }
}
