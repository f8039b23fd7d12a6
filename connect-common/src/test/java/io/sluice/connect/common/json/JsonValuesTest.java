package io.sluice.connect.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    @Test
    void writesAStructInFieldOrderWithDatesAsMillisDecimalsAsNumbersAndBytesAsBase64() {
        Schema schema = SchemaBuilder.struct()
                .field("id", Schema.INT64_SCHEMA)
                .field("amount", Decimal.schema(2))
                .field("at", Timestamp.SCHEMA)
                .field("raw", Schema.BYTES_SCHEMA)
                .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
                .field("note", Schema.OPTIONAL_STRING_SCHEMA)
                .build();
        Struct value = new Struct(schema)
                .put("id", 7L)
                .put("amount", new BigDecimal("12.50"))
                .put("at", new Date(1_700_000_000_000L))
                .put("raw", new byte[] {1, 2, 3})
                .put("tags", List.of("a", "b\"c"))
                .put("note", null);

        assertThat(new JsonValues().toText(value)).isEqualTo("{\"id\":7,\"amount\":12.50,\"at\":1700000000000,"
                + "\"raw\":\"AQID\",\"tags\":[\"a\",\"b\\\"c\"],\"note\":null}");
    }

    @Test
    void writesMapsOfEveryScalarTypeAsUtf8() {
        Map<Object, Object> value = new LinkedHashMap<>();
        value.put("s", "héllo");
        value.put("t", true);
        value.put("i", 3);
        value.put("short", (short) 4);
        value.put("d", 1.5d);
        value.put("f", 0.25f);
        value.put("big", new BigInteger("123456789012345678901234567890"));
        value.put("buffer", ByteBuffer.wrap(new byte[] {(byte) 0xff}));
        value.put(5, Map.of("nested", List.of()));

        byte[] json = new JsonValues().toBytes(value);

        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"s\":\"héllo\",\"t\":true,\"i\":3,"
                + "\"short\":4,\"d\":1.5,\"f\":0.25,\"big\":123456789012345678901234567890,\"buffer\":\"/w==\","
                + "\"5\":{\"nested\":[]}}");
        assertThat(Arrays.copyOfRange(json, 7, 9)).isEqualTo("é".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesOneValueAfterAnotherWithoutSeparators() {
        JsonValues json = new JsonValues();
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {1, 2});

        assertThat(json.toText(buffer)).isEqualTo("\"AQI=\"");
        assertThat(buffer.remaining()).isEqualTo(2);
        assertThat(json.toText(List.of(1, 2))).isEqualTo("[1,2]");
        assertThat(json.toText(null)).isEqualTo("null");
    }

    @Test
    void aValueNestedTooDeepFailsAndTheNextValuesAreWrittenWhole() {
        JsonValues json = new JsonValues();
        Object deep = "leaf";
        for (int i = 0; i < 1_100; i++) {
            deep = List.of(deep);
        }
        Object tooDeep = deep;

        assertThatThrownBy(() -> json.toText(tooDeep)).hasMessageContaining("nesting depth");
        assertThat(json.toText(Map.of("a", 1))).isEqualTo("{\"a\":1}");
        assertThat(json.toText(List.of("b"))).isEqualTo("[\"b\"]");
    }

    @Test
    void aValueLargerThanTheKeptBufferIsWrittenWholeAndSoIsTheNext() {
        JsonValues json = new JsonValues();
        String large = "x".repeat(3 << 20);

        assertThat(json.toBytes(large)).hasSize(large.length() + 2);
        assertThat(json.toText(Map.of("a", "b"))).isEqualTo("{\"a\":\"b\"}");
    }

    @Test
    void writesTextOutsideTheBmpAsUtf8AndFloatsAsFloats() {
        JsonValues json = new JsonValues();

        assertThat(json.toBytes("a\uD83D\uDE00b")).isEqualTo("\"a\uD83D\uDE00b\"".getBytes(StandardCharsets.UTF_8));
        assertThat(json.toText(0.1f)).isEqualTo("0.1");
        assertThat(json.toText("tab\tquote\"")).isEqualTo("\"tab\\tquote\\\"\"");
    }

    @Test
    void likeJsonConverterWritesTheBytesJsonConverterWritesTextOutsideTheBmpIncluded() {
        Schema schema = SchemaBuilder.struct().name("t.Row")
                .field("id", Schema.INT64_SCHEMA)
                .field("name", Schema.OPTIONAL_STRING_SCHEMA)
                .field("score", Schema.OPTIONAL_FLOAT64_SCHEMA)
                .field("ok", Schema.OPTIONAL_BOOLEAN_SCHEMA)
                .field("at", Timestamp.builder().optional().build())
                .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
                .build();
        Struct full = new Struct(schema).put("id", 7L).put("name", "a\uD83D\uDE00 \"q\" \u00e9\n\t")
                .put("score", 1.0E20).put("ok", true).put("at", new Date(1_700_000_000_000L))
                .put("tags", List.of("x", "y"));
        Struct sparse = new Struct(schema).put("id", 8L).put("score", 0.1);
        Map<String, Object> schemaless = new LinkedHashMap<>();
        schemaless.put("a", 1L);
        schemaless.put("b", Arrays.asList(1.5, "x\uD83D\uDE00", null));
        schemaless.put("c", null);
        try (JsonConverter converter = new JsonConverter()) {
            converter.configure(Map.of("schemas.enable", "false"), false);
            JsonValues json = JsonValues.likeJsonConverter();

            assertThat(json.toBytes(full)).isEqualTo(converter.fromConnectData("t", schema, full));
            assertThat(json.toBytes(sparse)).isEqualTo(converter.fromConnectData("t", schema, sparse));
            assertThat(json.toBytes(schemaless)).isEqualTo(converter.fromConnectData("t", null, schemaless));
        }
    }

    @Test
    void refusesWhatIsNotConnectDataAndWritesTheNextValueWhole() {
        JsonValues json = new JsonValues();
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("ok", 1);
        bad.put("x", new Object());

        assertThatThrownBy(() -> json.toText(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object is not Connect data");
        assertThat(json.toText(Map.of("a", "b"))).isEqualTo("{\"a\":\"b\"}");
    }
}
