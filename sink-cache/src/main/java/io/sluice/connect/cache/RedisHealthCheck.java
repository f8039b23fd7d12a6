package io.sluice.connect.cache;

import io.sluice.connect.common.health.HealthCheck;
import io.sluice.connect.common.health.HealthReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import redis.clients.jedis.Jedis;

/**
 * The connector's health: a {@code PING} over a fresh connection with the configured credentials and timeout
 * ({@code connected}, {@code response_time_ms}), the configuration's capabilities, and as the error either the
 * PING's failure or the last failed batch of this worker's tasks when none has succeeded since.
 */
final class RedisHealthCheck implements HealthCheck {

    private final RedisEndpoint endpoint;
    private final List<String> capabilities;
    private final WriteStatus status;
    private final Clock clock;

    RedisHealthCheck(RedisEndpoint endpoint, List<String> capabilities, WriteStatus status, Clock clock) {
        this.endpoint = endpoint;
        this.capabilities = List.copyOf(capabilities);
        this.status = status;
        this.clock = clock;
    }

    @Override
    public HealthReport check() {
        Instant start = clock.instant();
        try (Jedis jedis = endpoint.connect()) {
            jedis.ping();
        } catch (RuntimeException e) {
            return HealthReport.unhealthy(false, elapsed(start), start, capabilities,
                    "PING to Redis at " + endpoint + " failed: " + e.getMessage());
        }
        long elapsedMs = elapsed(start);
        String writeError = status.currentError();
        if (writeError != null) {
            return HealthReport.unhealthy(true, elapsedMs, start, capabilities, writeError);
        }
        return HealthReport.healthy(elapsedMs, start, capabilities);
    }

    private long elapsed(Instant start) {
        return Math.max(0, Duration.between(start, clock.instant()).toMillis());
    }
}
