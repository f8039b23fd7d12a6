package io.sluice.connect.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.connect.common.health.HealthRegistry;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.junit.jupiter.api.Test;

class RedisCacheSinkConnectorTest {

    private static Map<String, String> props(String name) {
        Map<String, String> props = new HashMap<>();
        props.put("name", name);
        props.put("connector.class", RedisCacheSinkConnector.class.getName());
        props.put("topics", "users");
        props.put("key.template", "user:${value.id}");
        props.put("ttl", "60");
        return props;
    }

    @Test
    void everyTaskGetsTheConfigurationWithAliasesApplied() {
        RedisCacheSinkConnector connector = new RedisCacheSinkConnector();
        connector.start(props("cache-tasks"));
        try {
            List<Map<String, String>> configs = connector.taskConfigs(3);
            assertThat(configs).hasSize(3).allSatisfy(c -> assertThat(c)
                    .containsEntry("ttl.seconds", "60").doesNotContainKey("ttl"));
            assertThat(connector.taskClass()).isEqualTo(RedisCacheSinkTask.class);
            assertThat(connector.version()).isNotBlank();
            assertThat(ManagementFactory.getPlatformMBeanServer()
                    .isRegistered(HealthRegistry.objectName("cache-tasks"))).isTrue();
        } finally {
            connector.stop();
        }
        assertThat(ManagementFactory.getPlatformMBeanServer()
                .isRegistered(HealthRegistry.objectName("cache-tasks"))).isFalse();
    }

    @Test
    void validateReportsAliasConflictsOnBothNames() {
        Map<String, String> props = props("cache-validate");
        props.put("ttl.seconds", "30");
        // an unusable redis.uri keeps validate() from testing a live connection: this test needs no server
        props.put("redis.uri", "http://not-redis");
        Config result = new RedisCacheSinkConnector().validate(props);
        assertThat(errors(result, "ttl")).anyMatch(m -> m.contains("Remove 'ttl'"));
        assertThat(errors(result, "ttl.seconds")).anyMatch(m -> m.contains("Remove 'ttl'"));
        assertThat(errors(result, "redis.uri")).as("the connection is not tried").hasSize(1)
                .noneMatch(m -> m.contains("answered"));
    }

    private static List<String> errors(Config result, String key) {
        return result.configValues().stream().filter(v -> v.name().equals(key))
                .flatMap(v -> v.errorMessages().stream()).toList();
    }

}
