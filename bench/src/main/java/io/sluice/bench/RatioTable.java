package io.sluice.bench;

import java.util.List;
import java.util.Locale;

/** A Markdown table of {@link BenchRow}s, each case with its ratio to the baseline measured last before it. */
public final class RatioTable {

    private RatioTable() {
    }

    /** The table of {@code rows}, in their order. */
    public static String markdown(List<BenchRow> rows) {
        StringBuilder sb = new StringBuilder("| part | case | settings | records | time (s) | records/s | vs baseline |\n"
            + "|---|---|---|---:|---:|---:|---:|\n");
        for (int i = 0; i < rows.size(); i++) {
            BenchRow r = rows.get(i);
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %,d | %.1f | %s | %s |%n", r.part(), r.label(),
                r.settings().replace("|", "\\|"), r.records(), r.seconds(),
                r.failure() == null ? String.format(Locale.ROOT, "%,.0f", r.perSecond()) : "failed: " + r.failure(),
                ratio(rows, i)));
        }
        return sb.toString();
    }

    private static String ratio(List<BenchRow> rows, int i) {
        BenchRow r = rows.get(i);
        if (r.baseline() == null || r.failure() != null) {
            return "-";
        }
        for (int j = i - 1; j >= 0; j--) {
            BenchRow b = rows.get(j);
            if (b.label().equals(r.baseline()) && b.part().equals(r.part())) {
                return b.perSecond() > 0 ? String.format(Locale.ROOT, "%.2fx vs %s", r.perSecond() / b.perSecond(),
                    b.label()) : "-";
            }
        }
        return "-";
    }
}
