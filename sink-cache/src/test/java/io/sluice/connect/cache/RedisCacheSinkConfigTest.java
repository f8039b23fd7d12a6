package io.sluice.connect.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class RedisCacheSinkConfigTest {

    private static Map<String, String> props(String... keyValues) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "cache");
        props.put("key.template", "user:${value.id}");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    @Test
    void defaultsConnectToLocalRedisAndStoreJsonWithoutTtl() {
        RedisCacheSinkConfig config = new RedisCacheSinkConfig(props());
        assertThat(config.endpoint()).hasToString("redis://localhost:6379");
        assertThat(config.valueFormat()).isEqualTo(ValueFormat.JSON);
        assertThat(config.newerWins()).isEqualTo(NewerWinsMode.NONE);
        assertThat(config.newerWinsScript()).isNull();
        assertThat(config.capabilities()).containsExactly("pipelining", "tombstones", "key_templates", "value_json");
        assertThat(config.retryPolicy().maxAttempts()).isEqualTo(10);
    }

    @Test
    void theSeedAliasTtlSetsTheFixedTtlAndConflictsWithTheKey() {
        RedisCacheSinkConfig config = new RedisCacheSinkConfig(props("ttl", "30", "newer.wins", "TIMESTAMP"));
        assertThat(config.getLong(RedisCacheSinkConfig.TTL_SECONDS_CONFIG)).isEqualTo(30L);
        assertThat(config.capabilities()).contains("ttl", "newer_wins");
        assertThatThrownBy(() -> new RedisCacheSinkConfig(props("ttl", "30", "ttl.seconds", "60")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("Remove 'ttl'");
    }

    @Test
    void theUriMustBeRedisWithAHostAndWithoutAPassword() {
        assertThatThrownBy(() -> new RedisCacheSinkConfig(props("redis.uri", "http://cache:6379")))
                .hasMessageContaining("must start with redis://");
        assertThatThrownBy(() -> new RedisCacheSinkConfig(props("redis.uri", "redis://app:secret@cache:6379/0")))
                .hasMessageContaining("set redis.password").hasMessageNotContaining("secret@");
        assertThatThrownBy(() -> new RedisCacheSinkConfig(props("redis.uri", "redis://cache:6379/users")))
                .hasMessageContaining("database number");
        RedisCacheSinkConfig tls = new RedisCacheSinkConfig(props("redis.uri", "rediss://cache.example.com:6380/2",
                "redis.user", "app", "redis.password", "secret"));
        assertThat(tls.endpoint().toString()).isEqualTo("rediss://cache.example.com:6380 as app")
                .doesNotContain("secret");
        assertThat(tls.toString()).doesNotContain("secret");
        assertThat(tls.endpoint().clientConfig().isSsl()).isTrue();
        assertThat(tls.endpoint().clientConfig().getSslParameters().getEndpointIdentificationAlgorithm())
                .as("rediss:// checks that the certificate names the host").isEqualTo("HTTPS");
    }

    @Test
    void crossFieldRulesNameTheKeyToFix() {
        assertThatThrownBy(() -> new RedisCacheSinkConfig(props("newer.wins", "field")))
                .hasMessageContaining("newer.wins.field: must be set when newer.wins=field");
        assertThatThrownBy(() -> new RedisCacheSinkConfig(props("newer.wins.field", "version")))
                .hasMessageContaining("would be ignored");
        assertThatThrownBy(() -> new RedisCacheSinkConfig(props("value.format", "bytes", "ttl.field", "ttl")))
                .hasMessageContaining("key.template: reads a field of the value")
                .hasMessageContaining("ttl.field: reads a field of the value");
        assertThatThrownBy(() -> new RedisCacheSinkConfig(props("value.format", "csv")))
                .hasMessageContaining("must be one of json, hash, bytes");
        assertThatThrownBy(() -> new RedisCacheSinkConfig(Map.of("name", "cache")))
                .hasMessageContaining("key.template");
    }
}
