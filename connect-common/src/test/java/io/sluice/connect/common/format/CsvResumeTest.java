package io.sluice.connect.common.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property-style checks over generated CSV with random quoting, line breaks and terminators:
 * the fields match what was generated, records tile the content exactly, and a fresh reader
 * opened at any reported position returns exactly the remaining records.
 */
class CsvResumeTest {

    private static final String[] TERMINATORS = {"\n", "\r\n", "\r"};

    /** One generated record: its encoded text and the fields a reader must return. */
    private record Generated(String text, List<String> fields, int innerLines) {
    }

    @Test
    void recordsTileTheContentAndResumeAtEveryPositionWithoutHeader() throws IOException {
        for (long seed = 1; seed <= 12; seed++) {
            checkSeed(seed, false);
        }
    }

    @Test
    void recordsTileTheContentAndResumeAtEveryPositionWithHeader() throws IOException {
        for (long seed = 101; seed <= 112; seed++) {
            checkSeed(seed, true);
        }
    }

    private void checkSeed(long seed, boolean header) throws IOException {
        Random random = new Random(seed);
        List<Generated> generated = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextBoolean()) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        int count = 40 + random.nextInt(60);
        for (int i = 0; i < count; i++) {
            Generated g = record(random);
            generated.add(g);
            out.writeBytes(g.text().getBytes(StandardCharsets.UTF_8));
            boolean last = i == count - 1;
            if (!last || random.nextBoolean()) {
                out.writeBytes(TERMINATORS[random.nextInt(TERMINATORS.length)].getBytes(StandardCharsets.US_ASCII));
            }
        }
        byte[] content = out.toByteArray();
        CsvOptions options = new CsvOptions(',', '"', null, header, StandardCharsets.UTF_8);
        ByteSource source = TrickleInputStream.source(content, seed);
        String context = "seed " + seed + ", header " + header;

        List<TextRecord> all = new ArrayList<>();
        List<ReadPosition> after = new ArrayList<>();
        try (RecordReader reader = RecordReaders.open(source, FileFormat.CSV, options, ReadPosition.START)) {
            List<Generated> data = header ? generated.subList(1, generated.size()) : generated;
            assertThat(reader.header()).as(context).isEqualTo(header ? generated.get(0).fields() : null);
            after.add(reader.readPosition());
            for (TextRecord r; (r = reader.next()) != null; ) {
                all.add(r);
                after.add(reader.readPosition());
            }
            assertThat(all).as(context).extracting(TextRecord::fields)
                    .containsExactlyElementsOf(data.stream().map(Generated::fields).toList());
            assertThat(reader.position()).as(context).isEqualTo(content.length);
        }
        assertTiling(all, after, generated, header, context);
        for (int k = 0; k < after.size(); k++) {
            try (RecordReader resumed = RecordReaders.open(source, FileFormat.CSV, options, after.get(k))) {
                assertThat(resumed.header()).as(context).isEqualTo(header ? generated.get(0).fields() : null);
                assertThat(summaries(Records.readAll(resumed))).as(context + ", resumed after record " + k)
                        .isEqualTo(summaries(all.subList(k, all.size())));
            }
        }
    }

    /** Everything a record reports, in one comparable string per record. */
    static List<String> summaries(List<TextRecord> records) {
        return records.stream().map(r -> "line " + r.lineNumber() + ", record " + r.recordNumber() + ", bytes "
                + r.startPosition() + "-" + r.endPosition() + ": " + r.fields() + " " + r.json()).toList();
    }

    private static void assertTiling(List<TextRecord> all, List<ReadPosition> after, List<Generated> generated,
                                     boolean header, String context) {
        long expectedLine = 1 + (header ? generated.get(0).innerLines() + 1 : 0);
        for (int k = 0; k < all.size(); k++) {
            TextRecord r = all.get(k);
            assertThat(r.startPosition()).as(context).isEqualTo(after.get(k).position());
            assertThat(r.endPosition()).as(context).isEqualTo(after.get(k + 1).position());
            if (k + 1 < all.size()) {
                assertThat(r.endPosition()).as(context).isEqualTo(all.get(k + 1).startPosition());
            }
            assertThat(r.recordNumber()).as(context).isEqualTo(k + 1);
            assertThat(r.lineNumber()).as(context).isEqualTo(expectedLine);
            Generated g = generated.get(header ? k + 1 : k);
            assertThat(r.rawText()).as(context).isEqualTo(g.text());
            expectedLine += g.innerLines() + 1;
        }
    }

    private static Generated record(Random random) {
        int fieldCount = 1 + random.nextInt(5);
        StringBuilder text = new StringBuilder();
        List<String> fields = new ArrayList<>();
        int lines = 0;
        for (int f = 0; f < fieldCount; f++) {
            if (f > 0) {
                text.append(',');
            }
            String value = value(random, fieldCount == 1);
            boolean needsQuotes = value.isEmpty() && fieldCount == 1
                    || value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
            if (needsQuotes || random.nextInt(4) == 0) {
                text.append('"').append(value.replace("\"", "\"\"")).append('"');
                lines += value.replace("\r\n", "\n").replace('\r', '\n').chars().filter(c -> c == '\n').count();
            } else {
                text.append(value);
            }
            fields.add(value);
        }
        return new Generated(text.toString(), fields, lines);
    }

    private static String value(Random random, boolean only) {
        String[] parts = {"a", "bc", "123", " ", ",", "\"", "\r\n", "\n", "\r", "é", "日本", "😀", "x\"y"};
        int length = random.nextInt(only ? 4 : 5);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(parts[random.nextInt(parts.length)]);
        }
        return s.toString();
    }
}
