package io.sluice.connect.common.format;

import static io.sluice.connect.common.format.Records.NO_HEADER;
import static io.sluice.connect.common.format.Records.csv;
import static io.sluice.connect.common.format.Records.fields;
import static io.sluice.connect.common.format.Records.options;
import static io.sluice.connect.common.format.Records.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

    @Test
    void splitsPlainFieldsWithLfLineEnds() throws IOException {
        assertThat(fields("a,b,c\n1,2,3\n")).containsExactly(List.of("a", "b", "c"), List.of("1", "2", "3"));
    }

    @Test
    void acceptsCrLfAndLoneCrLineEnds() throws IOException {
        assertThat(fields("a,b\r\nc,d\re,f\ng,h")).containsExactly(
                List.of("a", "b"), List.of("c", "d"), List.of("e", "f"), List.of("g", "h"));
    }

    @Test
    void returnsFinalRecordWithoutTerminator() throws IOException {
        List<TextRecord> records = readAll(csv("x,y\nlast,one", NO_HEADER));

        assertThat(records).extracting(TextRecord::fields).containsExactly(List.of("x", "y"), List.of("last", "one"));
        assertThat(records.get(1).endPosition()).isEqualTo(12);
    }

    @Test
    void keepsEmptyFields() throws IOException {
        assertThat(fields(",a,,\n,\n\"\",x\n")).containsExactly(
                List.of("", "a", "", ""), List.of("", ""), List.of("", "x"));
    }

    @Test
    void unquotesFieldsWithDelimitersQuotesAndLineBreaks() throws IOException {
        String content = "\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",\"lf\nonly\"\nnext,row\n";

        assertThat(fields(content)).containsExactly(
                List.of("a,b", "say \"hi\"", "two\r\nlines", "lf\nonly"), List.of("next", "row"));
    }

    @Test
    void treatsQuoteInsideUnquotedFieldAsLiteral() throws IOException {
        assertThat(fields("5\" pipe,ok\n")).containsExactly(List.of("5\" pipe", "ok"));
    }

    @Test
    void keepsTextAfterClosingQuote() throws IOException {
        assertThat(fields("\"ab\"cd,e\n")).containsExactly(List.of("abcd", "e"));
    }

    @Test
    void skipsEmptyLinesButCountsThem() throws IOException {
        List<TextRecord> records = readAll(csv("\n\r\na\n\n\nb\r\n\r\n", NO_HEADER));

        assertThat(records).extracting(TextRecord::fields).containsExactly(List.of("a"), List.of("b"));
        assertThat(records).extracting(TextRecord::lineNumber).containsExactly(3L, 6L);
        assertThat(records).extracting(TextRecord::startPosition).containsExactly(3L, 7L);
        assertThat(records).extracting(TextRecord::recordNumber).containsExactly(1L, 2L);
    }

    @Test
    void reachesEndPositionAfterTrailingEmptyLines() throws IOException {
        RecordReader reader = csv("a\n\n\n", NO_HEADER);
        assertThat(reader.next().fields()).containsExactly("a");
        assertThat(reader.position()).isEqualTo(2);

        assertThat(reader.next()).isNull();
        assertThat(reader.position()).isEqualTo(4);
        assertThat(reader.lineNumber()).isEqualTo(4);
    }

    @Test
    void skipsUtf8ByteOrderMark() throws IOException {
        byte[] content = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'i', 'd', '\n', '1', '\n'};
        RecordReader reader = csv(content, Records.options(',', '"', null, true));

        assertThat(reader.header()).containsExactly("id");
        TextRecord first = reader.next();
        assertThat(first.fields()).containsExactly("1");
        assertThat(first.startPosition()).isEqualTo(6);
        assertThat(first.lineNumber()).isEqualTo(2);
    }

    @Test
    void countsLinesOfMultiLineRecords() throws IOException {
        List<TextRecord> records = readAll(csv("\"a\r\nb\nc\rd\",x\nnext\n", NO_HEADER));

        assertThat(records.get(0).fields()).containsExactly("a\r\nb\nc\rd", "x");
        assertThat(records.get(0).rawText()).isEqualTo("\"a\r\nb\nc\rd\",x");
        assertThat(records.get(1).lineNumber()).isEqualTo(5);
    }

    @Test
    void supportsOtherDelimiters() throws IOException {
        assertThat(fields("a\tb c\t\"d\te\"\n", options('\t', '"', null, false)))
                .containsExactly(List.of("a", "b c", "d\te"));
        assertThat(fields("a;b,c;\"d;e\"\n", options(';', '"', null, false)))
                .containsExactly(List.of("a", "b,c", "d;e"));
        assertThat(fields("a|b|\n", options('|', '"', null, false)))
                .containsExactly(List.of("a", "b", ""));
    }

    @Test
    void supportsCustomQuote() throws IOException {
        assertThat(fields("'a,b','it''s',\"x\"\n", options(',', '\'', null, false)))
                .containsExactly(List.of("a,b", "it's", "\"x\""));
    }

    @Test
    void escapeCharacterMakesNextCharacterLiteral() throws IOException {
        CsvOptions backslash = options(',', '"', '\\', false);

        assertThat(fields("a\\,b,\"q\\\"uote\",c\\\\d,line\\\nbreak\n", backslash))
                .containsExactly(List.of("a,b", "q\"uote", "c\\d", "line\nbreak"));
    }

    @Test
    void escapedCrLfStaysInTheFieldAndTrailingEscapeIsKept() throws IOException {
        List<TextRecord> records = readAll(csv("a\\\r\nb,c\nend\\", options(',', '"', '\\', false)));

        assertThat(records).extracting(TextRecord::fields)
                .containsExactly(List.of("a\r\nb", "c"), List.of("end\\"));
        assertThat(records.get(1).lineNumber()).isEqualTo(3);
    }

    @Test
    void escapeEqualToQuoteMeansDoubledQuotes() throws IOException {
        assertThat(fields("\"a\"\"b\"\n", options(',', '"', '"', false))).containsExactly(List.of("a\"b"));
    }

    @Test
    void readsHeaderAndNumbersDataRecordsAfterIt() throws IOException {
        RecordReader reader = csv("\nid,name\n1,x\n2,y\n", CsvOptions.defaults());

        assertThat(reader.header()).containsExactly("id", "name");
        assertThat(reader.position()).isEqualTo(9);
        List<TextRecord> records = readAll(reader);
        assertThat(records).extracting(TextRecord::recordNumber).containsExactly(1L, 2L);
        assertThat(records).extracting(TextRecord::lineNumber).containsExactly(3L, 4L);
    }

    @Test
    void withoutHeaderTheFirstRecordIsData() throws IOException {
        RecordReader reader = csv("id,name\n1,x\n", NO_HEADER);

        assertThat(reader.header()).isNull();
        assertThat(readAll(reader)).hasSize(2);
    }

    @Test
    void headerOfEmptyContentIsNull() throws IOException {
        RecordReader reader = csv("", CsvOptions.defaults());

        assertThat(reader.header()).isNull();
        assertThat(reader.next()).isNull();
    }

    @Test
    void decodesUtf8MultiByteText() throws IOException {
        List<TextRecord> records = readAll(csv("名前,\"ü,ß\",😀\nplain\n", NO_HEADER));

        assertThat(records.get(0).fields()).containsExactly("名前", "ü,ß", "😀");
        assertThat(records.get(1).startPosition()).isEqualTo("名前,\"ü,ß\",😀\n".getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void decodesIso88591AndWindows1252() throws IOException {
        CsvOptions latin1 = new CsvOptions(';', '"', null, false, StandardCharsets.ISO_8859_1);
        byte[] content = {'c', 'a', 'f', (byte) 0xE9, ';', (byte) 0xFF, '\n'};
        assertThat(readAll(csv(content, latin1)).get(0).fields()).containsExactly("café", "ÿ");

        CsvOptions cp1252 = new CsvOptions(',', '"', null, false, Charset.forName("windows-1252"));
        byte[] euro = {(byte) 0x80, ',', 'x', '\n'};
        assertThat(readAll(csv(euro, cp1252)).get(0).fields()).containsExactly("€", "x");
    }

    @Test
    void invalidUtf8IsReportedWithItsLineAndReadingContinues() throws IOException {
        byte[] content = {'o', 'k', '\n', 'a', ',', 'b', (byte) 0xC3, '(', '\n', 'n', 'e', 'x', 't', '\n'};
        RecordReader reader = csv(content, NO_HEADER);
        assertThat(reader.next().fields()).containsExactly("ok");

        assertThatThrownBy(reader::next)
                .isInstanceOfSatisfying(RecordFormatException.class, e -> {
                    assertThat(e.lineNumber()).isEqualTo(2);
                    assertThat(e.recordNumber()).isEqualTo(2);
                    assertThat(e.startPosition()).isEqualTo(3);
                    assertThat(e.endPosition()).isEqualTo(9);
                    assertThat(e.reason()).isEqualTo("field 2 holds invalid UTF-8 at byte 1");
                    assertThat(e.rawText()).isEqualTo("a,b\uFFFD(");
                    assertThat(e.getMessage()).contains("line 2");
                });
        assertThat(reader.position()).isEqualTo(9);
        assertThat(reader.recordNumber()).isEqualTo(2);

        TextRecord next = reader.next();
        assertThat(next.fields()).containsExactly("next");
        assertThat(next.lineNumber()).isEqualTo(3);
        assertThat(next.recordNumber()).isEqualTo(3);
    }

    @Test
    void unterminatedQuoteAtEndIsReported() throws IOException {
        RecordReader reader = csv("a,b\nc,\"open\nstill open", NO_HEADER);
        assertThat(reader.next().fields()).containsExactly("a", "b");

        assertThatThrownBy(reader::next)
                .isInstanceOfSatisfying(RecordFormatException.class, e -> {
                    assertThat(e.reason())
                            .isEqualTo("the quote opened on line 2 is not closed before the end of the content");
                    assertThat(e.lineNumber()).isEqualTo(2);
                    assertThat(e.endPosition()).isEqualTo(22);
                    assertThat(e.rawText()).isEqualTo("c,\"open\nstill open");
                });
        assertThat(reader.next()).isNull();
        assertThat(reader.position()).isEqualTo(22);
    }

    @Test
    void overlongRecordIsSkippedWithoutBufferingIt() throws IOException {
        String longField = "x".repeat(300_000);
        String content = "a\n\"" + longField + "\"\nb\n";
        RecordReader reader = RecordReaders.open(ByteSources.bytes(content.getBytes()), FileFormat.CSV, NO_HEADER,
                ReadPosition.START, 100_000);
        assertThat(reader.next().fields()).containsExactly("a");

        assertThatThrownBy(reader::next)
                .isInstanceOfSatisfying(RecordFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo("the record is longer than 100000 bytes");
                    assertThat(e.startPosition()).isEqualTo(2);
                    assertThat(e.endPosition()).isEqualTo(2 + longField.length() + 3);
                    assertThat(e.rawText()).startsWith("\"xxx").hasSizeLessThanOrEqualTo(100_000);
                });
        TextRecord b = reader.next();
        assertThat(b.fields()).containsExactly("b");
        assertThat(b.lineNumber()).isEqualTo(3);
    }

    @Test
    void recordOverTheLimitIsRejectedEvenWhenItFitsTheBuffer() throws IOException {
        byte[] content = "exactly 10\nthis one is too long\nok".getBytes(StandardCharsets.UTF_8);
        RecordReader reader = RecordReaders.open(ByteSources.bytes(content), FileFormat.CSV, NO_HEADER,
                ReadPosition.START, 10);
        assertThat(reader.next().fields()).containsExactly("exactly 10");

        assertThatThrownBy(reader::next).isInstanceOfSatisfying(RecordFormatException.class, e -> {
            assertThat(e.reason()).isEqualTo("the record is longer than 10 bytes");
            assertThat(e.rawText()).isEqualTo("this one is too long");
        });
        assertThat(reader.next().fields()).containsExactly("ok");
    }

    @Test
    void recordsLongerThanTheBufferAreReadWhole() throws IOException {
        String big = "y".repeat(200_000);
        List<List<String>> rows = fields("1," + big + "\n\"" + big + "\r\n" + big + "\",2\n");

        assertThat(rows).containsExactly(List.of("1", big), List.of(big + "\r\n" + big, "2"));
    }

    @Test
    void rawTextExcludesLineTerminator() throws IOException {
        List<TextRecord> records = readAll(csv("\"a\",b\r\nc\n", NO_HEADER));

        assertThat(records).extracting(TextRecord::rawText).containsExactly("\"a\",b", "c");
        assertThat(records.get(0).fields()).isUnmodifiable();
    }

    @Test
    void fieldTextIsTheFieldAsFieldsGivesItWhetherOrNotDecodedYet() throws IOException {
        String content = "plain,\"quoted, with comma\",\"say \"\"hi\"\"\", spaced ,,\"\"\n"
                + "caf\u00e9,\"na\u00efve\",x\n";
        for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1)) {
            CsvOptions options = new CsvOptions(',', '"', null, false, charset);
            List<TextRecord> records = readAll(csv(Records.bytes(content, charset), options));
            List<List<String>> expected = List.of(
                    List.of("plain", "quoted, with comma", "say \"hi\"", " spaced ", "", ""),
                    List.of("caf\u00e9", "na\u00efve", "x"));
            for (int r = 0; r < records.size(); r++) {
                TextRecord record = records.get(r);
                assertThat(record.fieldCount()).isEqualTo(expected.get(r).size());
                for (int i = 0; i < record.fieldCount(); i++) {
                    CharSequence text = record.fieldText(i);
                    String want = expected.get(r).get(i);
                    assertThat(text.toString()).as(charset + " " + want).isEqualTo(want);
                    assertThat(text.length()).isEqualTo(want.length());
                    for (int c = 0; c < want.length(); c++) {
                        assertThat(text.charAt(c)).isEqualTo(want.charAt(c));
                    }
                    if (want.length() > 2) {
                        assertThat(text.subSequence(1, want.length() - 1).toString())
                                .isEqualTo(want.substring(1, want.length() - 1));
                    }
                    assertThatThrownBy(() -> text.charAt(want.length()))
                            .isInstanceOf(IndexOutOfBoundsException.class);
                }
                assertThat(record.fields()).isEqualTo(expected.get(r));
                assertThat(record.fieldText(0).toString()).isEqualTo(expected.get(r).get(0));
            }
        }
    }
}
