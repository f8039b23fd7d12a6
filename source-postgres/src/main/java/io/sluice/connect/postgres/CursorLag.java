package io.sluice.connect.postgres;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * How far one cursor value is behind another, for the {@code cursor-lag} metric: the difference of numbers, or the
 * milliseconds between dates and timestamps in PostgreSQL's text form. Other types have no lag.
 */
final class CursorLag {

    private static final Pattern HOUR_OFFSET = Pattern.compile(".*T.*[+-]\\d\\d$");

    private CursorLag() {
    }

    /** @return {@code newest - read} in cursor units (milliseconds for times), or null when not measurable */
    static Double between(String read, String newest) {
        if (read == null || newest == null) {
            return null;
        }
        try {
            return new BigDecimal(newest).subtract(new BigDecimal(read)).doubleValue();
        } catch (NumberFormatException notANumber) {
            Long a = epochMillis(read);
            Long b = epochMillis(newest);
            return a == null || b == null ? null : (double) (b - a);
        }
    }

    static Long epochMillis(String text) {
        String iso = text.trim().replace(' ', 'T');
        if (HOUR_OFFSET.matcher(iso).matches()) {
            iso = iso + ":00";
        }
        try {
            return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
        } catch (DateTimeParseException noOffset) {
            try {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException noTime) {
                try {
                    return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                } catch (DateTimeParseException notADate) {
                    return null;
                }
            }
        }
    }
}
