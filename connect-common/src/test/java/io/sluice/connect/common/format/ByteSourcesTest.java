package io.sluice.connect.common.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ByteSourcesTest {

    @TempDir
    Path dir;

    @Test
    void plainFileOpensAtPosition() throws IOException {
        Path file = Files.writeString(dir.resolve("a.csv"), "0123456789");

        try (InputStream in = ByteSources.file(file, Compression.NONE).open(4)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("456789");
        }
        try (InputStream in = ByteSources.file(file, Compression.NONE).open(10)) {
            assertThat(in.read()).isEqualTo(-1);
        }
        assertThatThrownBy(() -> ByteSources.file(file, Compression.NONE).open(11))
                .isInstanceOf(EOFException.class).hasMessageContaining("only 10 bytes");
    }

    @Test
    void gzipFileOpensAtUncompressedPosition() throws IOException {
        Path file = gzip("b.csv.gz", "0123456789".repeat(20_000));
        ByteSource source = ByteSources.file(file, Compression.GZIP);

        try (InputStream in = source.open(150_005)) {
            assertThat(new String(in.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("56789");
        }
        assertThatThrownBy(() -> source.open(200_001)).isInstanceOf(EOFException.class);
    }

    @Test
    void readsAndResumesGzipCsvBySkipping() throws IOException {
        StringBuilder csv = new StringBuilder("id,text\n");
        for (int i = 1; i <= 5_000; i++) {
            csv.append(i).append(",\"line ").append(i).append(i % 7 == 0 ? "\r\nwrapped" : "").append("\"\n");
        }
        Path file = gzip("c.csv.gz", csv.toString());
        assertThat(Compression.detect(file)).isEqualTo(Compression.GZIP);
        ByteSource source = ByteSources.file(file, Compression.detect(file));

        List<TextRecord> all = new ArrayList<>();
        ReadPosition middle = null;
        CsvOptions options = CsvOptions.defaults();
        try (RecordReader reader = RecordReaders.open(source, FileFormat.CSV, options, ReadPosition.START)) {
            for (TextRecord r; (r = reader.next()) != null; ) {
                all.add(r);
                if (r.recordNumber() == 2_500) {
                    middle = reader.readPosition();
                }
            }
        }
        assertThat(all).hasSize(5_000);
        assertThat(all.get(6).fields()).containsExactly("7", "line 7\r\nwrapped");

        try (RecordReader resumed = RecordReaders.open(source, FileFormat.CSV, options, middle)) {
            assertThat(resumed.header()).containsExactly("id", "text");
            assertThat(CsvResumeTest.summaries(Records.readAll(resumed)))
                    .isEqualTo(CsvResumeTest.summaries(all.subList(2_500, 5_000)));
        }
    }

    @Test
    void concatenatedGzipMembersReadAsOneStream() throws IOException {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(gzipBytes("{\"a\":1}\n"));
        both.writeBytes(gzipBytes("{\"a\":2}\n"));
        ByteSource source = ByteSources.gzip(ByteSources.bytes(both.toByteArray()));

        List<TextRecord> records = Records.readAll(
                RecordReaders.open(source, FileFormat.JSONL, null, ReadPosition.START));
        assertThat(records).extracting(r -> r.json().get("a").asInt()).containsExactly(1, 2);
    }

    @Test
    void byteArraySourceRejectsPositionsBeyondTheEnd() {
        assertThatThrownBy(() -> ByteSources.bytes(new byte[3]).open(4)).isInstanceOf(EOFException.class);
    }

    private Path gzip(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, gzipBytes(content));
        return file;
    }

    private static byte[] gzipBytes(String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
