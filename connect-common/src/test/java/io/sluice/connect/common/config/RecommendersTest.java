package io.sluice.connect.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class RecommendersTest {

    enum Policy { FAIL, SKIP, ERROR_TOPIC }

    @Test
    void enumValuesRecommendsLowerCaseNames() {
        ConfigDef.Recommender r = Recommenders.enumValues(Policy.class);
        assertThat(r.validValues("policy", Map.of())).containsExactly("fail", "skip", "error_topic");
        assertThat(r.visible("policy", Map.of())).isTrue();
    }

    @Test
    void visibleIfMatchesAnyValueIgnoringCase() {
        ConfigDef.Recommender r = Recommenders.visibleIf("policy", "error_topic", "skip");
        assertThat(r.visible("topic", Map.of("policy", "ERROR_TOPIC"))).isTrue();
        assertThat(r.visible("topic", Map.of("policy", "skip"))).isTrue();
        assertThat(r.visible("topic", Map.of("policy", "fail"))).isFalse();
        assertThat(r.visible("topic", Map.of())).isFalse();
        assertThat(r.validValues("topic", Map.of("policy", "skip"))).isEmpty();
    }

    @Test
    void visibleIfComparesNonStringValues() {
        ConfigDef.Recommender r = Recommenders.visibleIf("csv.header", true);
        assertThat(r.visible("x", Map.of("csv.header", Boolean.TRUE))).isTrue();
        assertThat(r.visible("x", Map.of("csv.header", Boolean.FALSE))).isFalse();
    }

    @Test
    void drivesConnectValidation() {
        ConfigDef def = new ConfigDef()
                .define("policy", ConfigDef.Type.STRING, "fail", Validators.oneOfIgnoreCase(Policy.class),
                        ConfigDef.Importance.LOW, "doc", "g", 1, ConfigDef.Width.SHORT, "Policy",
                        Recommenders.enumValues(Policy.class))
                .define("topic", ConfigDef.Type.STRING, "", null, ConfigDef.Importance.LOW, "doc", "g", 2,
                        ConfigDef.Width.SHORT, "Topic", List.of(), Recommenders.visibleIf("policy", "error_topic"));

        Map<String, ConfigValue> failing = byName(def.validate(Map.of("policy", "fail")));
        Map<String, ConfigValue> routing = byName(def.validate(Map.of("policy", "error_topic")));

        assertThat(failing.get("policy").recommendedValues()).containsExactly("fail", "skip", "error_topic");
        assertThat(failing.get("topic").visible()).isFalse();
        assertThat(routing.get("topic").visible()).isTrue();
    }

    private static Map<String, ConfigValue> byName(List<ConfigValue> values) {
        return values.stream().collect(java.util.stream.Collectors.toMap(ConfigValue::name, v -> v));
    }
}
