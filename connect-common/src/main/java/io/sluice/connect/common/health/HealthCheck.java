package io.sluice.connect.common.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A connector's health check, e.g. a {@code SELECT 1} or a Redis {@code PING} with a short timeout.
 *
 * <p>Checks run on the REST server's request thread when someone asks for health, so they must be quick and
 * bounded in time, and must not throw: a failure is an unhealthy report.
 */
@FunctionalInterface
public interface HealthCheck {

    /** @return the current health */
    HealthReport check();

    /**
     * A check that times {@code probe}: healthy when it returns, unhealthy and disconnected when it throws.
     *
     * @param clock        the time source for {@code last_check} and {@code response_time_ms}
     * @param capabilities what the connector can do, reported either way
     * @param probe        a quick round trip to the system, with its own timeout
     * @return the check
     */
    static HealthCheck probing(Clock clock, Set<String> capabilities, Probe probe) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(probe, "probe");
        List<String> caps = List.copyOf(capabilities);
        return () -> {
            Instant start = clock.instant();
            try {
                probe.run();
                return HealthReport.healthy(elapsedMs(clock, start), start, caps);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return HealthReport.unhealthy(false, elapsedMs(clock, start), start, caps, "health check interrupted");
            } catch (Exception e) {
                String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
                return HealthReport.unhealthy(false, elapsedMs(clock, start), start, caps, message);
            }
        };
    }

    private static long elapsedMs(Clock clock, Instant start) {
        return Math.max(0, Duration.between(start, clock.instant()).toMillis());
    }

    /** A round trip to the system a connector talks to. */
    @FunctionalInterface
    interface Probe {
        /**
         * Performs the round trip.
         *
         * @throws Exception when the system cannot be reached or does not answer correctly
         */
        void run() throws Exception;
    }
}
