package io.sluice.connect.common.offsets;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Number-safe reads of source partitions and offsets.
 *
 * <p>Offsets come back from the offset store in whatever shape the converter produced: an {@code int} written
 * by a task may be read as a {@code Long}, a {@code long} as an {@code Integer} when small, and offsets altered
 * through the REST API may hold numeric strings. Offset records read every field through these methods, so that
 * the shape never matters and a bad value fails with a message naming the key.
 *
 * <pre>{@code
 * static FileOffset fromMap(Map<String, ?> m) {
 *     OffsetMaps.version(m, 1);
 *     return new FileOffset(OffsetMaps.getLong(m, "position"), OffsetMaps.getLong(m, "record"));
 * }
 * }</pre>
 */
public final class OffsetMaps {

    /** The key of every offset's and partition's format version. */
    public static final String VERSION_KEY = "v";

    private OffsetMaps() {
    }

    /**
     * @param map the offset or partition
     * @param key the field
     * @return the field as a long, from any integral number, a whole floating-point number, or a numeric string
     * @throws IllegalArgumentException naming the key when the field is missing or not a whole number in range
     */
    public static long getLong(Map<String, ?> map, String key) {
        return optLong(map, key).orElseThrow(() -> missing(map, key));
    }

    /**
     * @param map the offset or partition
     * @param key the field
     * @return the field as a long, or empty when it is absent or null
     * @throws IllegalArgumentException naming the key when the field is not a whole number in range
     */
    public static OptionalLong optLong(Map<String, ?> map, String key) {
        Object value = field(map, key);
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(toLong(value));
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("Offset field '" + key + "' must be a whole number, was "
                    + describe(value), e);
        }
    }

    /**
     * @param map the offset or partition
     * @param key the field
     * @return the field as an int
     * @throws IllegalArgumentException naming the key when the field is missing, not a whole number, or out of
     *                                  the int range
     */
    public static int getInt(Map<String, ?> map, String key) {
        long value = getLong(map, key);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Offset field '" + key + "' is out of the int range: " + value);
        }
        return (int) value;
    }

    /**
     * @param map the offset or partition
     * @param key the field
     * @return the field as a string; numbers and booleans are converted
     * @throws IllegalArgumentException naming the key when the field is missing or not a scalar
     */
    public static String getString(Map<String, ?> map, String key) {
        return optString(map, key).orElseThrow(() -> missing(map, key));
    }

    /**
     * @param map the offset or partition
     * @param key the field
     * @return the field as a string, or empty when it is absent or null
     * @throws IllegalArgumentException naming the key when the field is not a scalar
     */
    public static Optional<String> optString(Map<String, ?> map, String key) {
        Object value = field(map, key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Character) {
            return Optional.of(value.toString());
        }
        throw new IllegalArgumentException("Offset field '" + key + "' must be a string, was " + describe(value));
    }

    /**
     * @param map          the offset or partition
     * @param key          the field
     * @param defaultValue the result when the field is absent or null
     * @return the field as a boolean, from a Boolean or the strings {@code true}/{@code false} in any case
     * @throws IllegalArgumentException naming the key when the field is neither
     */
    public static boolean getBoolean(Map<String, ?> map, String key, boolean defaultValue) {
        Object value = field(map, key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException("Offset field '" + key + "' must be true or false, was "
                + describe(value));
    }

    /**
     * Reads the format version under {@value #VERSION_KEY} and checks that this code supports it.
     *
     * @param map       the offset or partition
     * @param supported the versions this code can read
     * @return the version
     * @throws IllegalArgumentException naming the version when it is missing or not supported, e.g. an offset
     *                                  written by a newer release after a downgrade
     */
    public static int version(Map<String, ?> map, int... supported) {
        int version = getInt(map, VERSION_KEY);
        if (Arrays.stream(supported).noneMatch(v -> v == version)) {
            String known = Arrays.stream(supported).mapToObj(Integer::toString).collect(Collectors.joining(", "));
            throw new IllegalArgumentException("Unsupported offset version " + version + " (this release reads "
                    + "version " + known + "); was the offset written by a newer release of Sluice?");
        }
        return version;
    }

    private static Object field(Map<String, ?> map, String key) {
        if (map == null) {
            throw new IllegalArgumentException("No offset map to read '" + key + "' from");
        }
        return map.get(key);
    }

    private static long toLong(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.longValueExact();
        }
        if (value instanceof BigDecimal big) {
            return big.longValueExact();
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(((Number) value).doubleValue()).longValueExact();
        }
        if (value instanceof String s) {
            return Long.parseLong(s.trim());
        }
        throw new NumberFormatException("not a number");
    }

    private static IllegalArgumentException missing(Map<String, ?> map, String key) {
        return new IllegalArgumentException("Offset field '" + key + "' is missing; the map holds "
                + (map == null ? "nothing" : map.keySet()));
    }

    private static String describe(Object value) {
        return "'" + value + "' (" + value.getClass().getSimpleName() + ")";
    }
}
