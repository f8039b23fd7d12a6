package io.sluice.connect.postgres;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SplitOffsetTest {

    @Test
    void incrementalPositionRoundTripsWithOneFieldPerColumn() {
        SplitOffset.Incremental offset = new SplitOffset.Incremental(List.of("2024-05-01 10:00:00+00", "7"),
                List.of("42"));
        Map<String, Object> map = offset.toMap();
        assertThat(map).containsEntry("v", 1).containsEntry("mode", "incremental")
                .containsEntry("cursor", "2024-05-01 10:00:00+00").containsEntry("cursor.1", "7")
                .containsEntry("key", "42").hasSize(5);
        assertThat(SplitOffset.fromMap(map)).isEqualTo(offset);
    }

    @Test
    void fullRefreshOffsetRoundTripsAndReadsNumbersOfAnyShape() {
        SplitOffset.FullRefresh offset = new SplitOffset.FullRefresh(1_700_000_000_000L, List.of("a", "b"), true);
        assertThat(SplitOffset.fromMap(offset.toMap())).isEqualTo(offset);
        Map<String, Object> fromRest = new HashMap<>(Map.of("v", 1L, "mode", "full_refresh", "run", 5, "done", "false"));
        assertThat(SplitOffset.fromMap(fromRest)).isEqualTo(new SplitOffset.FullRefresh(5, null, false));
    }

    @Test
    void positionWithoutKeyMeansAfterEveryRowWithThatCursor() {
        SplitOffset offset = SplitOffset.fromMap(Map.of("v", 1, "mode", "incremental", "cursor", 100));
        assertThat(offset).isEqualTo(new SplitOffset.Incremental(List.of("100"), null));
        assertThat(offset.toMap()).doesNotContainKey("key");
    }

    @Test
    void aNullInAPositionIsRefusedRatherThanStoredAsAShorterPosition() {
        assertThatThrownBy(() -> new SplitOffset.Incremental(List.of("5"), java.util.Arrays.asList("a", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'key' cannot hold a NULL")
                .hasMessageContaining("primary.key");
        assertThatThrownBy(() -> new SplitOffset.FullRefresh(1L, java.util.Arrays.asList((String) null), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'key'");
    }

    @Test
    void malformedOffsetsNameTheField() {
        assertThatThrownBy(() -> SplitOffset.fromMap(Map.of("v", 1, "mode", "incremental")))
                .hasMessageContaining("'cursor'");
        assertThatThrownBy(() -> SplitOffset.fromMap(Map.of("v", 1, "mode", "cdc", "cursor", "1")))
                .hasMessageContaining("'mode'");
        assertThatThrownBy(() -> SplitOffset.fromMap(Map.of("v", 2, "mode", "incremental", "cursor", "1")))
                .hasMessageContaining("Unsupported offset version 2");
    }
}
