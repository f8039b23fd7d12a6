package io.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDataGeneratorTest {

    @TempDir
    Path work;

    @Test
    void writesTheHeaderAndOneLineOfTenFieldsPerRow() throws IOException {
        String[] lines = generate(2000).split("\n", -1);

        assertThat(lines[0]).isEqualTo(CsvDataGenerator.HEADER);
        assertThat(lines).hasSize(2000 + 2); // header, rows, and the empty string after the last LF
        assertThat(lines[lines.length - 1]).isEmpty();
        for (int i = 1; i <= 2000; i++) {
            assertThat(fields(lines[i])).as("line %d: %s", i + 1, lines[i]).hasSize(CsvDataGenerator.COLUMNS);
            assertThat(fields(lines[i]).get(0)).isEqualTo(Integer.toString(i));
        }
    }

    @Test
    void columnsHoldIntsDecimalsTimestampsAndStringsWithSomeQuotedCommas() throws IOException {
        String[] lines = generate(500).split("\n");
        long quoted = 0;
        for (int i = 1; i < lines.length; i++) {
            List<String> f = fields(lines[i]);
            assertThat(f.get(1)).matches("\\d{5}");
            assertThat(f.get(2)).matches("\\d+\\.\\d{2}");
            assertThat(f.get(3)).matches("\\d+\\.\\d{3}");
            assertThat(f.get(5)).matches("2024-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(f.get(6)).matches("202[45]-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(f.get(7)).matches("[A-Z]{2}");
            quoted += f.get(9).contains(",") ? 1 : 0;
        }
        assertThat(quoted).isBetween(20L, 90L);
    }

    @Test
    void recordsAverageAbout120BytesSoAMillionRowsMakeAbout120Megabytes() throws IOException {
        int rows = 20_000;
        double perRow = (double) generate(rows).length() / rows;

        assertThat(perRow).isBetween(100.0, 130.0);
    }

    @Test
    void theSameRowCountGivesTheSameContent() throws IOException {
        assertThat(generate(300)).isEqualTo(generate(300));
    }

    @Test
    void ensureWritesOnceAndReusesACompleteFile() throws IOException {
        Path dir = CsvDataGenerator.ensure(work, 100);
        Path file = dir.resolve(CsvDataGenerator.FILE_NAME);
        assertThat(Files.readString(file)).isEqualTo(generate(100));
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(file); // nothing but the data file for the connectors to see
        }

        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, old);
        assertThat(CsvDataGenerator.ensure(work, 100)).isEqualTo(dir);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
    }

    private static String generate(long rows) throws IOException {
        StringWriter out = new StringWriter();
        CsvDataGenerator.write(out, rows);
        return out.toString();
    }

    // Enough CSV for this file's content: quoted fields hold commas but no quotes or line breaks.
    private static List<String> fields(String line) {
        List<String> result = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                result.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        result.add(field.toString());
        return result;
    }
}
