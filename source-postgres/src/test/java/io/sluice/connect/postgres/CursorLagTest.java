package io.sluice.connect.postgres;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CursorLagTest {

    @Test
    void numbersDiffer() {
        assertThat(CursorLag.between("100", "250.5")).isEqualTo(150.5);
    }

    @Test
    void timestampsInPostgresTextFormDifferInMilliseconds() {
        assertThat(CursorLag.between("2024-01-01 00:00:00+00", "2024-01-01 01:00:00.5+00")).isEqualTo(3_600_500.0);
        assertThat(CursorLag.between("2024-01-01 00:00:00+05:30", "2024-01-01 00:00:00+00"))
                .isEqualTo(19_800_000.0);
        assertThat(CursorLag.between("2024-01-01 00:00:00", "2024-01-01 00:00:01")).isEqualTo(1000.0);
        assertThat(CursorLag.between("2024-01-01", "2024-01-02")).isEqualTo(86_400_000.0);
    }

    @Test
    void otherTypesHaveNoLag() {
        assertThat(CursorLag.between("abc", "abd")).isNull();
        assertThat(CursorLag.between(null, "1")).isNull();
    }
}
