package io.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

    @Test
    void splitsAtLfAndDropsTheCrOfCrlf() throws IOException {
        assertThat(lines("a,b\nc,d\r\n\ne\n")).containsExactly("a,b", "c,d", "", "e");
    }

    @Test
    void returnsALastLineWithoutTerminator() throws IOException {
        assertThat(lines("x\ny")).containsExactly("x", "y");
    }

    @Test
    void anEmptyStreamHasNoLines() throws IOException {
        assertThat(lines("")).isEmpty();
    }

    @Test
    void linesLongerThanTheReadBufferStayWhole() throws IOException {
        String longLine = "z".repeat(200_000);

        assertThat(lines("a\n" + longLine + "\nb\n")).containsExactly("a", longLine, "b");
    }

    private static List<String> lines(String text) throws IOException {
        RawProducerCase.LineSplitter splitter =
            new RawProducerCase.LineSplitter(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        List<String> result = new ArrayList<>();
        byte[] line;
        while ((line = splitter.next()) != null) {
            result.add(new String(line, StandardCharsets.UTF_8));
        }
        return result;
    }
}
