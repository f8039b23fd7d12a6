package io.sluice.connect.common.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.connect.common.config.ValidationResults;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

/** The retry, rate-limit and bad-record fragments. */
class ConfigFragmentsTest {

    private static ConfigDef def() {
        ConfigDef def = new ConfigDef();
        new RetryPolicyConfig().define(def);
        new RateLimitConfig().define(def);
        new BadRecordConfig().define(def);
        return def;
    }

    private static AbstractConfig parse(Map<String, String> props) {
        return new AbstractConfig(def(), props);
    }

    private static Config validate(Map<String, String> props) {
        Config result = new Config(new ArrayList<>(def().validate(props)));
        RetryPolicyConfig.validate(props, result);
        BadRecordConfig.validate(props, result);
        return result;
    }

    private static Map<String, List<String>> errors(Config cfg) {
        return cfg.configValues().stream()
                .filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    @Test
    void definesTheContractKeysInTheirGroups() {
        ConfigDef def = def();
        assertThat(def.names()).containsExactlyInAnyOrder("retry.max.attempts", "retry.backoff.initial.ms",
                "retry.backoff.max.ms", "rate.limit.records.per.second", "bad.record.policy", "bad.record.topic");
        assertThat(def.groups()).containsExactly("Retry", "Rate limiting", "Bad records");
        assertThat(def.configKeys().values()).allSatisfy(k -> assertThat(k.documentation).isNotBlank());
    }

    @Test
    void defaults() {
        AbstractConfig cfg = parse(Map.of());
        assertThat(RetryPolicyConfig.policy(cfg).maxAttempts()).isEqualTo(10);
        assertThat(RateLimitConfig.recordsPerSecond(cfg)).isZero();
        assertThat(RateLimitConfig.tokenBucket(cfg, new FakeClock(Instant.EPOCH)).isUnlimited()).isTrue();
        assertThat(BadRecordConfig.policy(cfg)).isEqualTo(BadRecordPolicy.FAIL);
        assertThat(BadRecordConfig.topic(cfg)).isEmpty();
        assertThat(ValidationResults.hasErrors(validate(Map.of()))).isFalse();
    }

    @Test
    void retryPolicyFromConfig() {
        RetryPolicy policy = RetryPolicyConfig.policy(parse(Map.of(
                "retry.max.attempts", "3", "retry.backoff.initial.ms", "50", "retry.backoff.max.ms", "400")));

        assertThat(policy.maxAttempts()).isEqualTo(3);
        assertThat(policy.initialBackoff()).isEqualTo(Duration.ofMillis(50));
        assertThat(policy.maxBackoff()).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.jitter()).isEqualTo(RetryPolicy.DEFAULT_JITTER);
    }

    @Test
    void maxBackoffBelowInitialIsReportedOnTheMaxKey() {
        Map<String, String> props = Map.of("retry.backoff.initial.ms", "5000", "retry.backoff.max.ms", "100");

        assertThat(errors(validate(props))).containsOnlyKeys("retry.backoff.max.ms");
        assertThat(errors(validate(props)).get("retry.backoff.max.ms")).singleElement().asString()
                .contains("retry.backoff.initial.ms", "5000");
        assertThatThrownBy(() -> RetryPolicyConfig.policy(parse(props)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("retry.backoff.max.ms");
    }

    @Test
    void perKeyValidation() {
        Map<String, List<String>> errors = errors(validate(Map.of(
                "retry.max.attempts", "0", "rate.limit.records.per.second", "-1", "bad.record.policy", "ignore",
                "retry.backoff.max.ms", "abc")));

        assertThat(errors).containsOnlyKeys("retry.max.attempts", "rate.limit.records.per.second",
                "bad.record.policy", "retry.backoff.max.ms");
    }

    @Test
    void rateLimitBuildsABucketWithOneSecondOfBurst() {
        FakeClock clock = new FakeClock(Instant.EPOCH);
        TokenBucket bucket = RateLimitConfig.tokenBucket(parse(Map.of("rate.limit.records.per.second", "2.5")),
                clock);

        assertThat(bucket.tryAcquire(3)).isTrue();
        assertThat(bucket.tryAcquire(1)).isFalse();
        assertThat(bucket.waitTime(1)).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void errorTopicPolicyRequiresATopic() {
        Map<String, String> props = Map.of("bad.record.policy", "ERROR_TOPIC");

        assertThat(errors(validate(props))).containsOnlyKeys("bad.record.topic");
        assertThat(errors(validate(props)).get("bad.record.topic")).singleElement().asString()
                .contains("error_topic");
        assertThatThrownBy(() -> BadRecordConfig.topic(parse(props)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad.record.topic");
    }

    @Test
    void errorTopicPolicyWithATopic() {
        AbstractConfig cfg = parse(Map.of("bad.record.policy", "error_topic", "bad.record.topic", "csv-errors"));

        assertThat(BadRecordConfig.policy(cfg)).isEqualTo(BadRecordPolicy.ERROR_TOPIC);
        assertThat(BadRecordConfig.topic(cfg)).isEqualTo("csv-errors");
        assertThat(ValidationResults.hasErrors(validate(
                Map.of("bad.record.policy", "error_topic", "bad.record.topic", "csv-errors")))).isFalse();
    }

    @Test
    void badTopicNamesAreRejected() {
        assertThat(errors(validate(Map.of("bad.record.policy", "error_topic", "bad.record.topic", "bad topic!"))))
                .containsOnlyKeys("bad.record.topic");
    }

    @Test
    void topicIsVisibleOnlyForTheErrorTopicPolicy() {
        Map<String, Boolean> visible = def().validate(Map.of("bad.record.policy", "skip")).stream()
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::visible));
        assertThat(visible).containsEntry("bad.record.topic", false).containsEntry("bad.record.policy", true);
    }

    @Test
    void headerNames() {
        assertThat(List.of(BadRecordConfig.HEADER_REASON, BadRecordConfig.HEADER_SOURCE, BadRecordConfig.HEADER_LINE,
                BadRecordConfig.HEADER_POSITION, BadRecordConfig.HEADER_CONNECTOR))
                .containsExactly("sluice.error.reason", "sluice.error.source", "sluice.error.line",
                        "sluice.error.position", "sluice.error.connector");
    }
}
