package io.sluice.connect.common.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesRecordReaderTest {

    private static RecordReader jsonl(byte[] content, ReadPosition from) throws IOException {
        return RecordReaders.open(ByteSources.bytes(content), FileFormat.JSONL, null, from);
    }

    private static RecordReader jsonl(String content) throws IOException {
        return jsonl(content.getBytes(StandardCharsets.UTF_8), ReadPosition.START);
    }

    @Test
    void readsOneObjectPerLine() throws IOException {
        List<TextRecord> records = Records.readAll(jsonl("{\"id\":1,\"name\":\"ä\"}\n{\"id\":2,\"tags\":[1,2]}"));

        assertThat(records).hasSize(2);
        assertThat(records.get(0).json().get("name").asText()).isEqualTo("ä");
        assertThat(records.get(0).fields()).isNull();
        assertThat(records.get(0).endPosition()).isEqualTo(21);
        assertThat(records.get(1).startPosition()).isEqualTo(21);
        assertThat(records.get(1).json().get("tags").size()).isEqualTo(2);
        assertThat(records.get(1).rawText()).isEqualTo("{\"id\":2,\"tags\":[1,2]}");
        assertThat(records).extracting(TextRecord::recordNumber).containsExactly(1L, 2L);
    }

    @Test
    void stripsCrBeforeLf() throws IOException {
        List<TextRecord> records = Records.readAll(jsonl("{\"a\":1}\r\n{\"a\":2}\r\n"));

        assertThat(records).extracting(r -> r.json().get("a").asInt()).containsExactly(1, 2);
        assertThat(records).extracting(TextRecord::rawText).containsExactly("{\"a\":1}", "{\"a\":2}");
        assertThat(records).extracting(TextRecord::endPosition).containsExactly(9L, 18L);
    }

    @Test
    void skipsBlankLinesButCountsThem() throws IOException {
        RecordReader reader = jsonl("\n  \t\r\n{\"a\":1}\n\n{\"a\":2}\n\n");
        List<TextRecord> records = new ArrayList<>();
        for (TextRecord r; (r = reader.next()) != null; ) {
            records.add(r);
        }

        assertThat(records).extracting(TextRecord::lineNumber).containsExactly(3L, 5L);
        assertThat(records).extracting(TextRecord::startPosition).containsExactly(6L, 15L);
        assertThat(records).extracting(TextRecord::recordNumber).containsExactly(1L, 2L);
        assertThat(reader.position()).isEqualTo(24);
        assertThat(reader.lineNumber()).isEqualTo(7);
    }

    @Test
    void invalidJsonIsReportedWithItsLineAndReadingContinues() throws IOException {
        RecordReader reader = jsonl("{\"a\":1}\n{\"a\":\n{\"a\":3}\n");
        reader.next();

        assertThatThrownBy(reader::next)
                .isInstanceOfSatisfying(RecordFormatException.class, e -> {
                    assertThat(e.lineNumber()).isEqualTo(2);
                    assertThat(e.recordNumber()).isEqualTo(2);
                    assertThat(e.startPosition()).isEqualTo(8);
                    assertThat(e.endPosition()).isEqualTo(14);
                    assertThat(e.rawText()).isEqualTo("{\"a\":");
                    assertThat(e.reason()).startsWith("invalid JSON at column ");
                });
        TextRecord third = reader.next();
        assertThat(third.json().get("a").asInt()).isEqualTo(3);
        assertThat(third.lineNumber()).isEqualTo(3);
        assertThat(third.recordNumber()).isEqualTo(3);
    }

    @Test
    void rejectsValuesThatAreNotObjects() throws IOException {
        RecordReader reader = jsonl("[1,2]\n42\nnull\n\"s\"\n{}\n");

        for (String type : List.of("array", "number", "null", "string")) {
            assertThatThrownBy(reader::next).isInstanceOf(RecordFormatException.class)
                    .extracting(e -> ((RecordFormatException) e).reason())
                    .isEqualTo("the line holds a JSON " + type + ", not an object");
        }
        assertThat(reader.next().json().isObject()).isTrue();
    }

    @Test
    void rejectsTrailingContentAfterTheObject() throws IOException {
        RecordReader reader = jsonl("{\"a\":1} {\"b\":2}\n");

        assertThatThrownBy(reader::next).isInstanceOf(RecordFormatException.class).hasMessageContaining("line 1");
        assertThat(reader.next()).isNull();
    }

    @Test
    void invalidUtf8IsReported() throws IOException {
        byte[] content = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}', '\n', '{', '}', '\n'};
        RecordReader reader = jsonl(content, ReadPosition.START);

        assertThatThrownBy(reader::next).isInstanceOfSatisfying(RecordFormatException.class,
                e -> assertThat(e.reason()).containsIgnoringCase("UTF-8"));
        assertThat(reader.next().lineNumber()).isEqualTo(2);
    }

    @Test
    void decodesSingleByteCharsets() throws IOException {
        CsvOptions latin1 = new CsvOptions(',', '"', null, false, StandardCharsets.ISO_8859_1);
        byte[] content = {'{', '"', 'a', '"', ':', '"', (byte) 0xE9, '"', '}', '\n'};

        try (RecordReader reader = RecordReaders.open(ByteSources.bytes(content), FileFormat.JSONL, latin1,
                ReadPosition.START)) {
            assertThat(reader.next().json().get("a").asText()).isEqualTo("é");
        }
    }

    @Test
    void skipsByteOrderMark() throws IOException {
        byte[] content = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}', '\n'};

        TextRecord record = jsonl(content, ReadPosition.START).next();
        assertThat(record.startPosition()).isEqualTo(3);
        assertThat(record.json().isEmpty()).isTrue();
    }

    @Test
    void overlongLineIsSkipped() throws IOException {
        String content = "{\"a\":\"" + "x".repeat(150_000) + "\"}\n{\"b\":1}\n";
        RecordReader reader = RecordReaders.open(ByteSources.bytes(content.getBytes(StandardCharsets.UTF_8)),
                FileFormat.JSONL, null, ReadPosition.START, 70_000);

        assertThatThrownBy(reader::next).isInstanceOfSatisfying(RecordFormatException.class, e -> {
            assertThat(e.reason()).isEqualTo("the record is longer than 70000 bytes");
            assertThat(e.endPosition()).isEqualTo(150_009);
        });
        assertThat(reader.next().json().get("b").asInt()).isEqualTo(1);
    }

    @Test
    void lineOverTheLimitIsRejectedEvenWhenItFitsTheBuffer() throws IOException {
        byte[] content = "{\"a\":12345}\r\n{\"a\":123456}\n{}".getBytes(StandardCharsets.UTF_8);
        RecordReader reader = RecordReaders.open(ByteSources.bytes(content), FileFormat.JSONL, null,
                ReadPosition.START, 11);
        assertThat(reader.next().json().get("a").asInt()).isEqualTo(12345);

        assertThatThrownBy(reader::next).isInstanceOfSatisfying(RecordFormatException.class,
                e -> assertThat(e.rawText()).isEqualTo("{\"a\":123456}"));
        assertThat(reader.next().json().isEmpty()).isTrue();
    }

    @Test
    void resumesAtEveryReportedPosition() throws IOException {
        byte[] content = "{\"n\":1}\n\n{\"n\":2}\r\n  \n{\"n\":\"drei\"}\n[3]\n{\"n\":5}"
                .getBytes(StandardCharsets.UTF_8);
        ByteSource source = TrickleInputStream.source(content, 7);
        List<ReadPosition> positions = new ArrayList<>();
        List<TextRecord> all = new ArrayList<>();
        try (RecordReader reader = RecordReaders.open(source, FileFormat.JSONL, null, ReadPosition.START)) {
            positions.add(reader.readPosition());
            while (true) {
                try {
                    TextRecord r = reader.next();
                    if (r == null) {
                        break;
                    }
                    all.add(r);
                } catch (RecordFormatException e) {
                    assertThat(e.rawText()).isEqualTo("[3]");
                }
                positions.add(reader.readPosition());
            }
        }
        assertThat(all).extracting(r -> r.json().get("n").asText()).containsExactly("1", "2", "drei", "5");
        assertThat(positions.get(positions.size() - 1).position()).isEqualTo(content.length);

        for (int k = 0; k < positions.size(); k++) {
            List<TextRecord> rest = new ArrayList<>();
            try (RecordReader resumed = RecordReaders.open(source, FileFormat.JSONL, null, positions.get(k))) {
                while (true) {
                    try {
                        TextRecord r = resumed.next();
                        if (r == null) {
                            break;
                        }
                        rest.add(r);
                    } catch (RecordFormatException e) {
                        assertThat(e.recordNumber()).isEqualTo(4);
                    }
                }
            }
            long from = positions.get(k).position();
            List<TextRecord> expected = all.stream().filter(r -> r.startPosition() >= from).toList();
            assertThat(CsvResumeTest.summaries(rest)).as("resumed at %s", positions.get(k))
                    .isEqualTo(CsvResumeTest.summaries(expected));
        }
    }
}
