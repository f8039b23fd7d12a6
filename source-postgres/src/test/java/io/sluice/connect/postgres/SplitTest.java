package io.sluice.connect.postgres;

import org.junit.jupiter.api.Test;

import org.apache.kafka.connect.json.JsonConverter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SplitTest {

    @Test
    void partitionIsOneKeySoItsSerializedFormIsStable() {
        assertThat(Split.table("public", "orders").partition()).isEqualTo(Map.of("table", "public.orders"));
        assertThat(Split.query("orders_with_names", "SELECT 1").partition())
                .isEqualTo(Map.of("query", "orders_with_names"));
    }

    @Test
    void topicIsPrefixAndNameWithUnusableCharactersReplaced() {
        assertThat(Split.table("public", "orders").topic("shop.")).isEqualTo("shop.public.orders");
        assertThat(Split.table("Sales EU", "Orders/2024").topic("")).isEqualTo("Sales_EU.Orders_2024");
    }

    @Test
    void relationQuotesIdentifiersAndWrapsQueries() {
        assertThat(Split.table("s", "a\"b").relation()).isEqualTo("\"s\".\"a\"\"b\"");
        assertThat(Split.query("q1", "SELECT 1 AS id").relation()).isEqualTo("(SELECT 1 AS id) AS \"q\"");
    }

    @Test
    void keyRangeIsPartOfThePartitionSoMovedBoundariesStartNewRuns() {
        Split range = Split.table("public", "big").withRange(new Split.KeyRange(List.of("100"), null));
        assertThat(range.partition()).isEqualTo(Map.of("table", "public.big", "range", "[[\"100\"],null]"));
        assertThat(range.topic("")).isEqualTo("public.big");
    }

    /**
     * Connect finds a committed offset by the bytes of the serialized partition: a range partition (two keys) must
     * serialize exactly as the one Connect reads back from its offsets topic, or a restarted task starts over.
     */
    @Test
    void rangePartitionSerializesToTheSameKeyAsThePartitionConnectReadsBack() {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), true);
        Map<String, Object> partition = Split.table("public", "big")
                .withRange(new Split.KeyRange(List.of("10", "a"), List.of("20", "b"))).partition();
        byte[] written = converter.fromConnectData("offsets", null, partition);
        Object readBack = converter.toConnectData("offsets", written).value();
        byte[] rewritten = converter.fromConnectData("offsets", null, readBack);
        assertThat(new String(rewritten, StandardCharsets.UTF_8)).isEqualTo(new String(written, StandardCharsets.UTF_8));
        assertThat(readBack).isEqualTo(partition);
    }
}
