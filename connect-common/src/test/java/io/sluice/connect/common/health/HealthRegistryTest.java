package io.sluice.connect.common.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class HealthRegistryTest {

    private static final Instant AT = Instant.parse("2026-01-05T10:15:30Z");
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void publishesTheReportAsAStringAttribute() throws Exception {
        HealthReport report = HealthReport.healthy(5, AT, List.of("incremental"));
        try (HealthRegistry.Registration ignored = HealthRegistry.register("orders-source", () -> report)) {
            ObjectName name = new ObjectName("io.sluice.connect:type=health,connector=\"orders-source\"");

            assertThat(server.getAttribute(name, "HealthJson")).isEqualTo(report.toJson());
            assertThat(HealthRegistry.read("orders-source")).contains(report.toJson());
            assertThat(HealthRegistry.readAll()).containsEntry("orders-source", report.toJson());
        }
        assertThat(HealthRegistry.read("orders-source")).isEmpty();
        assertThat(HealthRegistry.readAll()).doesNotContainKey("orders-source");
    }

    @Test
    void connectorNamesWithSpecialCharactersRoundTrip() {
        String name = "csv, \"quoted\" = *odd?\\name";
        HealthReport report = HealthReport.healthy(1, AT, List.of());
        try (HealthRegistry.Registration ignored = HealthRegistry.register(name, () -> report)) {
            assertThat(HealthRegistry.objectName(name).getKeyProperty("type")).isEqualTo("health");
            assertThat(HealthRegistry.readAll()).containsEntry(name, report.toJson());
            assertThat(HealthRegistry.read(name)).contains(report.toJson());
        }
        assertThat(server.isRegistered(HealthRegistry.objectName(name))).isFalse();
    }

    @Test
    void runsTheCheckOnEveryRead() {
        int[] calls = {0};
        try (HealthRegistry.Registration ignored = HealthRegistry.register("counting", () -> {
            calls[0]++;
            return HealthReport.healthy(calls[0], AT, List.of());
        })) {
            HealthRegistry.read("counting");
            assertThat(HealthRegistry.read("counting")).hasValueSatisfying(
                    json -> assertThat(HealthReport.fromJson(json).responseTimeMs()).isEqualTo(2));
        }
    }

    @Test
    void aReRegistrationReplacesAndTheOldCloseKeepsTheNewOne() {
        HealthReport first = HealthReport.healthy(1, AT, List.of());
        HealthReport second = HealthReport.unhealthy(false, 2, AT, List.of(), "restarting");

        HealthRegistry.Registration old = HealthRegistry.register("restarted", () -> first);
        HealthRegistry.Registration current = HealthRegistry.register("restarted", () -> second);
        try {
            assertThat(HealthRegistry.read("restarted")).contains(second.toJson());
            old.close();
            assertThat(HealthRegistry.read("restarted")).contains(second.toJson());
        } finally {
            current.close();
        }
        assertThat(HealthRegistry.read("restarted")).isEmpty();
        current.close();
    }

    @Test
    void aThrowingCheckReadsAsUnhealthy() {
        try (HealthRegistry.Registration ignored = HealthRegistry.register("broken", () -> {
            throw new IllegalStateException("pool closed");
        })) {
            HealthReport report = HealthReport.fromJson(HealthRegistry.read("broken").orElseThrow());

            assertThat(report.isHealthy()).isFalse();
            assertThat(report.error()).contains("pool closed");
        }
    }
}
