package io.sluice.connect.common.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.connect.common.errors.FakeClock;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HealthCheckTest {

    private final FakeClock clock = new FakeClock(Instant.parse("2026-01-05T10:15:30Z"));

    @Test
    void aProbeThatReturnsIsHealthyAndTimed() {
        HealthCheck check = HealthCheck.probing(clock, Set.of("cdc"), () -> clock.advance(Duration.ofMillis(12)));

        HealthReport report = check.check();

        assertThat(report.isHealthy()).isTrue();
        assertThat(report.connected()).isTrue();
        assertThat(report.responseTimeMs()).isEqualTo(12);
        assertThat(report.lastCheck()).isEqualTo(Instant.parse("2026-01-05T10:15:30Z"));
        assertThat(report.capabilities()).containsExactly("cdc");
    }

    @Test
    void aProbeThatThrowsIsUnhealthyWithItsMessage() {
        HealthCheck check = HealthCheck.probing(clock, Set.of(), () -> {
            clock.advance(Duration.ofSeconds(3));
            throw new ConnectException("Connection refused");
        });

        HealthReport report = check.check();

        assertThat(report.isHealthy()).isFalse();
        assertThat(report.connected()).isFalse();
        assertThat(report.responseTimeMs()).isEqualTo(3000);
        assertThat(report.error()).isEqualTo("Connection refused");
    }
}
