package io.sluice.connect.csv;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTest {

    private static long millis(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void readsTheUsualFormsAndTakesLocalTimesAsUtc() {
        assertThat(Timestamps.parseMillis("2024-05-01T10:15:30Z")).isEqualTo(millis("2024-05-01T10:15:30Z"));
        assertThat(Timestamps.parseMillis("2024-05-01 10:15:30")).isEqualTo(millis("2024-05-01T10:15:30Z"));
        assertThat(Timestamps.parseMillis("2024-05-01T10:15:30")).isEqualTo(millis("2024-05-01T10:15:30Z"));
        assertThat(Timestamps.parseMillis("2024-05-01T10:15:30.5+02:00")).isEqualTo(millis("2024-05-01T08:15:30.500Z"));
        assertThat(Timestamps.parseMillis("2024-05-01T10:15:30.123456789-05:30"))
                .isEqualTo(millis("2024-05-01T15:45:30.123Z"));
        assertThat(Timestamps.parseMillis("1969-12-31T23:59:59.999Z")).isEqualTo(-1L);
        assertThat(Timestamps.parseMillis("2024-05-01T10:15:30+02:00:00")).as("other offsets take the slow path")
                .isEqualTo(millis("2024-05-01T08:15:30Z"));
        assertThat(Timestamps.parseMillis("2024-05-01T10:15:30+02:00[Europe/Paris]"))
                .isEqualTo(millis("2024-05-01T08:15:30Z"));
    }

    @Test
    void rejectsWhatIsNotADateTime() {
        for (String text : List.of("2024-02-30T10:15:30Z", "2024-05-01T24:00:00Z", "2024-05-01T10:60:00Z",
                "2024-13-01 10:15:30", "2024-05-01", "2024-05-01T10:15Z", "2024-05-01T10:15:30.Z",
                "2024-05-01T10:15:30+19:00", "2024-05-01x10:15:30", "2024-O5-01T10:15:30Z", "not a timestamp at all",
                "2024-05-01T10:15:30 UTC")) {
            assertThat(Timestamps.parseMillis(text)).as(text).isEqualTo(Timestamps.INVALID);
        }
    }

    @Test
    void agreesWithTheIsoFormatterOnEveryFormItReadsByHand() {
        for (String text : List.of("2000-02-29T00:00:00Z", "1999-12-31T23:59:59.1Z", "2024-05-01T10:15:30.12-00:30",
                "2038-01-19T03:14:08+14:00", "1900-01-01T00:00:00", "2024-05-01T10:15:30.000001")) {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
            long expected = (parsed.isSupported(ChronoField.OFFSET_SECONDS) ? Instant.from(parsed)
                    : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC)).toEpochMilli();
            assertThat(Timestamps.parseMillis(text)).as(text).isEqualTo(expected);
        }
    }
}
