package io.sluice.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options of the CSV benchmark ({@code bench/run-csv}).
 *
 * @param root the repository root (the ZIP and the work directory are found from it)
 * @param heap the heap mode: one large file through the Sluice connector in a small heap
 * @param rows data records in the generated file
 * @param cases the cases to run, in order
 * @param settings the producer settings to run every case at
 * @param fileStreamBatch FileStreamSourceConnector's {@code batch.size}
 * @param sluiceProps extra Sluice connector properties, overriding the harness's
 * @param timeout how long one case may take before it counts as failed
 * @param repeat how many times each case runs, in turn with the others; the fastest run counts
 */
public record CsvBenchOptions(Path root, boolean heap, long rows, List<BenchCase.Kind> cases,
                              List<ProducerSettings> settings, int fileStreamBatch,
                              Map<String, String> sluiceProps, Duration timeout, int repeat) {

    /** Rows of the throughput run: about 120 MB. */
    public static final long DEFAULT_ROWS = 1_000_000L;

    /** Rows of the heap run: about 1.05 GB. */
    public static final long DEFAULT_HEAP_ROWS = 9_000_000L;

    /**
     * FileStreamSourceConnector's {@code batch.size}: among 2000 (its default), 10000 and 50000, 50000
     * was the fastest at both producer settings in our runs, though by little more than the noise.
     */
    public static final int DEFAULT_FILESTREAM_BATCH = 50_000;

    /** The usage text printed for {@code --help} and with every argument error. */
    public static final String USAGE = String.join("\n",
        "usage: bench/run-csv [--heap] [--rows N] [--cases LIST] [--settings LIST] [--repeat N]",
        "                     [--filestream-batch N] [--sluice KEY=VALUE]... [--timeout-s N]",
        "  --heap              one ~1 GB file through the Sluice connector in a worker JVM at -Xmx512m",
        "  --rows N            data rows in the generated CSV (default 1000000; 9000000 with --heap)",
        "  --cases LIST        comma-separated: raw,filestream,filestream-string,sluice-infer,sluice-string,",
        "                      sluice-json-text,sluice-raw (default all;",
        "                      with --heap: sluice-infer)",
        "  --settings LIST     comma-separated producer settings: default,tuned (default both; with --heap: tuned)",
        "  --repeat N          runs of each case, in turn with the others; the fastest counts (default 1)",
        "  --filestream-batch N  batch.size of FileStreamSourceConnector (default 50000)",
        "  --sluice KEY=VALUE  an extra Sluice connector property (repeatable)",
        "  --timeout-s N       seconds one case may take (default 120 + rows/2000)");

    /** Parses the arguments; {@code root} comes from {@code --root} or the working directory. */
    public static CsvBenchOptions parse(String... args) {
        Path root = Path.of("").toAbsolutePath();
        boolean heap = Arrays.asList(args).contains("--heap");
        long rows = heap ? DEFAULT_HEAP_ROWS : DEFAULT_ROWS;
        List<BenchCase.Kind> cases = heap ? List.of(BenchCase.Kind.SLUICE_INFER) : CsvCases.KINDS;
        List<ProducerSettings> settings = heap ? List.of(ProducerSettings.TUNED) : List.of(ProducerSettings.values());
        int fileStreamBatch = DEFAULT_FILESTREAM_BATCH;
        Map<String, String> sluiceProps = new LinkedHashMap<>();
        Long timeoutSeconds = null;
        int repeat = 1;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--heap" -> { }
                case "--root" -> root = Path.of(BenchArgs.value(args, ++i, arg)).toAbsolutePath();
                case "--rows" -> rows = BenchArgs.positive(BenchArgs.value(args, ++i, arg), arg);
                case "--cases" -> cases = BenchArgs.list(BenchArgs.value(args, ++i, arg), CsvBenchOptions::csvCase);
                case "--settings" -> settings = BenchArgs.list(BenchArgs.value(args, ++i, arg), ProducerSettings::fromLabel);
                case "--filestream-batch" -> fileStreamBatch = (int) BenchArgs.positive(BenchArgs.value(args, ++i, arg), arg);
                case "--sluice" -> BenchArgs.put(sluiceProps, BenchArgs.value(args, ++i, arg), arg);
                case "--timeout-s" -> timeoutSeconds = BenchArgs.positive(BenchArgs.value(args, ++i, arg), arg);
                case "--repeat" -> repeat = (int) BenchArgs.positive(BenchArgs.value(args, ++i, arg), arg);
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        long seconds = timeoutSeconds != null ? timeoutSeconds : 120 + rows / 2000;
        return new CsvBenchOptions(root, heap, rows, cases, settings, fileStreamBatch,
            Map.copyOf(sluiceProps), Duration.ofSeconds(seconds), repeat);
    }

    /** The directory for generated files, plugin copies and results (gitignored). */
    public Path workDir() {
        return root.resolve("bench").resolve("work");
    }

    private static BenchCase.Kind csvCase(String label) {
        BenchCase.Kind kind = BenchCase.Kind.fromLabel(label);
        if (!CsvCases.KINDS.contains(kind)) {
            throw new IllegalArgumentException("'" + label + "' is not a CSV case: use raw, filestream, filestream-string, "
                + "sluice-infer, sluice-string, sluice-json-text or sluice-raw");
        }
        return kind;
    }
}
