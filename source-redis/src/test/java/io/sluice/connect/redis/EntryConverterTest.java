package io.sluice.connect.redis;

import io.sluice.connect.common.metrics.SluiceMetrics;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntryConverterTest {

    private static final StreamEntryID ID = new StreamEntryID(1700000000123L, 4);

    private static RedisStreamSourceConfig config(Map<String, String> extra) {
        Map<String, String> props = RedisStreamSourceConfigTest.minimal();
        props.put("topic", "redis-${stream}");
        props.putAll(extra);
        return new RedisStreamSourceConfig(props);
    }

    private static SourceRecord convert(Map<String, String> extra, Map<String, String> fields) throws Exception {
        return new EntryConverter(config(extra)).convert("orders:eu", new StreamEntry(ID, fields),
                new StreamOffset(ID).toMap());
    }

    @Test
    void aStructOfStringsKeyedByTheEntryIdWithHeadersTopicAndTimestamp() throws Exception {
        SourceRecord record = convert(Map.of(), Map.of("b", "2", "a", "1"));
        assertThat(record.topic()).isEqualTo("redis-orders_eu");
        assertThat(record.key()).isEqualTo("1700000000123-4");
        assertThat(record.timestamp()).isEqualTo(1700000000123L);
        assertThat(record.sourcePartition()).isEqualTo(Map.of("stream", "orders:eu"));
        assertThat(record.sourceOffset()).isEqualTo(Map.of("v", 1, "id", "1700000000123-4"));
        Struct value = (Struct) record.value();
        assertThat(value.schema().fields()).extracting(f -> f.name()).containsExactly("a", "b");
        assertThat(value.schema().field("a").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
        assertThat(value.getString("b")).isEqualTo("2");
        assertThat(record.headers().lastWithName("sluice.stream").value()).isEqualTo("orders:eu");
        assertThat(record.headers().lastWithName("sluice.entry.id").value()).isEqualTo("1700000000123-4");
    }

    @Test
    void entriesWithTheSameFieldsShareOneSchema() throws Exception {
        EntryConverter converter = new EntryConverter(config(Map.of()));
        SourceRecord first = converter.convert("s", new StreamEntry(ID, Map.of("x", "1", "y", "2")), Map.of());
        SourceRecord second = converter.convert("s", new StreamEntry(ID, Map.of("y", "3", "x", "4")), Map.of());
        assertThat(second.valueSchema()).isSameAs(first.valueSchema());
    }

    @Test
    void aMapValueAndAKeyFromAField() throws Exception {
        SourceRecord record = convert(Map.of("value.format", "map", "key.field", "order_id"),
                Map.of("order_id", "o-7", "amount", "12.5"));
        assertThat(record.key()).isEqualTo("o-7");
        assertThat(record.valueSchema().type()).isEqualTo(Schema.Type.MAP);
        assertThat(record.value()).isEqualTo(Map.of("order_id", "o-7", "amount", "12.5"));
    }

    @Test
    void aJsonFieldBecomesASchemalessValue() throws Exception {
        SourceRecord record = convert(Map.of("value.format", "json", "value.json.field", "payload"),
                Map.of("payload", "{\"id\":7,\"tags\":[\"a\"],\"ok\":true}"));
        assertThat(record.valueSchema()).isNull();
        assertThat(record.value()).isEqualTo(Map.of("id", 7, "tags", List.of("a"), "ok", true));
    }

    @Test
    void jsonTextIsEveryFieldInOneJsonObjectInNameOrder() throws Exception {
        SourceRecord record = convert(Map.of("value.format", "json_text"),
                Map.of("status", "paid", "amount", "12.5", "note", "say \"hi\""));
        assertThat(record.valueSchema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(record.value()).isEqualTo("{\"amount\":\"12.5\",\"note\":\"say \\\"hi\\\"\",\"status\":\"paid\"}");
        assertThat(record.key()).isEqualTo("1700000000123-4");
    }

    @Test
    void streamsKeepTheirOwnTopicAndPartition() throws Exception {
        EntryConverter converter = new EntryConverter(config(Map.of()));
        SourceRecord a = converter.convert("a:1", new StreamEntry(ID, Map.of("x", "1")), Map.of());
        SourceRecord b = converter.convert("b/2", new StreamEntry(ID, Map.of("x", "1")), Map.of());
        SourceRecord again = converter.convert("a:1", new StreamEntry(ID, Map.of("x", "2")), Map.of());
        assertThat(List.of(a.topic(), b.topic(), again.topic())).containsExactly("redis-a_1", "redis-b_2", "redis-a_1");
        assertThat(again.sourcePartition()).isEqualTo(Map.of("stream", "a:1"));
        assertThat(b.sourcePartition()).isEqualTo(Map.of("stream", "b/2"));
    }

    @Test
    void anEntryWithOtherFieldsGetsItsOwnSchema() throws Exception {
        EntryConverter converter = new EntryConverter(config(Map.of()));
        SourceRecord first = converter.convert("s", new StreamEntry(ID, Map.of("x", "1", "y", "2")), Map.of());
        SourceRecord other = converter.convert("s", new StreamEntry(ID, Map.of("x", "1", "z", "2")), Map.of());
        SourceRecord fewer = converter.convert("s", new StreamEntry(ID, Map.of("x", "1")), Map.of());
        assertThat(((Struct) other.value()).getString("z")).isEqualTo("2");
        assertThat(other.valueSchema().fields()).extracting(f -> f.name()).containsExactly("x", "z");
        assertThat(fewer.valueSchema().fields()).extracting(f -> f.name()).containsExactly("x");
        assertThat(first.valueSchema()).isNotEqualTo(other.valueSchema());
    }

    @Test
    void aMissingKeyFieldOrBrokenJsonIsABadEntry() {
        assertThatThrownBy(() -> convert(Map.of("key.field", "order_id"), Map.of("a", "1")))
                .isInstanceOf(BadEntryException.class).hasMessageContaining("order_id");
        assertThatThrownBy(() -> convert(Map.of("value.format", "json", "value.json.field", "payload"),
                Map.of("payload", "{oops"))).isInstanceOf(BadEntryException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> convert(Map.of("value.format", "json", "value.json.field", "payload"),
                Map.of("other", "1"))).isInstanceOf(BadEntryException.class).hasMessageContaining("no field");
    }

    @Test
    void jsonWithTrailingTextNullOrANonObjectIsABadEntryNotATombstone() {
        Map<String, String> json = Map.of("value.format", "json", "value.json.field", "payload");
        assertThatThrownBy(() -> convert(json, Map.of("payload", "{\"id\":1} trailing")))
                .isInstanceOf(BadEntryException.class).hasMessageContaining("text after the document");
        assertThatThrownBy(() -> convert(json, Map.of("payload", "{\"id\":1}{\"id\":2}")))
                .isInstanceOf(BadEntryException.class).hasMessageContaining("payload");
        assertThatThrownBy(() -> convert(json, Map.of("payload", "null")))
                .isInstanceOf(BadEntryException.class).hasMessageContaining("null, not an object");
        assertThatThrownBy(() -> convert(json, Map.of("payload", "[1,2]")))
                .isInstanceOf(BadEntryException.class).hasMessageContaining("an array, not an object");
        assertThatThrownBy(() -> convert(json, Map.of("payload", "42")))
                .isInstanceOf(BadEntryException.class).hasMessageContaining("not an object");
    }

    @Test
    void badEntriesFailSkipOrGoToTheErrorTopicPerPolicy() {
        StreamEntry entry = new StreamEntry(ID, Map.of("payload", "{oops"));
        BadEntryException reason = new BadEntryException("its field 'payload' is not JSON");
        RedisStreamMetrics metrics = new RedisStreamMetrics(SluiceMetrics.local());

        BadEntryHandler fail = new BadEntryHandler(config(Map.of()), metrics.bad());
        assertThatThrownBy(() -> fail.handle("orders", entry, Map.of(), reason)).isInstanceOf(ConnectException.class)
                .hasMessageContaining("orders-redis").hasMessageContaining("1700000000123-4")
                .hasMessageContaining("'orders'").hasMessageContaining("bad.record.policy=skip");

        BadEntryHandler skip = new BadEntryHandler(config(Map.of("bad.record.policy", "skip")), metrics.bad());
        assertThat(skip.handle("orders", entry, Map.of(), reason)).isNull();

        BadEntryHandler toTopic = new BadEntryHandler(config(Map.of("bad.record.policy", "error_topic",
                "bad.record.topic", "orders-errors")), metrics.bad());
        SourceRecord error = toTopic.handle("orders", entry, new StreamOffset(ID).toMap(), reason);
        assertThat(error.topic()).isEqualTo("orders-errors");
        assertThat(error.value()).isEqualTo("{\"payload\":\"{oops\"}");
        assertThat(error.sourceOffset()).isEqualTo(new StreamOffset(ID).toMap());
        assertThat(error.headers().lastWithName("sluice.error.reason").value()).isEqualTo(reason.getMessage());
        assertThat(metrics.snapshot()).containsEntry("bad-entries", 3L);
    }
}
