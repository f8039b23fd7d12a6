package io.sluice.connect.common.offsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class OffsetMapsTest {

    @Test
    void readsLongsWhateverNumberTypeCameBack() {
        Map<String, Object> offset = Map.of("i", 42, "l", 42L, "s", " 42 ", "sh", (short) 42, "d", 42.0,
                "bi", BigInteger.valueOf(42), "bd", new BigDecimal("42"));

        for (String key : offset.keySet()) {
            assertThat(OffsetMaps.getLong(offset, key)).as(key).isEqualTo(42L);
        }
        assertThat(OffsetMaps.getLong(Map.of("big", Long.MAX_VALUE), "big")).isEqualTo(Long.MAX_VALUE);
        assertThat(OffsetMaps.getLong(Map.of("big", String.valueOf(Long.MIN_VALUE)), "big"))
                .isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void aMissingFieldNamesTheKey() {
        assertThatThrownBy(() -> OffsetMaps.getLong(Map.of("position", 1), "record"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'record'")
                .hasMessageContaining("position");
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("record", null);
        assertThatThrownBy(() -> OffsetMaps.getLong(withNull, "record")).hasMessageContaining("'record'");
        assertThatThrownBy(() -> OffsetMaps.getLong(null, "record")).hasMessageContaining("'record'");
    }

    @Test
    void aBadValueNamesTheKeyAndTheValue() {
        assertThatThrownBy(() -> OffsetMaps.getLong(Map.of("position", "12abc"), "position"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'position'")
                .hasMessageContaining("12abc");
        assertThatThrownBy(() -> OffsetMaps.getLong(Map.of("position", 1.5), "position"))
                .hasMessageContaining("'position'");
        assertThatThrownBy(() -> OffsetMaps.getLong(Map.of("position", Double.NaN), "position"))
                .hasMessageContaining("'position'");
        assertThatThrownBy(() -> OffsetMaps.getLong(Map.of("position", List.of(1)), "position"))
                .hasMessageContaining("'position'");
        assertThatThrownBy(() -> OffsetMaps.getLong(Map.of("position", new BigInteger("99999999999999999999")),
                "position")).hasMessageContaining("'position'");
    }

    @Test
    void optLongIsEmptyOnlyWhenAbsent() {
        assertThat(OffsetMaps.optLong(Map.of(), "lsn")).isEmpty();
        assertThat(OffsetMaps.optLong(Map.of("lsn", 7), "lsn")).isEqualTo(OptionalLong.of(7));
        assertThatThrownBy(() -> OffsetMaps.optLong(Map.of("lsn", "x"), "lsn"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsIntsWithARangeCheck() {
        assertThat(OffsetMaps.getInt(Map.of("n", 5L), "n")).isEqualTo(5);
        assertThat(OffsetMaps.getInt(Map.of("n", "5"), "n")).isEqualTo(5);
        assertThatThrownBy(() -> OffsetMaps.getInt(Map.of("n", 1L << 40), "n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'n'");
    }

    @Test
    void readsStrings() {
        assertThat(OffsetMaps.getString(Map.of("path", "/data/a.csv"), "path")).isEqualTo("/data/a.csv");
        assertThat(OffsetMaps.getString(Map.of("id", 17L), "id")).isEqualTo("17");
        assertThat(OffsetMaps.optString(Map.of(), "id")).isEmpty();
        assertThatThrownBy(() -> OffsetMaps.getString(Map.of(), "path")).hasMessageContaining("'path'");
        assertThatThrownBy(() -> OffsetMaps.getString(Map.of("path", Map.of()), "path"))
                .hasMessageContaining("'path'");
    }

    @Test
    void readsBooleans() {
        assertThat(OffsetMaps.getBoolean(Map.of("eof", true), "eof", false)).isTrue();
        assertThat(OffsetMaps.getBoolean(Map.of("eof", "TRUE"), "eof", false)).isTrue();
        assertThat(OffsetMaps.getBoolean(Map.of(), "eof", false)).isFalse();
        assertThatThrownBy(() -> OffsetMaps.getBoolean(Map.of("eof", 1), "eof", false))
                .hasMessageContaining("'eof'");
    }

    @Test
    void checksTheVersion() {
        assertThat(OffsetMaps.version(Map.of("v", 1), 1)).isEqualTo(1);
        assertThat(OffsetMaps.version(Map.of("v", 2L), 1, 2)).isEqualTo(2);
        assertThatThrownBy(() -> OffsetMaps.version(Map.of("v", 3), 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 3")
                .hasMessageContaining("1, 2");
        assertThatThrownBy(() -> OffsetMaps.version(Map.of("position", 1), 1))
                .hasMessageContaining("'v'");
        assertThat(OffsetMaps.VERSION_KEY).isEqualTo("v");
    }
}
