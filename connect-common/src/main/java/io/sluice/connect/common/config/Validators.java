package io.sluice.connect.common.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * {@link ConfigDef.Validator}s for Sluice's keys. Each {@code toString()} reads well in the generated config
 * reference, where it fills the "valid values" column.
 *
 * <p>Except for {@link #nonEmpty()}, a {@code null} value passes: it means "not set", which the key's default and
 * required-ness already govern. String validators applied to a {@code LIST} key check every element.
 */
public final class Validators {

    /** The two-character spelling of a tab that {@link #singleChar()} accepts, since a literal tab is hard to type. */
    public static final String TAB_ESCAPE = "\\t";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Validators() {
    }

    /** @return accepts a string with a non-blank value, or a list with at least one element and no blank element */
    public static ConfigDef.Validator nonEmpty() {
        return new Named("a non-empty value", (name, value) -> {
            if (value == null) {
                throw new ConfigException(name, null, "must be set to a non-empty value");
            }
            if (value instanceof List<?> list) {
                if (list.isEmpty()) {
                    throw new ConfigException(name, value, "must list at least one value");
                }
                if (list.stream().anyMatch(e -> e == null || e.toString().isBlank())) {
                    throw new ConfigException(name, value, "must not contain empty elements");
                }
            } else if (value.toString().isBlank()) {
                throw new ConfigException(name, value, "must not be empty");
            }
        });
    }

    /** @return accepts exactly one character, or {@value #TAB_ESCAPE} for a tab */
    public static ConfigDef.Validator singleChar() {
        return strings("a single character (\\t for tab)", (name, s) -> singleCharValue(name, s));
    }

    /** @return like {@link #singleChar()}, but also accepts the empty string, meaning "none" */
    public static ConfigDef.Validator singleCharOrEmpty() {
        return strings("a single character (\\t for tab), or empty for none", (name, s) -> {
            if (!s.isEmpty()) {
                singleCharValue(name, s);
            }
        });
    }

    /**
     * Reads a value {@link #singleChar()} accepted.
     *
     * @param name  the key, for the error message
     * @param value the configured value
     * @return the character, with {@value #TAB_ESCAPE} read as a tab
     * @throws ConfigException if the value is not a single character
     */
    public static char singleCharValue(String name, String value) {
        if (TAB_ESCAPE.equals(value)) {
            return '\t';
        }
        if (value == null || value.length() != 1) {
            throw new ConfigException(name, value, "must be a single character (use \\t for a tab)");
        }
        return value.charAt(0);
    }

    /** @return accepts the name or alias of a charset this JVM supports */
    public static ConfigDef.Validator charset() {
        return strings("a charset name the JVM supports, e.g. UTF-8", (name, s) -> {
            boolean supported;
            try {
                supported = Charset.isSupported(s.trim());
            } catch (IllegalArgumentException e) {
                supported = false;
            }
            if (!supported) {
                throw new ConfigException(name, s, "is not a charset this JVM supports; use e.g. UTF-8 or ISO-8859-1");
            }
        });
    }

    /** @return accepts a {@link Pattern java.util.regex} regular expression */
    public static ConfigDef.Validator regex() {
        return strings("a Java regular expression", (name, s) -> {
            try {
                Pattern.compile(s);
            } catch (PatternSyntaxException e) {
                throw new ConfigException(name, s, "is not a valid regular expression: " + e.getDescription());
            }
        });
    }

    /** @return accepts a glob as {@link java.nio.file.FileSystem#getPathMatcher} understands it */
    public static ConfigDef.Validator glob() {
        return strings("a glob pattern, e.g. *.{csv,jsonl}", (name, s) -> {
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + s);
            } catch (PatternSyntaxException e) {
                throw new ConfigException(name, s, "is not a valid glob pattern: " + e.getDescription());
            }
        });
    }

    /** @return accepts one JSON document, or the empty string meaning "none" */
    public static ConfigDef.Validator json() {
        return strings("JSON text, or empty for none", (name, s) -> {
            if (s.isBlank()) {
                return;
            }
            try {
                JSON.readTree(s);
            } catch (JsonProcessingException e) {
                throw new ConfigException(name, s, "is not valid JSON: " + e.getOriginalMessage());
            }
        });
    }

    /**
     * @param type the enum whose constants are the choices
     * @return accepts a constant's name in any case; documents the lower-case names that Sluice's keys use
     */
    public static ConfigDef.Validator oneOfIgnoreCase(Class<? extends Enum<?>> type) {
        List<String> names = Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableList());
        String choices = String.join(", ", names);
        return strings("one of " + choices + " (case-insensitive)", (name, s) -> {
            if (!names.contains(s.trim().toLowerCase(Locale.ROOT))) {
                throw new ConfigException(name, s, "must be one of " + choices);
            }
        });
    }

    /** @return accepts a number greater than zero */
    public static ConfigDef.Validator positive() {
        return numbers("> 0", true);
    }

    /** @return accepts zero or a greater number */
    public static ConfigDef.Validator nonNegative() {
        return numbers(">= 0", false);
    }

    private static ConfigDef.Validator numbers(String description, boolean strict) {
        return new Named(description, (name, value) -> {
            if (value == null) {
                return;
            }
            if (!(value instanceof Number number)) {
                throw new ConfigException(name, value, "must be a number " + description);
            }
            boolean valid;
            if (number instanceof Double || number instanceof Float) {
                double d = number.doubleValue();
                valid = strict ? d > 0 : d >= 0;
            } else {
                long l = number.longValue();
                valid = strict ? l > 0 : l >= 0;
            }
            if (!valid) {
                throw new ConfigException(name, value, "must be " + description);
            }
        });
    }

    /** Applies {@code check} to a string value, or to each element of a list value. */
    private static ConfigDef.Validator strings(String description, StringCheck check) {
        return new Named(description, (name, value) -> {
            if (value instanceof List<?> list) {
                for (Object element : list) {
                    check.ensureValid(name, String.valueOf(element));
                }
            } else if (value != null) {
                check.ensureValid(name, value.toString());
            }
        });
    }

    @FunctionalInterface
    private interface StringCheck {
        void ensureValid(String name, String value);
    }

    private static final class Named implements ConfigDef.Validator {

        private final String description;
        private final ConfigDef.Validator delegate;

        Named(String description, ConfigDef.Validator delegate) {
            this.description = description;
            this.delegate = delegate;
        }

        @Override
        public void ensureValid(String name, Object value) {
            delegate.ensureValid(name, value);
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
