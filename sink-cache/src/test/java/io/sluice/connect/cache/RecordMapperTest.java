package io.sluice.connect.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;

class RecordMapperTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Schema ITEM = SchemaBuilder.struct()
            .field("id", Schema.INT32_SCHEMA)
            .field("name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .field("updated", Timestamp.builder().optional().build())
            .build();

    private static RecordMapper mapper(ValueFormat format) {
        return mapper(format, new TtlPolicy(0, null, TtlFieldType.SECONDS, CLOCK),
                new VersionExtractor(NewerWinsMode.NONE, null));
    }

    private static RecordMapper mapper(ValueFormat format, TtlPolicy ttl, VersionExtractor versions) {
        return new RecordMapper(KeyTemplate.parse("k:${key}"), new ValueEncoder(format), ttl, versions);
    }

    private static RecordMapper ttlMapper(long fixed, String field, TtlFieldType type) {
        return mapper(ValueFormat.JSON, new TtlPolicy(fixed, FieldPath.parse(field), type, CLOCK),
                new VersionExtractor(NewerWinsMode.NONE, null));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Struct item() {
        return new Struct(ITEM).put("id", 7).put("name", null).put("tags", List.of("a", "b"))
                .put("updated", java.util.Date.from(NOW));
    }

    @Test
    void jsonKeepsStructFieldOrderAndStoresStringsAsTheyAre() throws BadRecordException {
        CacheCommand command = mapper(ValueFormat.JSON).map(Records.of(ITEM, "1", item()));
        assertThat(command.kind()).isEqualTo(CacheCommand.Kind.SET);
        assertThat(text(command.key())).isEqualTo("k:1");
        assertThat(text(command.value())).isEqualTo("{\"id\":7,\"name\":null,\"tags\":[\"a\",\"b\"],\"updated\":"
                + NOW.toEpochMilli() + "}");
        assertThat(text(mapper(ValueFormat.JSON).map(Records.of("1", "plain text")).value())).isEqualTo("plain text");
        assertThat(text(mapper(ValueFormat.JSON).map(Records.of("1", 12.5)).value())).isEqualTo("12.5");
        assertThatThrownBy(() -> mapper(ValueFormat.JSON).map(Records.of("1", new byte[] {1})))
                .hasMessageContaining("value.format=bytes");
    }

    @Test
    void hashHasOneFieldPerTopLevelFieldWithoutNulls() throws BadRecordException {
        CacheCommand command = mapper(ValueFormat.HASH).map(Records.of(ITEM, "1", item()));
        assertThat(command.kind()).isEqualTo(CacheCommand.Kind.HSET);
        Map<String, String> fields = command.fields().entrySet().stream().collect(Collectors.toMap(
                e -> text(e.getKey()), e -> text(e.getValue()), (a, b) -> a, LinkedHashMap::new));
        assertThat(fields).containsExactly(Map.entry("id", "7"), Map.entry("tags", "[\"a\",\"b\"]"),
                Map.entry("updated", Long.toString(NOW.toEpochMilli())));
        assertThatThrownBy(() -> mapper(ValueFormat.HASH).map(Records.of("1", "text")))
                .hasMessageContaining("needs a Struct or Map value, but the value is a String");
        Map<String, Object> onlyNull = new LinkedHashMap<>();
        onlyNull.put("a", null);
        assertThatThrownBy(() -> mapper(ValueFormat.HASH).map(Records.of("1", onlyNull)))
                .hasMessageContaining("no non-null field");
    }

    @Test
    void bytesAreStoredAsTheyAre() throws BadRecordException {
        byte[] raw = {0, (byte) 0xff, 7};
        assertThat(mapper(ValueFormat.BYTES).map(Records.of("1", raw)).value()).isEqualTo(raw);
        assertThatThrownBy(() -> mapper(ValueFormat.BYTES).map(Records.of("1", Map.of("a", 1))))
                .hasMessageContaining("ByteArrayConverter");
    }

    @Test
    void tombstonesDeleteAndNeedAKeyThatDoesNotReadTheValue() throws BadRecordException {
        CacheCommand command = mapper(ValueFormat.JSON).map(Records.of("1", null));
        assertThat(command.kind()).isEqualTo(CacheCommand.Kind.DELETE);
        assertThat(text(command.key())).isEqualTo("k:1");
        RecordMapper byValue = new RecordMapper(KeyTemplate.parse("k:${value.id}"), new ValueEncoder(ValueFormat.JSON),
                new TtlPolicy(0, null, TtlFieldType.SECONDS, CLOCK), new VersionExtractor(NewerWinsMode.NONE, null));
        assertThatThrownBy(() -> byValue.map(Records.of("1", null))).hasMessageContaining("tombstone")
                .hasMessageContaining("${key.id}");
    }

    @Test
    void ttlIsFixedOrTakenFromAFieldInSecondsOrAsAnExpiryTime() throws BadRecordException {
        assertThat(ttlMapper(60, "ttl", TtlFieldType.SECONDS).map(Records.of("1", Map.of("ttl", 1.5))).ttlMs())
                .isEqualTo(1500);
        assertThat(ttlMapper(60, "ttl", TtlFieldType.SECONDS).map(Records.of("1", Map.of("x", 1))).ttlMs())
                .as("the fixed TTL when the field is missing").isEqualTo(60_000);
        assertThat(ttlMapper(0, "ttl", TtlFieldType.SECONDS).map(Records.of("1", Map.of("ttl", "30"))).ttlMs())
                .isEqualTo(30_000);
        assertThat(ttlMapper(0, "ttl", TtlFieldType.SECONDS).map(Records.of("1", Map.of("ttl", 0))).kind())
                .as("a TTL of zero deletes").isEqualTo(CacheCommand.Kind.DELETE);
        assertThatThrownBy(() -> ttlMapper(0, "ttl", TtlFieldType.SECONDS).map(Records.of("1", Map.of("ttl", "soon"))))
                .hasMessage("ttl.field 'ttl' holds 'soon', which is not a number of seconds (ttl.field.type=seconds)");

        RecordMapper at = ttlMapper(0, "meta.expires", TtlFieldType.EXPIRE_AT);
        long in90s = NOW.plusSeconds(90).toEpochMilli();
        assertThat(at.map(Records.of("1", Map.of("meta", Map.of("expires", in90s)))).ttlMs()).isEqualTo(90_000);
        assertThat(at.map(Records.of("1", Map.of("meta", Map.of("expires", "2026-01-05T10:01:00Z")))).ttlMs())
                .isEqualTo(60_000);
        assertThat(at.map(Records.of("1", Map.of("meta", Map.of("expires", java.util.Date.from(NOW.minusSeconds(1))))))
                .kind()).as("an expiry in the past deletes").isEqualTo(CacheCommand.Kind.DELETE);
        assertThatThrownBy(() -> at.map(Records.of("1", Map.of("meta", Map.of("expires", "tomorrow")))))
                .hasMessageContaining("ISO-8601");
    }

    @Test
    void versionsComeFromAFieldOrTheRecordTimestamp() throws BadRecordException {
        RecordMapper byField = mapper(ValueFormat.JSON, new TtlPolicy(0, null, TtlFieldType.SECONDS, CLOCK),
                new VersionExtractor(NewerWinsMode.FIELD, FieldPath.parse("version")));
        assertThat(byField.map(Records.of("1", Map.of("version", 12))).version()).isEqualTo(12L);
        assertThat(byField.map(Records.of("1", Map.of("version", "2026-01-05T10:00:00Z"))).version())
                .isEqualTo(NOW.toEpochMilli());
        assertThat(byField.map(Records.of("1", null)).version()).as("a tombstone has no version").isNull();
        assertThatThrownBy(() -> byField.map(Records.of("1", Map.of("v", 1)))).hasMessageContaining("missing");
        assertThatThrownBy(() -> byField.map(Records.of("1", Map.of("version", "new"))))
                .hasMessageContaining("not an integer");
        assertThatThrownBy(() -> byField.map(Records.of("1", Map.of("version", Long.MAX_VALUE))))
                .hasMessageContaining("2^53");

        RecordMapper byTimestamp = mapper(ValueFormat.JSON, new TtlPolicy(0, null, TtlFieldType.SECONDS, CLOCK),
                new VersionExtractor(NewerWinsMode.TIMESTAMP, null));
        assertThat(byTimestamp.map(Records.withTimestamp("1", null, 1234L)).version()).isEqualTo(1234L);
        assertThatThrownBy(() -> byTimestamp.map(Records.withTimestamp("1", Map.of(), null)))
                .hasMessageContaining("no timestamp");
    }

    @Test
    void underFieldVersionsATombstoneTakesItsVersionFromTheRecordKeyWhenTheKeyHasTheField()
            throws BadRecordException {
        RecordMapper byField = new RecordMapper(KeyTemplate.parse("k:${key.id}"), new ValueEncoder(ValueFormat.JSON),
                new TtlPolicy(0, null, TtlFieldType.SECONDS, CLOCK),
                new VersionExtractor(NewerWinsMode.FIELD, FieldPath.parse("version")));
        CacheCommand versioned = byField.map(Records.of(Map.of("id", 1, "version", 7), null));
        assertThat(versioned.kind()).isEqualTo(CacheCommand.Kind.DELETE);
        assertThat(versioned.version()).isEqualTo(7L);
        Schema keySchema = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA)
                .field("version", Schema.INT64_SCHEMA).build();
        assertThat(byField.map(Records.of(new Struct(keySchema).put("id", 1).put("version", 9L), null)).version())
                .isEqualTo(9L);
        assertThat(byField.map(Records.of(Map.of("id", 1), null)).version())
                .as("a key without the field: the tombstone deletes unconditionally").isNull();
        assertThatThrownBy(() -> byField.map(Records.of(Map.of("id", 1, "version", "new"), null)))
                .hasMessageContaining("record key").hasMessageContaining("not an integer");
    }
}
