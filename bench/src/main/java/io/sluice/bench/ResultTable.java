package io.sluice.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Formats results as a Markdown table, each case set against the raw producer and the faster
 * FileStreamSource baseline (JsonConverter or StringConverter) measured at the same producer
 * settings in the same run.
 */
public final class ResultTable {

    private static final String HEADER =
        "| case | producer | settings | records/s | vs raw producer | vs FileStreamSource "
        + "| time (s) | first record (s) | records/s after first | value bytes | header bytes |\n"
        + "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";

    private ResultTable() {
    }

    /** The table of {@code results}, in their order. */
    public static String markdown(List<CaseResult> results) {
        StringBuilder sb = new StringBuilder(HEADER);
        for (CaseResult r : results) {
            sb.append("| ").append(r.kind().label())
                .append(" | ").append(r.settings().describe())
                .append(" | ").append(r.description().replace("|", "\\|"))
                .append(" | ").append(r.completed() ? String.format(Locale.ROOT, "%,.0f", r.recordsPerSecond())
                    : failureCell(r))
                .append(" | ").append(ratio(r, baseline(results, r, BenchCase.Kind.RAW)))
                .append(" | ").append(ratio(r, fastest(baseline(results, r, BenchCase.Kind.FILESTREAM),
                    baseline(results, r, BenchCase.Kind.FILESTREAM_STRING))))
                .append(" | ").append(String.format(Locale.ROOT, "%.1f", r.seconds()))
                .append(" | ").append(r.firstRecordNanos() < 0 ? "-"
                    : String.format(Locale.ROOT, "%.2f", r.firstRecordNanos() / 1e9))
                .append(" | ").append(r.completed() ? String.format(Locale.ROOT, "%,.0f", r.steadyRecordsPerSecond())
                    : "-")
                .append(" | ").append(String.format(Locale.ROOT, "%.0f", r.avgValueBytes()))
                .append(" | ").append(String.format(Locale.ROOT, "%.0f", r.avgHeaderBytes()))
                .append(" |\n");
        }
        return sb.toString();
    }

    /** The completed case of {@code kind} measured at the same producer settings as {@code r}. */
    static Optional<CaseResult> baseline(List<CaseResult> results, CaseResult r, BenchCase.Kind kind) {
        return results.stream()
            .filter(b -> b.kind() == kind && b.settings() == r.settings() && b.completed())
            .findFirst();
    }

    private static Optional<CaseResult> fastest(Optional<CaseResult> a, Optional<CaseResult> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isPresent() ? a : b;
        }
        return a.get().recordsPerSecond() >= b.get().recordsPerSecond() ? a : b;
    }

    private static String ratio(CaseResult r, Optional<CaseResult> baseline) {
        if (!r.completed() || baseline.isEmpty()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2fx", r.recordsPerSecond() / baseline.get().recordsPerSecond());
    }

    private static String failureCell(CaseResult r) {
        return r.failure() != null ? "failed" : "timed out at " + r.reached();
    }
}
