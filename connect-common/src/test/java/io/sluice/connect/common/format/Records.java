package io.sluice.connect.common.format;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: read whole contents into lists. */
final class Records {

    static final CsvOptions NO_HEADER = options(',', '"', null, false);

    private Records() {
    }

    static CsvOptions options(char delimiter, char quote, Character escape, boolean header) {
        return new CsvOptions(delimiter, quote, escape, header, StandardCharsets.UTF_8);
    }

    static RecordReader csv(String content, CsvOptions options) throws IOException {
        return csv(content.getBytes(options.charset()), options);
    }

    static RecordReader csv(byte[] content, CsvOptions options) throws IOException {
        return RecordReaders.open(ByteSources.bytes(content), FileFormat.CSV, options, ReadPosition.START);
    }

    static List<TextRecord> readAll(RecordReader reader) throws IOException {
        List<TextRecord> records = new ArrayList<>();
        try (reader) {
            for (TextRecord r; (r = reader.next()) != null; ) {
                records.add(r);
            }
        }
        return records;
    }

    static List<List<String>> fields(String content, CsvOptions options) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (TextRecord r : readAll(csv(content, options))) {
            rows.add(r.fields());
        }
        return rows;
    }

    static List<List<String>> fields(String content) throws IOException {
        return fields(content, NO_HEADER);
    }

    static byte[] bytes(String s, Charset charset) {
        return s.getBytes(charset);
    }
}
