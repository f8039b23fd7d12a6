package io.sluice.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options of the JDBC sink benchmark ({@code bench/run-jdbc}).
 *
 * @param root the repository root
 * @param rows records in the topic
 * @param url the PostgreSQL database every case writes to
 * @param user its user (no password: trust authentication)
 * @param modes insert and/or upsert
 * @param cases copy, sluice, debezium and/or connect-ceiling, run in this order within each mode (connect-ceiling
 *     only within the first)
 * @param sluiceProps extra Sluice connector properties
 * @param debeziumProps extra Debezium connector properties
 * @param timeout how long one case may take
 */
public record JdbcBenchOptions(Path root, long rows, String url, String user, List<String> modes, List<String> cases,
                               Map<String, String> sluiceProps, Map<String, String> debeziumProps,
                               Duration timeout) {

    /** The usage text printed for {@code --help} and with every argument error. */
    public static final String USAGE = String.join("\n",
        "usage: bench/run-jdbc [--rows N] [--url JDBC-URL] [--user NAME] [--modes insert,upsert]",
        "                      [--cases copy,sluice,debezium,connect-ceiling] [--sluice K=V]... [--debezium K=V]...",
        "                      [--timeout-s N]",
        "  --rows N          records in the topic (default 1000000)",
        "  --url URL         PostgreSQL (default jdbc:postgresql://127.0.0.1:5432/test); tables start with sluice_bench_",
        "  --user NAME       its user, trust authentication (default postgres)",
        "  --modes LIST      insert, upsert or both (default both)",
        "  --cases LIST      copy, sluice, debezium, connect-ceiling (default all, in this order); connect-ceiling,",
        "                    Kafka's FileStreamSinkConnector into a file, runs in the first mode only",
        "  --sluice K=V      an extra Sluice connector property (repeatable)",
        "  --debezium K=V    an extra Debezium connector property (repeatable)",
        "  --timeout-s N     seconds one case may take (default 120 + rows/2000)");

    private static final List<String> MODES = List.of("insert", "upsert");
    private static final List<String> CASES = List.of("copy", "sluice", "debezium", ConnectCeiling.LABEL);

    /** Parses the arguments. */
    public static JdbcBenchOptions parse(String... args) {
        Path root = Path.of("").toAbsolutePath();
        long rows = 1_000_000L;
        String url = "jdbc:postgresql://127.0.0.1:5432/test";
        String user = "postgres";
        List<String> modes = MODES;
        List<String> cases = CASES;
        Map<String, String> sluice = new LinkedHashMap<>();
        Map<String, String> debezium = new LinkedHashMap<>();
        Long timeoutSeconds = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--root" -> root = Path.of(BenchArgs.value(args, ++i, arg)).toAbsolutePath();
                case "--rows" -> rows = BenchArgs.positive(BenchArgs.value(args, ++i, arg), arg);
                case "--url" -> url = BenchArgs.value(args, ++i, arg);
                case "--user" -> user = BenchArgs.value(args, ++i, arg);
                case "--modes" -> modes = BenchArgs.list(BenchArgs.value(args, ++i, arg), m -> oneOf(m, MODES, arg));
                case "--cases" -> cases = BenchArgs.list(BenchArgs.value(args, ++i, arg), c -> oneOf(c, CASES, arg));
                case "--sluice" -> BenchArgs.put(sluice, BenchArgs.value(args, ++i, arg), arg);
                case "--debezium" -> BenchArgs.put(debezium, BenchArgs.value(args, ++i, arg), arg);
                case "--timeout-s" -> timeoutSeconds = BenchArgs.positive(BenchArgs.value(args, ++i, arg), arg);
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        Duration timeout = Duration.ofSeconds(timeoutSeconds != null ? timeoutSeconds : 120 + rows / 2000);
        return new JdbcBenchOptions(root, rows, url, user, modes, cases, Map.copyOf(sluice), Map.copyOf(debezium),
            timeout);
    }

    static String oneOf(String value, List<String> allowed, String option) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(option + ": unknown value '" + value + "', use " + allowed);
        }
        return value;
    }
}
