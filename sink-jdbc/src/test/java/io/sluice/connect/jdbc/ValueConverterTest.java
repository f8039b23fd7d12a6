package io.sluice.connect.jdbc;

import io.sluice.connect.jdbc.dialect.ColumnInfo;
import io.sluice.connect.jdbc.dialect.JsonText;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueConverterTest {

    @Test
    void logicalTypesBecomeJavaTimeAndDecimals() {
        Instant at = Instant.parse("2026-05-06T07:08:09.010Z");
        assertThat(ValueConverter.convert(Timestamp.SCHEMA, java.util.Date.from(at))).isEqualTo(at);
        assertThat(ValueConverter.convert(Date.SCHEMA, java.util.Date.from(Instant.parse("2026-05-06T00:00:00Z"))))
                .isEqualTo(LocalDate.of(2026, 5, 6));
        assertThat(ValueConverter.convert(Decimal.schema(2), new BigDecimal("1.25"))).isEqualTo(new BigDecimal("1.25"));
    }

    @Test
    void structsArraysAndMapsBecomeJson() {
        Schema schema = SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA)
                .field("b", SchemaBuilder.array(Schema.STRING_SCHEMA).build()).build();
        Struct struct = new Struct(schema).put("a", 1).put("b", List.of("x", "y"));
        assertThat(ValueConverter.convert(schema, struct)).isEqualTo(new JsonText("{\"a\":1,\"b\":[\"x\",\"y\"]}"));
        assertThat(ValueConverter.coerce(null, Map.of("k", List.of(1)))).isEqualTo(new JsonText("{\"k\":[1]}"));
    }

    @Test
    void schemalessValuesAreReadAsTheColumnsType() {
        ColumnInfo timestamp = new ColumnInfo("at", "timestamptz", Types.TIMESTAMP, true);
        assertThat(ValueConverter.coerce(timestamp, "2026-01-01T10:00:00+02:00"))
                .isEqualTo(Instant.parse("2026-01-01T08:00:00Z"));
        assertThat(ValueConverter.coerce(timestamp, "2026-01-01 10:00:00")).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
        assertThat(ValueConverter.coerce(timestamp, 0L)).isEqualTo(Instant.EPOCH);
        ColumnInfo numeric = new ColumnInfo("n", "numeric", Types.NUMERIC, true);
        assertThat(ValueConverter.coerce(numeric, "12.50")).isEqualTo(new BigDecimal("12.50"));
        ColumnInfo uuid = new ColumnInfo("u", "uuid", Types.OTHER, true);
        assertThat(ValueConverter.coerce(uuid, "6f1c2b1e-0000-4000-8000-000000000001"))
                .isEqualTo("6f1c2b1e-0000-4000-8000-000000000001");
        assertThatThrownBy(() -> ValueConverter.coerce(timestamp, "yesterday")).isInstanceOf(DataException.class)
                .hasMessageContaining("'at'");
    }
}
