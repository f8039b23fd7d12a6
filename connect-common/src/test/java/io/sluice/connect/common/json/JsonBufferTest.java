package io.sluice.connect.common.json;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBufferTest {

    @Test
    void writesOneRootValueAfterAnotherWithoutSeparators() {
        JsonBuffer buffer = new JsonBuffer();

        assertThat(buffer.toText(g -> g.writeNumber(1))).isEqualTo("1");
        assertThat(buffer.toText(g -> {
            g.writeStartObject();
            g.writeStringField("a", "b");
            g.writeEndObject();
        })).isEqualTo("{\"a\":\"b\"}");
    }

    @Test
    void aValueThatFailsHalfWayLeavesTheNextOneWhole() {
        JsonBuffer buffer = new JsonBuffer();

        assertThatThrownBy(() -> buffer.toText(g -> {
            g.writeStartArray();
            g.writeString("x");
            throw new IllegalArgumentException("not Connect data");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> buffer.toText(g -> {
            g.writeStartObject();
            throw new IOException("refused");
        })).hasMessageContaining("refused");
        assertThat(buffer.toText(g -> g.writeString("next"))).isEqualTo("\"next\"");
    }

    @Test
    void aLargeValueIsWrittenWholeAndTextOutsideTheBmpAsUtf8() {
        JsonBuffer buffer = new JsonBuffer();
        String large = "y".repeat(2 << 20);

        assertThat(buffer.toBytes(g -> g.writeString(large))).hasSize(large.length() + 2);
        assertThat(buffer.toBytes(g -> g.writeString("\uD83D\uDE00")))
                .isEqualTo("\"\uD83D\uDE00\"".getBytes(StandardCharsets.UTF_8));
    }
}
