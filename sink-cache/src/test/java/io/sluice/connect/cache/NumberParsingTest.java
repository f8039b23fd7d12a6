package io.sluice.connect.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NumberParsingTest {

    @Test
    void hugeExponentsAreRefusedWithoutScalingThem() {
        assertThat(NumberParsing.epochMillis("1e20000000")).isNull();
        assertThat(NumberParsing.toLong(new BigDecimal("1e20"), RoundingMode.FLOOR)).isNull();
        assertThat(NumberParsing.toLong(new BigDecimal("9223372036854775807.9"), RoundingMode.FLOOR))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(NumberParsing.toLong(new BigDecimal("9223372036854775808"), RoundingMode.FLOOR)).isNull();
    }

    @Test
    void tinyMagnitudesRoundByDirectionOnly() {
        BigDecimal tiny = new BigDecimal("1e-20000000");
        assertThat(NumberParsing.toLong(tiny, RoundingMode.FLOOR)).isZero();
        assertThat(NumberParsing.toLong(tiny, RoundingMode.CEILING)).isEqualTo(1L);
        assertThat(NumberParsing.toLong(tiny.negate(), RoundingMode.FLOOR)).isEqualTo(-1L);
        assertThat(NumberParsing.toLong(tiny.negate(), RoundingMode.CEILING)).isZero();
        assertThat(NumberParsing.toLong(BigDecimal.ZERO, RoundingMode.CEILING)).isZero();
        assertThat(NumberParsing.toLong(new BigDecimal("12.5"), RoundingMode.CEILING)).isEqualTo(13L);
    }

    @Test
    void aHugeTtlIsABadRecordNamingTheField() {
        TtlPolicy ttl = new TtlPolicy(0, FieldPath.parse("ttl"), TtlFieldType.SECONDS, Clock.systemUTC());
        assertThatThrownBy(() -> ttl.ttlMs(Map.of("ttl", "1e20000000"))).isInstanceOf(BadRecordException.class)
                .hasMessageContaining("ttl.field 'ttl'");
        TtlPolicy at = new TtlPolicy(0, FieldPath.parse("exp"), TtlFieldType.EXPIRE_AT, Clock.systemUTC());
        assertThatThrownBy(() -> at.ttlMs(Map.of("exp", "1e20000000"))).isInstanceOf(BadRecordException.class)
                .hasMessageContaining("ttl.field 'exp'");
    }
}
