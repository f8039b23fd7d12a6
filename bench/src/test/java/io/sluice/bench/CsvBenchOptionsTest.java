package io.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvBenchOptionsTest {

    @Test
    void defaultsRunEveryCaseAtBothSettingsOnAMillionRows() {
        CsvBenchOptions o = CsvBenchOptions.parse("--root", "/repo");

        assertThat(o.heap()).isFalse();
        assertThat(o.rows()).isEqualTo(1_000_000L);
        assertThat(o.cases()).containsExactlyElementsOf(CsvCases.KINDS);
        assertThat(o.settings()).containsExactly(ProducerSettings.DEFAULT, ProducerSettings.TUNED);
        assertThat(o.workDir()).isEqualTo(Path.of("/repo/bench/work"));
        assertThat(o.timeout()).isEqualTo(Duration.ofSeconds(120 + 500));
        assertThat(o.repeat()).isEqualTo(1);
    }

    @Test
    void heapModeDefaultsToALargeFileThroughTheSluiceConnector() {
        CsvBenchOptions o = CsvBenchOptions.parse("--heap");

        assertThat(o.rows()).isEqualTo(CsvBenchOptions.DEFAULT_HEAP_ROWS);
        assertThat(o.cases()).containsExactly(BenchCase.Kind.SLUICE_INFER);
        assertThat(o.settings()).containsExactly(ProducerSettings.TUNED);
    }

    @Test
    void optionsOverrideTheDefaults() {
        CsvBenchOptions o = CsvBenchOptions.parse("--heap", "--rows", "50_000", "--cases", "raw, filestream",
            "--settings", "default", "--filestream-batch", "2000", "--sluice", "batch.size=5000",
            "--sluice", "poll.interval.ms=100", "--timeout-s", "30", "--repeat", "3");

        assertThat(o.rows()).isEqualTo(50_000L);
        assertThat(o.cases()).isEqualTo(List.of(BenchCase.Kind.RAW, BenchCase.Kind.FILESTREAM));
        assertThat(o.settings()).containsExactly(ProducerSettings.DEFAULT);
        assertThat(o.repeat()).isEqualTo(3);
        assertThat(o.fileStreamBatch()).isEqualTo(2000);
        assertThat(o.sluiceProps()).isEqualTo(Map.of("batch.size", "5000", "poll.interval.ms", "100"));
        assertThat(o.timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void badArgumentsNameTheArgument() {
        assertThatThrownBy(() -> CsvBenchOptions.parse("--rows", "0")).hasMessageContaining("--rows");
        assertThatThrownBy(() -> CsvBenchOptions.parse("--rows")).hasMessageContaining("--rows needs a value");
        assertThatThrownBy(() -> CsvBenchOptions.parse("--cases", "kafka")).hasMessageContaining("'kafka'");
        assertThatThrownBy(() -> CsvBenchOptions.parse("--settings", "fast")).hasMessageContaining("'fast'");
        assertThatThrownBy(() -> CsvBenchOptions.parse("--sluice", "batch.size")).hasMessageContaining("KEY=VALUE");
        assertThatThrownBy(() -> CsvBenchOptions.parse("--fast")).hasMessageContaining("'--fast'");
    }
}
