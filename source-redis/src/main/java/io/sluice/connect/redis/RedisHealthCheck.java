package io.sluice.connect.redis;

import io.sluice.connect.common.health.HealthCheck;
import io.sluice.connect.common.health.HealthReport;
import redis.clients.jedis.Jedis;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The connector's health: a {@code PING} over a new connection (connected, response time), the capabilities of
 * its mode, and the last error, which is the failed round trip or, when Redis answers, a failed stream discovery.
 */
final class RedisHealthCheck implements HealthCheck {

    private final RedisStreamSourceConfig config;
    private final Clock clock;
    private final Supplier<String> discoveryError;
    private final List<String> capabilities;

    RedisHealthCheck(RedisStreamSourceConfig config, Clock clock, Supplier<String> discoveryError) {
        this.config = config;
        this.clock = clock;
        this.discoveryError = discoveryError;
        List<String> caps = new ArrayList<>(List.of("streams", "blocking_reads"));
        if (config.deliveryMode() == DeliveryMode.GROUP) {
            caps.addAll(List.of("consumer_group", "at_least_once", "reclaim_pending"));
        } else {
            caps.addAll(List.of("offsets", "exactly_once"));
        }
        if (!config.streamsPattern().isEmpty()) {
            caps.add("stream_discovery");
        }
        this.capabilities = List.copyOf(caps);
    }

    @Override
    public HealthReport check() {
        HealthReport probe = HealthCheck.probing(clock, Set.copyOf(capabilities), () -> {
            try (Jedis jedis = config.endpoint().open(config.connectorName() + "-health", 0)) {
                String pong = jedis.ping();
                if (!"PONG".equals(pong)) {
                    throw new IllegalStateException("PING answered " + pong);
                }
            }
        }).check();
        String error = discoveryError.get();
        if (probe.isHealthy() && error != null) {
            return HealthReport.unhealthy(true, probe.responseTimeMs(), probe.lastCheck(), capabilities,
                    "cannot look for streams matching '" + config.streamsPattern() + "': " + error);
        }
        return probe;
    }
}
