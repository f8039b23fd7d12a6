package io.sluice.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * The CSV source benchmark: a generated file moved into Kafka by the raw producer, by
 * FileStreamSourceConnector and by the Sluice CSV connector, in one Connect worker, at Connect's
 * default producer settings and at tuned ones. Prints a Markdown table of records/s and ratios.
 *
 * <p>With {@code --heap} it instead moves one large file through the Sluice connector and reports
 * whether it completed and how much heap the JVM (started by {@code bench/run-csv} at -Xmx512m,
 * hosting broker and worker alike) used at its peak.
 */
public final class CsvBench {

    private static final long WARM_UP_ROWS = 100_000L;

    private final CsvBenchOptions options;
    private final PrintStream out;

    /** A benchmark run with {@code options}, printing to {@code out}. */
    public CsvBench(CsvBenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the benchmark; exits 0 when every case completed, 1 when one did not, 2 on bad arguments. */
    public static void main(String[] args) {
        BenchMain.main(args, CsvBenchOptions.USAGE, a -> new CsvBench(CsvBenchOptions.parse(a), System.out)::run);
    }

    /** Runs the cases and prints the results; returns the process exit code. */
    public int run() throws Exception {
        Path work = Files.createDirectories(options.workDir());
        Optional<Path> zip = PluginPath.sourceCsvZip(options.root());
        boolean needsSluice = options.cases().stream().anyMatch(BenchCase.Kind::needsSluice);
        if (needsSluice && zip.isEmpty()) {
            out.println("No " + PluginPath.SOURCE_CSV_PACKAGES + "/sluice-source-csv-*.zip: build source-csv "
                + "(bench/run-csv does) or run only --cases raw,filestream");
            return 2;
        }
        out.printf(Locale.ROOT, "Generating %,d rows (reused when present)...%n", options.rows());
        Path dataDir = CsvDataGenerator.ensure(work, options.rows());
        long fileBytes = Files.size(dataDir.resolve(CsvDataGenerator.FILE_NAME));
        Optional<Path> usedZip = needsSluice ? zip : Optional.empty();
        Path plugins = PluginPath.prepare(options.root(), work.resolve("plugins"), usedZip);
        List<CaseResult> results = new ArrayList<>();
        try (BenchCluster cluster = BenchCluster.start(plugins);
             HeapMonitor heap = options.heap() ? HeapMonitor.start() : null) {
            CaseRunner runner = new CaseRunner(cluster, options.timeout(), out);
            CsvCases cases = new CsvCases(dataDir, options.rows(), options, cluster);
            if (heap != null) {
                heap.markIdle();
            } else {
                warmUp(work, runner, cluster);
            }
            for (ProducerSettings settings : options.settings()) {
                Map<BenchCase.Kind, CaseResult> fastest = new LinkedHashMap<>();
                for (int run = 1; run <= options.repeat(); run++) {
                    if (options.repeat() > 1) {
                        out.printf(Locale.ROOT, "Round %d of %d at %s:%n", run, options.repeat(), settings.describe());
                    }
                    for (BenchCase.Kind kind : options.cases()) {
                        fastest.merge(kind, runner.run(cases.create(kind, settings), settings), CaseResult::faster);
                    }
                }
                results.addAll(fastest.values());
            }
            String report = header(fileBytes, usedZip) + "\n" + ResultTable.markdown(results)
                + (heap != null ? "\n```\n" + heap.report() + "```\n" : "");
            out.println();
            out.print(report);
            Path saved = BenchMain.save(work, "csv", report);
            out.println("\nSaved to " + saved);
        }
        return results.stream().allMatch(CaseResult::completed) ? 0 : 1;
    }

    /**
     * Runs every selected case once on a smaller file, unmeasured: otherwise the first case of each
     * connector would also pay for loading its classes and compiling its hot paths, and the order
     * of the cases would show in the ratios.
     */
    private void warmUp(Path work, CaseRunner runner, BenchCluster cluster) throws Exception {
        long rows = Math.min(options.rows(), WARM_UP_ROWS);
        CsvCases warmUpCases = new CsvCases(CsvDataGenerator.ensure(work, rows), rows, options, cluster);
        out.printf(Locale.ROOT, "Warm-up on %,d rows (not measured):%n", rows);
        for (BenchCase.Kind kind : options.cases()) {
            runner.run(warmUpCases.create(kind, ProducerSettings.TUNED), ProducerSettings.TUNED);
        }
        out.println("Measured runs:");
    }

    private String header(long fileBytes, Optional<Path> zip) {
        return String.format(Locale.ROOT,
            "CSV source benchmark%s, %s%n%n- file: %,d rows + header, 10 columns, %.1f MB%n"
                + "- Kafka %s, Java %s, %d cores, one broker and one worker in one JVM (-Xmx %d MB)%n"
                + "- connector: %s%n"
                + "- records/s: records in the topic / time from connector creation (or producer start) until the "
                + "topic's end offset, polled every 50 ms, last grew; \"after first\" leaves out the time to the "
                + "first record%n"
                + "- runs: %d of each case, in turn with the others; the table keeps each case's fastest%n",
            options.heap() ? " (heap mode)" : "",
            DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0)),
            options.rows(), fileBytes / 1e6, AppInfoParser.getVersion(), System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
            zip.map(p -> p.getFileName().toString()).orElse("(not used)"), options.repeat());
    }
}
