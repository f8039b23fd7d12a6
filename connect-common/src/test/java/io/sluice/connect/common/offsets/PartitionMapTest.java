package io.sluice.connect.common.offsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.junit.jupiter.api.Test;

class PartitionMapTest {

    private static Map<String, Object> partition() {
        Map<String, Object> map = new HashMap<>();
        map.put("path", "/data/in/orders.csv");
        map.put("file.id", "2049:131075");
        return map;
    }

    @Test
    void equalsAndHashesAsTheMapItWasMadeFrom() {
        Map<String, Object> source = partition();
        PartitionMap copy = PartitionMap.of(source);

        assertThat(copy).isEqualTo(source);
        assertThat(source).isEqualTo(copy);
        assertThat(copy.hashCode()).isEqualTo(source.hashCode());
        assertThat(copy.get("path")).isEqualTo("/data/in/orders.csv");
        assertThat(copy.containsKey("file.id")).isTrue();
        assertThat(copy.containsKey("other")).isFalse();
        assertThat(copy).hasSize(2);
        assertThat(copy).isNotEqualTo(Map.of("path", "/data/in/orders.csv"));
    }

    @Test
    void findsTheSameEntryOfAHashMapAsTheOriginal() {
        Map<Map<String, Object>, String> byPartition = new HashMap<>();
        byPartition.put(partition(), "offset");

        assertThat(byPartition.get(PartitionMap.of(partition()))).isEqualTo("offset");
    }

    @Test
    void keepsTheOrderOfTheOriginalSoTheStoredJsonIsTheSame() {
        Map<String, Object> hashOrder = partition();
        Map<String, Object> otherOrder = reversed(hashOrder);
        assertThat(List.copyOf(otherOrder.keySet())).isNotEqualTo(List.copyOf(hashOrder.keySet()));

        assertSameOrderAndJson(hashOrder, PartitionMap.of(hashOrder));
        assertSameOrderAndJson(otherOrder, PartitionMap.of(otherOrder));
    }

    private static Map<String, Object> reversed(Map<String, Object> map) {
        List<String> keys = new ArrayList<>(map.keySet());
        Collections.reverse(keys);
        Map<String, Object> reversed = new LinkedHashMap<>();
        keys.forEach(key -> reversed.put(key, map.get(key)));
        return reversed;
    }

    private static void assertSameOrderAndJson(Map<String, Object> source, PartitionMap copy) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, false), true);

        assertThat(List.copyOf(copy.keySet())).isEqualTo(List.copyOf(source.keySet()));
        assertThat(converter.fromConnectData("offsets", null, copy))
                .isEqualTo(converter.fromConnectData("offsets", null, source));
    }

    @Test
    void cannotBeChangedNorSeesChangesToTheOriginal() {
        Map<String, Object> source = partition();
        PartitionMap copy = PartitionMap.of(source);
        source.put("path", "/elsewhere");

        assertThat(copy.get("path")).isEqualTo("/data/in/orders.csv");
        assertThat(PartitionMap.of(copy)).isSameAs(copy);
        assertThatThrownBy(() -> copy.put("path", "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
