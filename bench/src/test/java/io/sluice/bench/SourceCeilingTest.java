package io.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceCeilingTest {

    @TempDir
    Path dir;

    @Test
    void theFileIsWrittenOnceAndReusedWhileItHoldsTheRows() throws Exception {
        Path file = SourceCeiling.file(dir.resolve("pg-ceiling"), "sluice_bench_src_3");
        AtomicInteger writes = new AtomicInteger();
        SourceCeiling.RowWriter writer = out -> {
            writes.incrementAndGet();
            for (long i = 0; i < 3; i++) {
                out.write(PgBenchData.csvLine(i).getBytes(StandardCharsets.UTF_8));
            }
            return 3;
        };
        assertThat(SourceCeiling.ensureFile(file, 3, writer)).isTrue();
        assertThat(file.getFileName()).hasToString("sluice_bench_src_3.csv");
        assertThat(Files.readAllLines(file)).hasSize(3).first().asString().startsWith("0,c-0,0.00,EUR,new,");
        assertThat(SourceCeiling.ensureFile(file, 3, writer)).isFalse();
        assertThat(writes).hasValue(1);

        Files.writeString(file, "0,cut short\n");
        assertThat(SourceCeiling.ensureFile(file, 3, writer)).isTrue();
        assertThat(writes).hasValue(2);
        assertThat(SourceCeiling.lines(file)).isEqualTo(3);
        assertThat(dir.resolve("pg-ceiling")).isDirectoryContaining(p -> p.equals(file))
            .isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".partial"));
    }

    @Test
    void aCopyThatWritesTooFewRowsLeavesNoFileToReuse() {
        Path file = SourceCeiling.file(dir, "sluice_bench_src_5");
        assertThatThrownBy(() -> SourceCeiling.ensureFile(file, 5, out -> {
            out.write("0,a\n1,b\n".getBytes(StandardCharsets.UTF_8));
            return 2;
        })).hasMessageContaining("wrote 2 lines").hasMessageContaining("expected 5");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void linesCountsNewlinesAcrossReadBuffers() throws IOException {
        Path file = dir.resolve("big.csv");
        Files.writeString(file, "1,x\n".repeat(100_000) + "no newline at the end");
        assertThat(SourceCeiling.lines(file)).isEqualTo(100_000);
    }

    @Test
    void theConnectorReadsTheFileThroughThePipelineOfTheOtherCasesKeepingTheTopic() {
        Path file = dir.resolve("t.csv");
        assertThat(SourceCeiling.config(file, PostgresBench.pipeline(ProducerSettings.TUNED)))
            .containsEntry("connector.class", "org.apache.kafka.connect.file.FileStreamSourceConnector")
            .containsEntry("file", file.toAbsolutePath().toString())
            .containsEntry("batch.size", "50000")
            .containsEntry("tasks.max", "1")
            .containsEntry("key.converter", "org.apache.kafka.connect.json.JsonConverter")
            .containsEntry("value.converter", "org.apache.kafka.connect.json.JsonConverter")
            .containsEntry("value.converter.schemas.enable", "false")
            .containsEntry("transforms.route.regex", ".*")
            .containsEntry("transforms.route.replacement", "$0")
            .containsEntry("producer.override.batch.size", "262144")
            .doesNotContainKey("topic");
    }

    @Test
    void theCeilingIsACaseOfThePostgresBenchRunAfterTheOthersByDefault() {
        assertThat(PostgresBenchOptions.parse().cases())
            .containsExactly("sluice-full", "sluice-incremental", "debezium", "connect-ceiling");
        assertThat(PostgresBenchOptions.parse("--cases", "sluice-full,connect-ceiling").cases())
            .containsExactly("sluice-full", "connect-ceiling");
        assertThat(PostgresBenchOptions.USAGE).contains("connect-ceiling");
        assertThat(BenchCase.Kind.fromLabel(SourceCeiling.LABEL).needsSluice()).isFalse();
    }
}
