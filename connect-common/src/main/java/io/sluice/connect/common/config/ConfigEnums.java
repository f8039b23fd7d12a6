package io.sluice.connect.common.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;

/**
 * Conversions between enum constants and the lower-case names Sluice's keys accept ({@code error_topic} for
 * {@code ERROR_TOPIC}), so a config class parses each choice once into a typed field.
 */
public final class ConfigEnums {

    private ConfigEnums() {
    }

    /**
     * Parses a configured choice.
     *
     * @param type  the enum type
     * @param key   the key the value was set for, named in the error
     * @param value the configured value, in any case, surrounding whitespace ignored
     * @param <E>   the enum type
     * @return the constant whose name matches {@code value} ignoring case
     * @throws ConfigException naming the key, the value and the accepted values when nothing matches
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String key, String value) {
        if (value != null) {
            String wanted = value.trim();
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(wanted)) {
                    return constant;
                }
            }
        }
        throw new ConfigException(key, value, "must be one of " + String.join(", ", names(type)));
    }

    /**
     * @param constant an enum constant
     * @return its config spelling, the lower-case name
     */
    public static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param type an enum type
     * @return the config spelling of every constant, in declaration order
     */
    public static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(ConfigEnums::name).collect(Collectors.toUnmodifiableList());
    }
}
