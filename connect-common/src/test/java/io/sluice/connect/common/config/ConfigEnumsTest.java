package io.sluice.connect.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ConfigEnumsTest {

    enum Policy { FAIL, SKIP, ERROR_TOPIC }

    @Test
    void parsesLowerCaseNamesToConstants() {
        assertThat(ConfigEnums.parse(Policy.class, "bad.record.policy", "error_topic")).isEqualTo(Policy.ERROR_TOPIC);
        assertThat(ConfigEnums.parse(Policy.class, "bad.record.policy", " Skip ")).isEqualTo(Policy.SKIP);
        assertThat(ConfigEnums.parse(Policy.class, "bad.record.policy", "FAIL")).isEqualTo(Policy.FAIL);
    }

    @Test
    void aBadValueNamesTheKeyTheValueAndTheChoices() {
        assertThatThrownBy(() -> ConfigEnums.parse(Policy.class, "bad.record.policy", "ignore"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad.record.policy")
                .hasMessageContaining("ignore")
                .hasMessageContaining("fail, skip, error_topic");
        assertThatThrownBy(() -> ConfigEnums.parse(Policy.class, "bad.record.policy", null))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void namesAreLowerCase() {
        assertThat(ConfigEnums.name(Policy.ERROR_TOPIC)).isEqualTo("error_topic");
        assertThat(ConfigEnums.names(Policy.class)).containsExactly("fail", "skip", "error_topic");
    }
}
