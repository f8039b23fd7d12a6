package io.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void ratiosCompareWithTheBaselinesAtTheSameProducerSettings() {
        List<CaseResult> results = List.of(
            result(BenchCase.Kind.RAW, ProducerSettings.DEFAULT, 1000, 1 * SECOND),
            result(BenchCase.Kind.FILESTREAM, ProducerSettings.DEFAULT, 1000, 4 * SECOND),
            result(BenchCase.Kind.SLUICE_INFER, ProducerSettings.DEFAULT, 1000, 2 * SECOND),
            result(BenchCase.Kind.RAW, ProducerSettings.TUNED, 1000, SECOND / 4),
            result(BenchCase.Kind.SLUICE_INFER, ProducerSettings.TUNED, 1000, SECOND));

        List<String> rows = rows(ResultTable.markdown(results));

        assertThat(rows.get(2)).startsWith("| sluice-infer | Connect defaults |")
            .contains("| 500 | 0.50x | 2.00x |");
        assertThat(rows.get(4)).startsWith("| sluice-infer | linger.ms=10 batch.size=262144 |")
            .contains("| 1,000 | 0.25x | - |"); // no FileStreamSource at these settings
        assertThat(rows.get(0)).contains("| 1,000 | 1.00x | 4.00x |");
    }

    @Test
    void theFileStreamRatioIsAgainstTheFasterOfItsTwoConverters() {
        List<CaseResult> results = List.of(
            result(BenchCase.Kind.FILESTREAM, ProducerSettings.TUNED, 1000, 4 * SECOND),
            result(BenchCase.Kind.FILESTREAM_STRING, ProducerSettings.TUNED, 1000, 2 * SECOND),
            result(BenchCase.Kind.SLUICE_JSON_TEXT, ProducerSettings.TUNED, 1000, SECOND),
            result(BenchCase.Kind.FILESTREAM, ProducerSettings.DEFAULT, 1000, 2 * SECOND),
            result(BenchCase.Kind.FILESTREAM_STRING, ProducerSettings.DEFAULT, 1000, 4 * SECOND),
            result(BenchCase.Kind.SLUICE_INFER, ProducerSettings.DEFAULT, 1000, SECOND));

        List<String> rows = rows(ResultTable.markdown(results));

        assertThat(rows.get(2)).startsWith("| sluice-json-text |").contains("| 1,000 | - | 2.00x |");
        assertThat(rows.get(5)).startsWith("| sluice-infer |").contains("| 1,000 | - | 2.00x |");
    }

    @Test
    void aCaseThatDidNotCompleteHasNoRateAndIsNoBaseline() {
        List<CaseResult> results = List.of(
            new CaseResult(BenchCase.Kind.RAW, ProducerSettings.DEFAULT, "raw", 1000, 1000, 10, SECOND, 1, 90, 0,
                "send failed: broker down"),
            new CaseResult(BenchCase.Kind.FILESTREAM, ProducerSettings.DEFAULT, "fs", 1001, 1001, 600, SECOND, 1, 90, 0,
                null),
            result(BenchCase.Kind.SLUICE_INFER, ProducerSettings.DEFAULT, 1000, SECOND));

        List<String> rows = rows(ResultTable.markdown(results));

        assertThat(rows.get(0)).contains("| failed | - | - |");
        assertThat(rows.get(1)).contains("| timed out at 600 | - | - |");
        assertThat(rows.get(2)).contains("| 1,000 | - | - |");
    }

    @Test
    void ofRepeatedRunsTheFasterCompletedOneCounts() {
        CaseResult slow = result(BenchCase.Kind.SLUICE_RAW, ProducerSettings.TUNED, 1000, 2 * SECOND);
        CaseResult quick = result(BenchCase.Kind.SLUICE_RAW, ProducerSettings.TUNED, 1000, SECOND);
        CaseResult failed = new CaseResult(BenchCase.Kind.SLUICE_RAW, ProducerSettings.TUNED, "x", 1000, 1000, 10,
            SECOND / 10, 1, 90, 0, "task failed");

        assertThat(CaseResult.faster(slow, quick)).isSameAs(quick);
        assertThat(CaseResult.faster(quick, slow)).isSameAs(quick);
        assertThat(CaseResult.faster(failed, slow)).isSameAs(slow);
        assertThat(CaseResult.faster(slow, failed)).isSameAs(slow);
    }

    @Test
    void aCaseShortOfItsTotalByItsToleranceCompletesAtTheRecordsItSent() {
        CaseResult fileStream = new CaseResult(BenchCase.Kind.FILESTREAM, ProducerSettings.DEFAULT, "fs",
            1001, 1, 990, SECOND, 1, 90, 0, null);

        assertThat(fileStream.completed()).isTrue();
        assertThat(fileStream.recordsPerSecond()).isEqualTo(990.0);
    }

    private static CaseResult result(BenchCase.Kind kind, ProducerSettings settings, long records, long nanos) {
        return new CaseResult(kind, settings, kind.label(), records, records, records, nanos, nanos / 10, 100, 40,
            null);
    }

    private static List<String> rows(String table) {
        List<String> lines = List.of(table.split("\n"));
        assertThat(lines.get(0)).startsWith("| case | producer |");
        return lines.subList(2, lines.size());
    }
}
