package io.sluice.connect.cache;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;

/** Reads the numbers a TTL or version field may hold: integers, decimals, dates and their text forms. */
final class NumberParsing {

    private NumberParsing() {
    }

    /**
     * @param value a field value
     * @return it as a decimal: numbers as they are, dates as epoch milliseconds, numeric text parsed; null when it
     *         is none of these
     */
    static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof Date date) {
            return BigDecimal.valueOf(date.getTime());
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * @param value a field value
     * @return epoch milliseconds: a number as it is, a date, or an ISO-8601 instant string; null when unreadable
     */
    static Long epochMillis(Object value) {
        if (value instanceof String s && !s.isBlank() && decimal(s) == null) {
            try {
                return Instant.parse(s.trim()).toEpochMilli();
            } catch (DateTimeParseException | ArithmeticException e) {
                return null;
            }
        }
        BigDecimal d = decimal(value);
        if (d == null) {
            return null;
        }
        try {
            return d.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
