package io.sluice.connect.redis;

import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OffsetsTest {

    @Test
    void offsetsRoundTripAndReadNumbersOfAnyShape() {
        StreamOffset offset = new StreamOffset(new StreamEntryID(1700000000000L, 3));
        assertThat(offset.toMap()).containsEntry("v", 1).containsEntry("id", "1700000000000-3");
        assertThat(StreamOffset.fromMap(offset.toMap())).isEqualTo(offset);
        Map<String, Object> fromRest = new HashMap<>();
        fromRest.put("v", 1L);
        fromRest.put("id", "1700000000000-3");
        assertThat(StreamOffset.fromMap(fromRest)).isEqualTo(offset);
    }

    @Test
    void badOffsetsNameWhatIsWrong() {
        assertThatThrownBy(() -> StreamOffset.fromMap(Map.of("v", 2, "id", "1-0")))
                .hasMessageContaining("version 2");
        assertThatThrownBy(() -> StreamOffset.fromMap(Map.of("v", 1, "id", "soon")))
                .hasMessageContaining("not a stream entry id");
        assertThatThrownBy(() -> StreamOffset.fromMap(Map.of("v", 1))).hasMessageContaining("'id'");
        assertThatThrownBy(() -> StreamPartition.fromMap(Map.of("stream", ""))).hasMessageContaining("empty");
    }

    @Test
    void thePartitionIsAHashMapThatSerializesTheSameEveryTime() {
        Map<String, Object> partition = new StreamPartition("orders:eu").toMap();
        assertThat(partition).isInstanceOf(HashMap.class).containsExactly(Map.entry("stream", "orders:eu"));
        try (JsonConverter converter = new JsonConverter()) {
            converter.configure(Map.of("schemas.enable", "false"), true);
            byte[] once = converter.fromConnectData("t", null, partition);
            byte[] again = converter.fromConnectData("t", null, new StreamPartition("orders:eu").toMap());
            assertThat(new String(once, java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("{\"stream\":\"orders:eu\"}");
            assertThat(again).isEqualTo(once);
        }
        assertThat(StreamPartition.fromMap(partition).stream()).isEqualTo("orders:eu");
    }
}
