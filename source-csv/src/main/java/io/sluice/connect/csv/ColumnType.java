package io.sluice.connect.csv;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Timestamp;

import java.util.Date;
import java.util.Locale;

/**
 * The column types a schema can hold, each with how text (CSV) and JSON values convert to it.
 *
 * <p>Text rules, the same for inference and conversion: surrounding whitespace is ignored for every type but
 * {@link #STRING}; an {@link #INT64} is an optional sign and digits without a leading zero ({@code 0} itself
 * excepted, so zip codes such as {@code 02134} stay strings); a {@link #FLOAT64} is a decimal number with an optional
 * exponent, again without a leading zero; a {@link #BOOLEAN} is {@code true} or {@code false} in any case; a
 * {@link #TIMESTAMP} is an ISO-8601 date-time with an offset or zone ({@code 2024-05-01T10:15:30Z},
 * {@code 2024-05-01T10:15:30.5+02:00}) or a local date-time ({@code 2024-05-01T10:15:30},
 * {@code 2024-05-01 10:15:30}), which is read as UTC.
 */
enum ColumnType {
    INT64(Schema.OPTIONAL_INT64_SCHEMA, Schema.INT64_SCHEMA) {
        @Override
        Object parse(String text) throws BadRowException {
            String s = text.strip();
            if (isInteger(s)) {
                try {
                    return Long.parseLong(s);
                } catch (NumberFormatException e) {
                    throw new BadRowException("'" + text + "' is out of range for int64");
                }
            }
            throw mismatch(text);
        }

        /** Only an integer of 19 digits or more can be out of range. */
        @Override
        void check(CharSequence text) throws BadRowException {
            CharSequence s = strip(text);
            if (!isInteger(s)) {
                throw mismatch(text.toString());
            }
            if (s.length() > 18) {
                parse(text.toString());
            }
        }

        @Override
        Object fromJson(JsonNode node) throws BadRowException {
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                return node.longValue();
            }
            return node.isTextual() ? parse(node.textValue()) : jsonMismatch(node);
        }
    },
    FLOAT64(Schema.OPTIONAL_FLOAT64_SCHEMA, Schema.FLOAT64_SCHEMA) {
        @Override
        Object parse(String text) throws BadRowException {
            String s = text.strip();
            if (isDecimal(s)) {
                return Double.parseDouble(s);
            }
            throw mismatch(text);
        }

        /** Every decimal the text rules accept parses (a huge exponent to infinity). */
        @Override
        void check(CharSequence text) throws BadRowException {
            if (!isDecimal(strip(text))) {
                throw mismatch(text.toString());
            }
        }

        @Override
        Object fromJson(JsonNode node) throws BadRowException {
            if (node.isNumber()) {
                return node.doubleValue();
            }
            return node.isTextual() ? parse(node.textValue()) : jsonMismatch(node);
        }
    },
    BOOLEAN(Schema.OPTIONAL_BOOLEAN_SCHEMA, Schema.BOOLEAN_SCHEMA) {
        @Override
        Object parse(String text) throws BadRowException {
            String s = text.strip();
            if (s.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (s.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
            throw mismatch(text);
        }

        @Override
        Object fromJson(JsonNode node) throws BadRowException {
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            return node.isTextual() ? parse(node.textValue()) : jsonMismatch(node);
        }
    },
    TIMESTAMP(Timestamp.builder().optional().build(), Timestamp.SCHEMA) {
        @Override
        Object parse(String text) throws BadRowException {
            long millis = Timestamps.parseMillis(text.strip());
            if (millis == Timestamps.INVALID) {
                throw mismatch(text);
            }
            return new Date(millis);
        }

        @Override
        void check(CharSequence text) throws BadRowException {
            if (Timestamps.parseMillis(strip(text)) == Timestamps.INVALID) {
                throw mismatch(text.toString());
            }
        }

        /** Also accepts an integral number as milliseconds since the epoch, Connect's own timestamp unit. */
        @Override
        Object fromJson(JsonNode node) throws BadRowException {
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                return new Date(node.longValue());
            }
            return node.isTextual() ? parse(node.textValue()) : jsonMismatch(node);
        }
    },
    STRING(Schema.OPTIONAL_STRING_SCHEMA, Schema.STRING_SCHEMA) {
        @Override
        Object parse(String text) {
            return text;
        }

        @Override
        void check(CharSequence text) {
        }

        /** Scalars become their text; objects and arrays their JSON text. */
        @Override
        Object fromJson(JsonNode node) {
            if (node.isTextual()) {
                return node.textValue();
            }
            return node.isContainerNode() ? node.toString() : node.asText();
        }
    };

    private final Schema optionalSchema;
    private final Schema requiredSchema;

    ColumnType(Schema optionalSchema, Schema requiredSchema) {
        this.optionalSchema = optionalSchema;
        this.requiredSchema = requiredSchema;
    }

    /**
     * @param text a non-empty CSV value
     * @return the value as this type's Connect value
     * @throws BadRowException when the text does not fit this type
     */
    abstract Object parse(String text) throws BadRowException;

    /**
     * Checks the text as {@link #parse} does, without building the value: for rows whose own text is sent.
     *
     * @param text a non-empty CSV value, a String or a view of the row's bytes
     * @throws BadRowException when {@link #parse} would throw it
     */
    void check(CharSequence text) throws BadRowException {
        parse(text.toString());
    }

    /**
     * @param node a JSON value other than null
     * @return the value as this type's Connect value
     * @throws BadRowException when the value does not fit this type
     */
    abstract Object fromJson(JsonNode node) throws BadRowException;

    /** @return the Connect schema of a field of this type */
    Schema schema(boolean optional) {
        return optional ? optionalSchema : requiredSchema;
    }

    /** @return the name used in {@code schema.json} and in messages */
    String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name a type name from {@code schema.json}, any case
     * @return the type, or {@code null} when the name is unknown
     */
    static ColumnType fromConfigName(String name) {
        for (ColumnType type : values()) {
            if (type.configName().equalsIgnoreCase(name)) {
                return type;
            }
        }
        return null;
    }

    /**
     * The narrowest type a CSV value fits, for schema inference.
     *
     * @param text a CSV value
     * @return {@code null} for an empty value (it says nothing about the type), else the narrowest fitting type
     */
    static ColumnType detect(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        if (isInteger(s)) {
            // An integer too big for a long (a 20-digit id) stays text: as a double it would lose digits.
            return s.length() < 19 || fitsLong(s) ? INT64 : STRING;
        }
        if (isDecimal(s)) {
            return FLOAT64;
        }
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return BOOLEAN;
        }
        return Timestamps.parseMillis(s) != Timestamps.INVALID ? TIMESTAMP : STRING;
    }

    /**
     * The narrowest type a JSON value fits. JSON already types numbers and booleans, so only strings are looked at
     * further, and only for timestamps.
     *
     * @param node a JSON value, or {@code null} when the key is absent
     * @return {@code null} for null or absent values, else the narrowest fitting type
     */
    static ColumnType detect(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? INT64 : STRING;
        }
        if (node.isNumber()) {
            return FLOAT64;
        }
        if (node.isBoolean()) {
            return BOOLEAN;
        }
        if (node.isTextual() && Timestamps.parseMillis(node.textValue().strip()) != Timestamps.INVALID) {
            return TIMESTAMP;
        }
        return STRING;
    }

    /**
     * @param a a type seen so far, or {@code null} for none
     * @param b the type of another value, or {@code null} for none
     * @return the narrowest type both fit: the same type, {@link #FLOAT64} for a mix of numbers, else {@link #STRING}
     */
    static ColumnType widen(ColumnType a, ColumnType b) {
        if (a == null || a == b) {
            return b == null ? a : b;
        }
        if (b == null) {
            return a;
        }
        if ((a == INT64 || a == FLOAT64) && (b == INT64 || b == FLOAT64)) {
            return FLOAT64;
        }
        return STRING;
    }

    /** @return whether the text is empty or only whitespace, as {@link String#isBlank()} says */
    static boolean isBlank(CharSequence text) {
        if (text instanceof String s) {
            return s.isBlank();
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** @return the text without leading and trailing whitespace, as {@link String#strip()} gives it */
    private static CharSequence strip(CharSequence text) {
        if (text instanceof String s) {
            return s.strip();
        }
        int from = 0;
        int to = text.length();
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return from == 0 && to == text.length() ? text : text.subSequence(from, to);
    }

    private static boolean hasSign(CharSequence s) {
        return s.length() > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+');
    }

    private static boolean isInteger(CharSequence s) {
        int i = hasSign(s) ? 1 : 0;
        int digits = s.length() - i;
        if (digits < 1 || digits > 1 && s.charAt(i) == '0') {
            return false;
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean fitsLong(String s) {
        try {
            Long.parseLong(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Sign, digits with at most one '.', optional exponent; no leading zero before another digit. */
    private static boolean isDecimal(CharSequence s) {
        int i = hasSign(s) ? 1 : 0;
        int start = i;
        int intDigits = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            intDigits++;
        }
        if (intDigits > 1 && s.charAt(start) == '0') {
            return false;
        }
        int fracDigits = 0;
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                fracDigits++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return false;
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int expDigits = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == s.length();
    }

    BadRowException mismatch(String text) {
        return new BadRowException("'" + abbreviate(text) + "' is not a valid " + configName());
    }

    Object jsonMismatch(JsonNode node) throws BadRowException {
        throw new BadRowException("JSON value " + abbreviate(node.toString()) + " is not a valid " + configName());
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
