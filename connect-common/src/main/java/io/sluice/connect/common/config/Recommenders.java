package io.sluice.connect.common.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;

/**
 * {@link ConfigDef.Recommender}s that drive the choices and visibility shown by Connect UIs and by
 * {@code Connector.validate()}.
 */
public final class Recommenders {

    private Recommenders() {
    }

    /**
     * @param type the enum whose constants are the choices
     * @param <E>  the enum type
     * @return recommends the constants' lower-case names (the spelling Sluice's keys use); always visible
     */
    public static <E extends Enum<E>> ConfigDef.Recommender enumValues(Class<E> type) {
        List<Object> names = Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableList());
        return new ConfigDef.Recommender() {
            @Override
            public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
                return names;
            }

            @Override
            public boolean visible(String name, Map<String, Object> parsedConfig) {
                return true;
            }

            @Override
            public String toString() {
                return "enumValues(" + type.getSimpleName() + ")";
            }
        };
    }

    /**
     * Shows a key only when another key has one of the given values, e.g. {@code bad.record.topic} only when
     * {@code bad.record.policy} is {@code error_topic}.
     *
     * @param key    the key whose value decides
     * @param values the values that make the key visible; strings compare ignoring case, so {@code "error_topic"}
     *               matches a user's {@code ERROR_TOPIC} and {@code true} matches a parsed Boolean
     * @return a recommender with no recommended values
     */
    public static ConfigDef.Recommender visibleIf(String key, Object... values) {
        List<String> expected = Arrays.stream(values)
                .map(v -> String.valueOf(v).trim())
                .collect(Collectors.toUnmodifiableList());
        return new ConfigDef.Recommender() {
            @Override
            public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
                return List.of();
            }

            @Override
            public boolean visible(String name, Map<String, Object> parsedConfig) {
                Object actual = parsedConfig.get(key);
                if (actual == null) {
                    return false;
                }
                String text = String.valueOf(actual).trim();
                return expected.stream().anyMatch(text::equalsIgnoreCase);
            }

            @Override
            public String toString() {
                return "visibleIf(" + key + " in " + expected + ")";
            }
        };
    }
}
