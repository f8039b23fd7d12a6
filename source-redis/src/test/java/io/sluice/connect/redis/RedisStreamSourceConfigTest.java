package io.sluice.connect.redis;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisStreamSourceConfigTest {

    static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put("name", "orders-redis");
        props.put("redis.uri", "redis://localhost:6379/2");
        props.put("streams", "orders, refunds,orders");
        return props;
    }

    @Test
    void defaultsGiveOffsetModeFromTheStartWithAStreamTopicAndTheConnectorAsGroup() {
        RedisStreamSourceConfig config = new RedisStreamSourceConfig(minimal());
        assertThat(config.streams()).containsExactly("orders", "refunds");
        assertThat(config.deliveryMode()).isEqualTo(DeliveryMode.OFFSET);
        assertThat(config.startPosition().earliest()).isTrue();
        assertThat(config.groupName()).isEqualTo("orders-redis");
        assertThat(config.topic().topicFor("orders:eu")).isEqualTo("orders_eu");
        assertThat(config.endpoint().database()).isEqualTo(2);
        assertThat(config.endpoint().tls()).isFalse();
        assertThat(config.valueFormat()).isEqualTo(ValueFormat.STRUCT);
        assertThat(config.keyField()).isEmpty();
    }

    @Test
    void seedNamesAreAliasesAndSettingBothFormsIsAnError() {
        Map<String, String> props = minimal();
        props.remove("streams");
        props.put("stream_names", "a,b");
        props.put("consumer_group", "seed-group");
        props.put("batch_size", "7");
        RedisStreamSourceConfig config = new RedisStreamSourceConfig(props);
        assertThat(config.streams()).containsExactly("a", "b");
        assertThat(config.groupName()).isEqualTo("seed-group");
        assertThat(config.batchSize()).isEqualTo(7);

        props.put("batch.size", "8");
        assertThatThrownBy(() -> new RedisStreamSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("batch.size").hasMessageContaining("batch_size");
    }

    @Test
    void streamsAndPatternAreExclusiveAndOneIsRequired() {
        Map<String, String> both = minimal();
        both.put("streams.pattern", "orders:*");
        assertThatThrownBy(() -> new RedisStreamSourceConfig(both)).hasMessageContaining("not both");
        Map<String, String> neither = minimal();
        neither.remove("streams");
        assertThatThrownBy(() -> new RedisStreamSourceConfig(neither)).hasMessageContaining("streams.pattern");
    }

    @Test
    void groupModeClaimsOnlyEntriesIdleLongerThanTheProducerMayHoldThem() {
        Map<String, String> props = minimal();
        props.put("delivery.mode", "group");
        assertThat(new RedisStreamSourceConfig(props).claimMinIdleMs()).isGreaterThan(120_000L);
        props.put("group.claim.min.idle.ms", "60000");
        assertThatThrownBy(() -> new RedisStreamSourceConfig(props)).hasMessageContaining("group.claim.min.idle.ms")
                .hasMessageContaining("120000").hasMessageContaining("producer.override.delivery.timeout.ms");
        props.put("producer.override.delivery.timeout.ms", "60000");
        assertThatThrownBy(() -> new RedisStreamSourceConfig(props)).hasMessageContaining("60000 ms");
        props.put("producer.override.delivery.timeout.ms", "30000");
        assertThat(new RedisStreamSourceConfig(props).claimMinIdleMs()).isEqualTo(60_000L);
        props.put("delivery.mode", "offset");
        props.remove("producer.override.delivery.timeout.ms");
        assertThat(new RedisStreamSourceConfig(props).claimMinIdleMs()).as("not used in offset mode")
                .isEqualTo(60_000L);
    }

    @Test
    void jsonValuesNeedTheirField() {
        Map<String, String> props = minimal();
        props.put("value.format", "JSON");
        assertThatThrownBy(() -> new RedisStreamSourceConfig(props)).hasMessageContaining("value.json.field");
        props.put("value.json.field", "payload");
        assertThat(new RedisStreamSourceConfig(props).valueJsonField()).isEqualTo("payload");
    }

    @Test
    void theUriTakesRedisOrRedissAndNoCredentials() {
        Map<String, String> props = minimal();
        props.put("redis.uri", "rediss://cache.example.com");
        props.put("redis.user", "sluice");
        props.put("redis.password", "s3cret");
        RedisStreamSourceConfig config = new RedisStreamSourceConfig(props);
        assertThat(config.endpoint().tls()).isTrue();
        assertThat(config.endpoint().port()).isEqualTo(6379);
        assertThat(config.endpoint().password().value()).isEqualTo("s3cret");
        assertThat(config.endpoint().toString() + config.endpoint().password()).doesNotContain("s3cret");
        assertThat(config.endpoint().toString()).doesNotContain("s3cret").contains("sluice");

        props.put("redis.uri", "redis://user:s3cret@cache:6379");
        assertThatThrownBy(() -> new RedisStreamSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("redis.password").satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("s3cret"));
        props.put("redis.uri", "http://cache:6379");
        assertThatThrownBy(() -> new RedisStreamSourceConfig(props)).hasMessageContaining("rediss://");
        props.put("redis.uri", "redis://cache:6379/zero");
        assertThatThrownBy(() -> new RedisStreamSourceConfig(props)).hasMessageContaining("database number");
    }

    @Test
    void startIdIsEarliestLatestOrAnEntryId() {
        assertThat(StartPosition.parse("start.id", "LATEST").latest()).isTrue();
        assertThat(StartPosition.parse("start.id", "$").latest()).isTrue();
        assertThat(StartPosition.parse("start.id", "0").earliest()).isTrue();
        assertThat(StartPosition.parse("start.id", "1700000000000-5").id().toString()).isEqualTo("1700000000000-5");
        assertThat(StartPosition.parse("start.id", "1700000000000").id().toString()).isEqualTo("1700000000000-0");
        Map<String, String> props = minimal();
        props.put("start.id", "yesterday");
        assertThatThrownBy(() -> new RedisStreamSourceConfig(props)).hasMessageContaining("start.id")
                .hasMessageContaining("earliest");
    }

    @Test
    void topicTemplatesKnowOnlyTheStream() {
        Map<String, String> props = minimal();
        props.put("topic", "redis-${table}");
        assertThatThrownBy(() -> new RedisStreamSourceConfig(props)).hasMessageContaining("${stream}");
        assertThat(TopicTemplate.parse("fixed").topicFor("a:b")).isEqualTo("fixed");
        assertThat(TopicTemplate.parse("r.${stream}").topicFor("a b/c")).isEqualTo("r.a_b_c");
    }

    @Test
    void theErrorTopicIsRequiredForTheErrorTopicPolicy() {
        Map<String, String> props = minimal();
        props.put("bad.record.policy", "error_topic");
        assertThatThrownBy(() -> new RedisStreamSourceConfig(props)).hasMessageContaining("bad.record.topic");
    }

    @Test
    void thePasswordIsAPasswordKey() {
        assertThat(RedisStreamSourceConfig.CONFIG_DEF.configKeys().get("redis.password").type)
                .isEqualTo(org.apache.kafka.common.config.ConfigDef.Type.PASSWORD);
    }
}
