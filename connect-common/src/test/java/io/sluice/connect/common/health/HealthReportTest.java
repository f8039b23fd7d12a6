package io.sluice.connect.common.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class HealthReportTest {

    private static final Instant AT = Instant.parse("2026-01-05T10:15:30Z");

    @Test
    void healthyJsonHasExactlyTheSeedFields() {
        HealthReport report = HealthReport.healthy(12, AT, List.of("incremental", "cdc"));

        assertThat(report.toJson()).isEqualTo("{\"status\":\"healthy\",\"connected\":true,\"response_time_ms\":12,"
                + "\"last_check\":\"2026-01-05T10:15:30Z\",\"capabilities\":[\"cdc\",\"incremental\"]}");
    }

    @Test
    void unhealthyJsonAddsTheError() {
        HealthReport report = HealthReport.unhealthy(false, 3000, AT.plusMillis(250), List.of("cdc"),
                "Connection refused: \"db\"");

        assertThat(report.toJson()).isEqualTo("{\"status\":\"unhealthy\",\"connected\":false,"
                + "\"response_time_ms\":3000,\"last_check\":\"2026-01-05T10:15:30.250Z\",\"capabilities\":[\"cdc\"],"
                + "\"error\":\"Connection refused: \\\"db\\\"\"}");
    }

    @Test
    void aHealthyReportNeverCarriesAnError() {
        HealthReport report = new HealthReport(HealthReport.Status.HEALTHY, true, 1, AT, null, "stale");

        assertThat(report.error()).isNull();
        assertThat(report.capabilities()).isEmpty();
        assertThat(report.toJson()).doesNotContain("error");
    }

    @Test
    void anUnhealthyReportAlwaysCarriesAnError() {
        HealthReport report = HealthReport.unhealthy(true, 1, AT, List.of(), " ");
        assertThat(report.error()).isEqualTo(HealthReport.UNKNOWN_ERROR);
        assertThat(report.isHealthy()).isFalse();
    }

    @Test
    void capabilitiesAreSortedAndImmutable() {
        TreeSet<String> caps = new TreeSet<>(List.of("b", "a"));
        HealthReport report = new HealthReport(HealthReport.Status.HEALTHY, true, 1, AT, caps, null);
        caps.add("c");

        assertThat(report.capabilities()).containsExactly("a", "b");
        assertThatThrownBy(() -> report.capabilities().add("z")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void roundTripsThroughJson() {
        HealthReport healthy = HealthReport.healthy(12, AT, List.of("cdc"));
        HealthReport unhealthy = HealthReport.unhealthy(true, 40, AT, List.of("a", "b"), "slow");

        assertThat(HealthReport.fromJson(healthy.toJson())).isEqualTo(healthy);
        assertThat(HealthReport.fromJson(unhealthy.toJson())).isEqualTo(unhealthy);
        assertThatThrownBy(() -> HealthReport.fromJson("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HealthReport.fromJson("{\"status\":\"healthy\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connected");
    }
}
