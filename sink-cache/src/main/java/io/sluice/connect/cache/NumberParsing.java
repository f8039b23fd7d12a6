package io.sluice.connect.cache;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;

/** Reads the numbers a TTL or version field may hold: integers, decimals, dates and their text forms. */
final class NumberParsing {

    /** A long has 19 digits: a decimal with more integer digits cannot fit. */
    static final int MAX_INTEGER_DIGITS = 19;

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
        return toLong(d, RoundingMode.FLOOR);
    }

    /**
     * Rounds a decimal to a long without ever computing a huge power of ten: {@code 1e20000000} would take
     * seconds to scale, so anything with more than {@value #MAX_INTEGER_DIGITS} integer digits is refused first,
     * and anything below one in magnitude is rounded without scaling.
     *
     * @param d    a decimal
     * @param mode how to round
     * @return it as a long; null when it does not fit
     */
    static Long toLong(BigDecimal d, RoundingMode mode) {
        int integerDigits = d.precision() - d.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            return null;
        }
        if (integerDigits <= 0) {
            // |d| < 1 rounds like +/-0.1 (its sign at one tenth): only the rounding direction decides
            return BigDecimal.valueOf(d.signum(), 1).setScale(0, mode).longValue();
        }
        try {
            return d.setScale(0, mode).longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
