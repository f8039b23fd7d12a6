package io.sluice.connect.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void reportsTheFilteredMavenVersion() {
        assertThat(Version.get())
                .isNotEqualTo(Version.UNKNOWN)
                .doesNotContain("${")
                .matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void anUnfilteredOrMissingValueIsUnknown() {
        assertThat(Version.parse("${project.version}")).isEqualTo(Version.UNKNOWN);
        assertThat(Version.parse(null)).isEqualTo(Version.UNKNOWN);
        assertThat(Version.parse(" ")).isEqualTo(Version.UNKNOWN);
        assertThat(Version.parse(" 1.2.3 ")).isEqualTo("1.2.3");
    }
}
