package io.sluice.connect.csv;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyExtractorTest {

    private static final Schema VALUE = SchemaBuilder.struct().name("t.Row")
            .field("order_id", Schema.OPTIONAL_INT64_SCHEMA)
            .field("region", Schema.OPTIONAL_STRING_SCHEMA)
            .field("amount", Schema.OPTIONAL_FLOAT64_SCHEMA)
            .build();

    private static final Struct ROW = new Struct(VALUE).put("order_id", 7L).put("region", "eu").put("amount", 1.5);

    @Test
    void noKeyColumnsMeansANullKey() throws Exception {
        KeyExtractor keys = KeyExtractor.forStruct(List.of(), VALUE, "f");
        assertThat(keys.schema()).isNull();
        assertThat(keys.extract(ROW)).isNull();
    }

    @Test
    void oneKeyColumnGivesItsValueMatchedAsWrittenOrInSafeForm() throws Exception {
        KeyExtractor keys = KeyExtractor.forStruct(List.of("order id"), VALUE, "f");
        assertThat(keys.schema()).isEqualTo(Schema.OPTIONAL_INT64_SCHEMA);
        assertThat(keys.extract(ROW)).isEqualTo(7L);
    }

    @Test
    void severalKeyColumnsGiveAStruct() throws Exception {
        KeyExtractor keys = KeyExtractor.forStruct(List.of("region", "order_id"), VALUE, "f");
        assertThat(keys.schema().name()).isEqualTo("t.Row_key");
        Struct key = (Struct) keys.extract(ROW);
        assertThat(key.schema().fields()).extracting(f -> f.name()).containsExactly("region", "order_id");
        assertThat(key.getString("region")).isEqualTo("eu");
        assertThat(key.getInt64("order_id")).isEqualTo(7L);
    }

    @Test
    void aKeyColumnTheFileLacksRejectsTheFileNamingTheFix() {
        assertThatThrownBy(() -> KeyExtractor.forStruct(List.of("customer"), VALUE, "/in/a.csv"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("key.columns names 'customer', but /in/a.csv has no such column (its columns: order_id, "
                        + "region, amount). Fix key.columns or the file's header");
        assertThatThrownBy(() -> KeyExtractor.forMap(List.of("customer"), List.of("id"), "/in/a.csv"))
                .isInstanceOf(UnreadableFileException.class);
    }

    @Test
    void schemalessKeysAreTheValueOrAMap() throws Exception {
        Map<String, Object> row = Map.of("id", "1", "region", "eu");
        assertThat(KeyExtractor.forMap(List.of("id"), List.of("id", "region"), "f").extract(row)).isEqualTo("1");
        assertThat(KeyExtractor.forMap(List.of("region", "id"), null, "f").extract(row))
                .isEqualTo(Map.of("region", "eu", "id", "1"));
        assertThat(KeyExtractor.forMap(List.of("missing"), null, "f").extract(row)).isNull();
    }
}
