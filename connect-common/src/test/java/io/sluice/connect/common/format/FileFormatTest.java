package io.sluice.connect.common.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFormatTest {

    @Test
    void detectsFormatFromFileName() {
        assertThat(FileFormat.fromFileName("orders.csv")).contains(FileFormat.CSV);
        assertThat(FileFormat.fromFileName("ORDERS.TSV")).contains(FileFormat.CSV);
        assertThat(FileFormat.fromFileName("/data/in/notes.txt.gz")).contains(FileFormat.CSV);
        assertThat(FileFormat.fromFileName("events.jsonl")).contains(FileFormat.JSONL);
        assertThat(FileFormat.fromFileName("events.ndjson.gzip")).contains(FileFormat.JSONL);
        assertThat(FileFormat.fromFileName("events.json.gz")).contains(FileFormat.JSONL);
        assertThat(FileFormat.fromFileName("archive.gz")).isEqualTo(Optional.empty());
        assertThat(FileFormat.fromFileName("data.parquet")).isEmpty();
        assertThat(FileFormat.fromFileName("csv")).isEmpty();
    }

    @Test
    void detectsGzipByMagicBytes(@TempDir Path dir) throws IOException {
        assertThat(Compression.detect(new byte[] {0x1f, (byte) 0x8b, 8})).isEqualTo(Compression.GZIP);
        assertThat(Compression.detect(new byte[] {0x1f})).isEqualTo(Compression.NONE);
        assertThat(Compression.detect("id,name".getBytes())).isEqualTo(Compression.NONE);

        Path plainNamedGz = Files.write(dir.resolve("plain.csv.gz"), "a,b\n".getBytes());
        Path empty = Files.write(dir.resolve("empty.csv"), new byte[0]);
        assertThat(Compression.detect(plainNamedGz)).isEqualTo(Compression.NONE);
        assertThat(Compression.detect(empty)).isEqualTo(Compression.NONE);
    }
}
