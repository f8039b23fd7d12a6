package io.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectCeilingTest {

    @TempDir
    Path dir;

    @Test
    void linesAreTheNewlinesAppendedSoFarCountedOnce() throws IOException {
        Path file = dir.resolve("ceiling.txt");
        try (ConnectCeiling ceiling = new ConnectCeiling(file)) {
            assertThat(ceiling.lines()).isZero();
            append(file, "Struct{id=0}\nStruct{id=1}\nStruct{id=");
            assertThat(ceiling.lines()).isEqualTo(2);
            assertThat(ceiling.lines()).isEqualTo(2);
            append(file, "2}\n" + "Struct{id=3}\n".repeat(200_000));
            assertThat(ceiling.lines()).isEqualTo(200_003);
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void aFileLeftByAnEarlierRunIsDeletedBeforeTheCaseStarts() throws IOException {
        Path file = dir.resolve("ceiling.txt");
        Files.writeString(file, "old\nlines\n");
        try (ConnectCeiling ceiling = new ConnectCeiling(file)) {
            assertThat(file).doesNotExist();
            append(file, "new\n");
            assertThat(ceiling.lines()).isEqualTo(1);
        }
    }

    @Test
    void theConnectorReadsWithTheGivenSettingsAndWritesTheFile() throws IOException {
        Path file = dir.resolve("ceiling.txt");
        try (ConnectCeiling ceiling = new ConnectCeiling(file)) {
            assertThat(ceiling.config(Map.of("connector.class", ConnectCeiling.CONNECTOR,
                "consumer.override.max.poll.records", "10000")))
                .containsEntry("file", file.toString())
                .containsEntry("connector.class", "org.apache.kafka.connect.file.FileStreamSinkConnector")
                .containsEntry("consumer.override.max.poll.records", "10000");
        }
    }

    @Test
    void theCeilingRunsInTheFirstModeOnlyAfterTheOtherCases() {
        JdbcBenchOptions both = JdbcBenchOptions.parse();
        assertThat(JdbcBench.casesIn(both, "insert")).containsExactly("copy", "sluice", "debezium", "connect-ceiling");
        assertThat(JdbcBench.casesIn(both, "upsert")).containsExactly("copy", "sluice", "debezium");
        JdbcBenchOptions upsert = JdbcBenchOptions.parse("--modes", "upsert", "--cases", "connect-ceiling,copy");
        assertThat(JdbcBench.casesIn(upsert, "upsert")).containsExactly("connect-ceiling", "copy");
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
