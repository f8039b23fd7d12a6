package io.sluice.connect.common.config;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;

/**
 * Helpers for building the result of {@code Connector.validate()}: cross-field and live-connection failures are
 * attached to the config value they concern, so the user sees each error next to the key to fix.
 */
public final class ValidationResults {

    private ValidationResults() {
    }

    /**
     * Adds an error message to {@code key}'s value, creating the value when {@code cfg} does not hold it yet
     * (e.g. for an alias, which the connector's {@code ConfigDef} does not define).
     *
     * @param cfg     a result whose {@code configValues()} list is mutable, as {@code Connector.validate()}'s is
     * @param key     the key the error concerns
     * @param message what is wrong and how to fix it
     */
    public static void addError(Config cfg, String key, String message) {
        valueOf(cfg.configValues(), key).addErrorMessage(message);
    }

    /**
     * Adds every error of {@code values} to {@code cfg}, e.g. the result of {@link Aliases#conflicts}.
     *
     * @param cfg    a result whose {@code configValues()} list is mutable
     * @param values values carrying error messages
     */
    public static void addErrors(Config cfg, List<ConfigValue> values) {
        for (ConfigValue value : values) {
            for (String message : value.errorMessages()) {
                addError(cfg, value.name(), message);
            }
        }
    }

    /**
     * @param cfg a validation result
     * @return whether any value of {@code cfg} carries an error message
     */
    public static boolean hasErrors(Config cfg) {
        return hasErrors(cfg.configValues());
    }

    /**
     * @param values config values
     * @return whether any of them carries an error message
     */
    public static boolean hasErrors(List<ConfigValue> values) {
        return values.stream().anyMatch(v -> !v.errorMessages().isEmpty());
    }

    /**
     * @param cfg a validation result
     * @return every error message, each prefixed with its key, e.g. to fail {@code start()} with all of them at once
     */
    public static List<String> errors(Config cfg) {
        List<String> result = new ArrayList<>();
        for (ConfigValue value : cfg.configValues()) {
            for (String message : value.errorMessages()) {
                result.add(value.name() + ": " + message);
            }
        }
        return result;
    }

    private static ConfigValue valueOf(List<ConfigValue> values, String key) {
        for (ConfigValue value : values) {
            if (value.name().equals(key)) {
                return value;
            }
        }
        ConfigValue created = new ConfigValue(key, null, new ArrayList<>(), new ArrayList<>());
        values.add(created);
        return created;
    }
}
