package io.sluice.connect.csv;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.connect.common.format.ReadPosition;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileOffsetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Object> throughJson(Map<String, ?> map) throws Exception {
        return JSON.readValue(JSON.writeValueAsString(map), new TypeReference<>() {
        });
    }

    @Test
    void anOffsetInTheMiddleOfAFileSurvivesAJsonRoundTripThatTurnsLongsIntoIntegers() throws Exception {
        FileOffset offset = new FileOffset(5120, 40, 42, false, -1, -1);
        Map<String, Object> stored = throughJson(offset.toMap());
        assertThat(stored.get("position")).isInstanceOf(Integer.class);

        assertThat(FileOffset.fromMap(stored)).isEqualTo(offset);
        assertThat(stored).isEqualTo(Map.of("v", 1, "position", 5120, "record", 40, "line", 42, "eof", false));
        assertThat(FileOffset.fromMap(stored).readPosition()).isEqualTo(new ReadPosition(5120, 40, 42));
    }

    @Test
    void theInProgressMapBehavesLikeAnyOtherMap() {
        Map<String, Object> map = FileOffset.inProgressMap(5120, 40, 42);
        Map<String, Object> expected = Map.of("v", 1, "position", 5120L, "record", 40L, "line", 42L, "eof", false);
        assertThat(map).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(expected).isEqualTo(map);
        assertThat(map.get("position")).isEqualTo(5120L);
        assertThat(map.get("size")).isNull();
        assertThat(map).containsOnlyKeys("v", "position", "record", "line", "eof");
        assertThat(new HashMap<>(map)).isEqualTo(expected);
    }

    @Test
    void anEndOfFileOffsetCarriesSizeAndModificationTime() throws Exception {
        FileOffset offset =
                new FileOffset(6_000_000_000L, 1_000_000, 1_000_002, true, 6_000_000_000L, 1_714_557_330_000L);
        Map<String, Object> map = offset.toMap();
        assertThat(map).containsEntry("eof", true).containsEntry("size", 6_000_000_000L)
                .containsEntry("mtime", 1_714_557_330_000L);
        assertThat(FileOffset.fromMap(throughJson(map))).isEqualTo(offset);
    }

    @Test
    void numbersMayBeStringsAndEofMayBeMissingOrText() {
        Map<String, Object> map = new HashMap<>(Map.of("v", "1", "position", "10", "record", 2L, "line", 3));
        assertThat(FileOffset.fromMap(map)).isEqualTo(new FileOffset(10, 2, 3, false, -1, -1));
        map.put("eof", "TRUE");
        assertThat(FileOffset.fromMap(map).eof()).isTrue();
    }

    @Test
    void invalidOffsetsNameWhatIsWrong() {
        assertThatThrownBy(() -> FileOffset.fromMap(Map.of("v", 2, "position", 1, "record", 0, "line", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2");
        assertThatThrownBy(() -> FileOffset.fromMap(Map.of("v", 1, "record", 0, "line", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position");
        assertThatThrownBy(() -> FileOffset.fromMap(Map.of("v", 1, "position", -1, "record", 0, "line", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position -1");
        assertThatThrownBy(() -> FileOffset.fromMap(Map.of("v", 1, "position", 0, "record", 0, "line", 1,
                "eof", "maybe"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eof");
    }

    @Test
    void aPartitionRoundTripsAndNeedsBothKeys() throws Exception {
        FilePartition partition = new FilePartition("/data/in/a.csv", "(dev=803,ino=1234)");
        assertThat(partition.toMap()).isEqualTo(Map.of("path", "/data/in/a.csv", "file.id", "(dev=803,ino=1234)"));
        assertThat(FilePartition.fromMap(throughJson(partition.toMap()))).isEqualTo(partition);
        assertThatThrownBy(() -> FilePartition.fromMap(Map.of("path", "/data/in/a.csv")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file.id");
    }
}
