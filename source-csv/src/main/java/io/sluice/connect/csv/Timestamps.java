package io.sluice.connect.csv;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Reads the timestamp forms the {@code timestamp} column type accepts: an ISO-8601 date-time with seconds and an
 * optional fraction, followed by {@code Z}, an offset, an offset and a zone ({@code [Europe/Paris]}), or nothing
 * (read as UTC); the date and time may also be separated by a space ({@code 2024-05-01 10:15:30}).
 *
 * <p>The usual forms ({@code Z}, {@code ±HH:MM} or nothing after the time) are parsed by hand, because
 * {@link DateTimeFormatter} takes microseconds per value and a timestamp column is read for every row; the rest
 * goes through {@link DateTimeFormatter#ISO_DATE_TIME}.
 */
final class Timestamps {

    /** Returned for text that is not a timestamp. */
    static final long INVALID = Long.MIN_VALUE;

    private Timestamps() {
    }

    /**
     * @param s text without surrounding whitespace: a String, or a view of a row's bytes
     * @return milliseconds since the epoch, or {@link #INVALID}
     */
    static long parseMillis(CharSequence s) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':' || s.charAt(16) != ':'
                || s.charAt(10) != 'T' && s.charAt(10) != ' ') {
            return INVALID;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return INVALID;
        }
        int i = 19;
        long fractionMillis = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                if (i - start < 3) {
                    fractionMillis = fractionMillis * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            int count = i - start;
            if (count == 0 || count > 9) {
                return INVALID;
            }
            for (int k = count; k < 3; k++) {
                fractionMillis *= 10;
            }
        }
        int offsetSeconds;
        if (i == n || i == n - 1 && s.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (n - i == 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':'
                && digits(s, i + 1, 2) >= 0 && digits(s, i + 4, 2) >= 0) {
            int sign = s.charAt(i) == '-' ? -1 : 1;
            offsetSeconds = sign * (digits(s, i + 1, 2) * 3600 + digits(s, i + 4, 2) * 60);
            if (digits(s, i + 1, 2) > 18 || digits(s, i + 4, 2) > 59) {
                return INVALID;
            }
        } else {
            return slow(s);
        }
        if (hour > 23 || minute > 59 || second > 59) {
            return INVALID;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return INVALID;
        }
        long seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * 1000L + fractionMillis;
    }

    /** Zones, and anything unusual after the time. */
    private static long slow(CharSequence text) {
        String s = text.toString();
        String iso = s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(iso);
            Instant instant = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? Instant.from(parsed)
                    : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
            return instant.toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            return INVALID;
        }
    }

    /** @return the value of {@code count} ASCII digits at {@code from}, or -1 when one is not a digit */
    private static int digits(CharSequence s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
