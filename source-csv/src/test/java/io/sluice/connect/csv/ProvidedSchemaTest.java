package io.sluice.connect.csv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvidedSchemaTest {

    @Test
    void parsesNameColumnsTypesAndOptionality() {
        ProvidedSchema schema = ProvidedSchema.parse("{\"name\":\"com.example.Order\",\"columns\":["
                + "{\"name\":\"id\",\"type\":\"int64\",\"optional\":false},"
                + "{\"name\":\"amount\",\"type\":\"FLOAT64\"},"
                + "{\"name\":\"at\",\"type\":\"timestamp\",\"optional\":true},"
                + "{\"name\":\"ok\",\"type\":\"boolean\"},{\"name\":\"note\",\"type\":\"string\"}]}");
        assertThat(schema.name()).isEqualTo("com.example.Order");
        assertThat(schema.columns()).containsExactly(
                new ColumnSpec("id", ColumnType.INT64, false),
                new ColumnSpec("amount", ColumnType.FLOAT64, true),
                new ColumnSpec("at", ColumnType.TIMESTAMP, true),
                new ColumnSpec("ok", ColumnType.BOOLEAN, true),
                new ColumnSpec("note", ColumnType.STRING, true));
        assertThat(schema.hasColumn("id")).isTrue();
        assertThat(schema.hasColumn("missing")).isFalse();
        assertThat(ProvidedSchema.parse("{\"columns\":[{\"name\":\"id\",\"type\":\"int64\"}]}").name()).isNull();
    }

    @Test
    void rejectsInvalidDocumentsSayingWhatIsWrong() {
        assertThatThrownBy(() -> ProvidedSchema.parse("{\"columns\":")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> ProvidedSchema.parse("[]")).hasMessageContaining("non-empty \"columns\" array");
        assertThatThrownBy(() -> ProvidedSchema.parse("{\"columns\":[]}"))
                .hasMessageContaining("non-empty \"columns\" array");
        assertThatThrownBy(() -> ProvidedSchema.parse("{\"columns\":[{\"type\":\"int64\"}]}"))
                .hasMessageContaining("column 1 needs a non-empty \"name\"");
        assertThatThrownBy(() -> ProvidedSchema.parse("{\"columns\":[{\"name\":\"id\",\"type\":\"int32\"}]}"))
                .hasMessageContaining("column 1 ('id') needs a \"type\" out of int64, float64, boolean, timestamp, "
                        + "string");
        assertThatThrownBy(() -> ProvidedSchema.parse("{\"columns\":[{\"name\":\"id\",\"type\":\"int64\"},"
                + "{\"name\":\"id\",\"type\":\"string\"}]}")).hasMessageContaining("'id' is used twice");
        assertThatThrownBy(() -> ProvidedSchema.parse("{\"columns\":[{\"name\":\"id\",\"type\":\"int64\","
                + "\"optional\":\"no\"}]}")).hasMessageContaining("\"optional\" must be true or false");
    }
}
