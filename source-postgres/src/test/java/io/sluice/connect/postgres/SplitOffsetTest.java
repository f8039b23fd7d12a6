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
        assertThat(map).containsEntry("v", 2).containsEntry("mode", "incremental")
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
    void anOffsetNamesTheColumnsOfItsPositionAndAVersion1OffsetIsStillRead() {
        SplitOffset.Columns columns = new SplitOffset.Columns(List.of("updated_at", "seq"), List.of("id"));
        SplitOffset.Incremental offset = new SplitOffset.Incremental(List.of("2024-05-01 10:00:00+00", "7"),
                List.of("42"), columns);
        Map<String, Object> map = offset.toMap();
        assertThat(map).containsEntry("cursor.column", "updated_at").containsEntry("cursor.column.1", "seq")
                .containsEntry("key.column", "id").containsEntry("cursor", "2024-05-01 10:00:00+00");
        assertThat(SplitOffset.fromMap(map)).isEqualTo(offset);
        SplitOffset.FullRefresh run = new SplitOffset.FullRefresh(5, List.of("9"), false,
                new SplitOffset.Columns(List.of(), List.of("ctid")));
        assertThat(run.toMap()).containsEntry("key.column", "ctid").doesNotContainKey("cursor.column");
        assertThat(SplitOffset.fromMap(run.toMap())).isEqualTo(run);

        SplitOffset old = SplitOffset.fromMap(Map.of("v", 1, "mode", "incremental", "cursor", "5", "key", "1"));
        assertThat(old).isEqualTo(new SplitOffset.Incremental(List.of("5"), List.of("1"), null));
    }

    @Test
    void anOffsetOfOtherColumnsOrAnotherNumberOfValuesDoesNotFit() {
        SplitOffset.Incremental named = new SplitOffset.Incremental(List.of("5"), List.of("1"),
                new SplitOffset.Columns(List.of("seq"), List.of("id")));
        assertThat(named.misfit(List.of("seq"), List.of("id"))).isNull();
        assertThat(named.misfit(List.of("seq"), null)).as("key columns not known").isNull();
        assertThat(named.misfit(List.of("updated_at"), List.of("id")))
                .isEqualTo("it was written for cursor columns [seq] and key columns [id], not [updated_at] and [id]");
        assertThat(named.misfit(List.of("seq"), List.of("tenant", "id"))).contains("key columns [id]");

        SplitOffset.Incremental unnamed = new SplitOffset.Incremental(List.of("5"), List.of("1"));
        assertThat(unnamed.misfit(List.of("updated_at"), List.of("id"))).as("one value each: may fit").isNull();
        assertThat(unnamed.misfit(List.of("updated_at", "seq"), List.of("id")))
                .isEqualTo("it holds 1 cursor and 1 key values, not 2 for cursor columns [updated_at, seq] and 1 for "
                        + "key columns [id]");
        assertThat(unnamed.misfit(List.of("seq"), List.of("tenant", "id"))).isNotNull();
        assertThat(new SplitOffset.Incremental(List.of("5"), null).misfit(List.of("seq"), List.of("a", "b")))
                .as("after every row with this cursor: any key").isNull();
        assertThat(new SplitOffset.FullRefresh(1, List.of("a"), false).misfit(List.of(), List.of("x", "y")))
                .isNotNull();
    }

    @Test
    void malformedOffsetsNameTheField() {
        assertThatThrownBy(() -> SplitOffset.fromMap(Map.of("v", 1, "mode", "incremental")))
                .hasMessageContaining("'cursor'");
        assertThatThrownBy(() -> SplitOffset.fromMap(Map.of("v", 1, "mode", "cdc", "cursor", "1")))
                .hasMessageContaining("'mode'");
        assertThatThrownBy(() -> SplitOffset.fromMap(Map.of("v", 3, "mode", "incremental", "cursor", "1")))
                .hasMessageContaining("Unsupported offset version 3");
    }
}
