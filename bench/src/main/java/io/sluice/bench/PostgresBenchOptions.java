package io.sluice.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options of the PostgreSQL source benchmark ({@code bench/run-postgres}).
 *
 * @param root the repository root
 * @param rows rows in the table
 * @param url the PostgreSQL database (jdbc:postgresql://host:port/database)
 * @param user its user (no password: trust authentication)
 * @param cases sluice-full, sluice-incremental, debezium and/or connect-ceiling, run in the order given (by default
 *     this one) at each setting
 * @param settings the producer settings every connector runs at
 * @param sluiceProps extra Sluice connector properties
 * @param debeziumProps extra Debezium connector properties
 * @param timeout how long one case may take
 * @param repeat how many rounds of the baseline and the cases run at each setting; each one's fastest run counts
 */
public record PostgresBenchOptions(Path root, long rows, String url, String user, List<String> cases,
                                   List<ProducerSettings> settings, Map<String, String> sluiceProps,
                                   Map<String, String> debeziumProps, Duration timeout, int repeat) {

    /** The usage text printed for {@code --help} and with every argument error. */
    public static final String USAGE = String.join("\n",
        "usage: bench/run-postgres [--rows N] [--url JDBC-URL] [--user NAME] [--cases LIST] [--settings LIST]",
        "                          [--sluice K=V]... [--debezium K=V]... [--timeout-s N] [--repeat N]",
        "  --rows N          rows in the table (default 1000000); tables start with sluice_bench_",
        "  --url URL         PostgreSQL with wal_level=logical (default jdbc:postgresql://127.0.0.1:5432/test)",
        "  --user NAME       its user, trust authentication (default postgres)",
        "  --cases LIST      sluice-full, sluice-incremental, debezium, connect-ceiling (default all, in this",
        "                    order); connect-ceiling: Kafka's FileStreamSourceConnector on a COPY TO file of the",
        "                    table (written under bench/work once), what any Connect source task can reach",
        "  --settings LIST   producer settings: default,tuned (default both)",
        "  --sluice K=V      an extra Sluice connector property (repeatable)",
        "  --debezium K=V    an extra Debezium connector property (repeatable)",
        "  --timeout-s N     seconds one case may take (default 120 + rows/2000)",
        "  --repeat N        rounds of COPY and the cases at each setting; each one's fastest run counts",
        "                    (default 1)");

    private static final List<String> CASES = List.of("sluice-full", "sluice-incremental", "debezium",
        SourceCeiling.LABEL);

    /** Parses the arguments. */
    public static PostgresBenchOptions parse(String... args) {
        Path root = Path.of("").toAbsolutePath();
        long rows = 1_000_000L;
        String url = "jdbc:postgresql://127.0.0.1:5432/test";
        String user = "postgres";
        List<String> cases = CASES;
        List<ProducerSettings> settings = List.of(ProducerSettings.values());
        Map<String, String> sluice = new LinkedHashMap<>();
        Map<String, String> debezium = new LinkedHashMap<>();
        Long timeoutSeconds = null;
        int repeat = 1;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--root" -> root = Path.of(BenchArgs.value(args, ++i, arg)).toAbsolutePath();
                case "--rows" -> rows = BenchArgs.positive(BenchArgs.value(args, ++i, arg), arg);
                case "--url" -> url = BenchArgs.value(args, ++i, arg);
                case "--user" -> user = BenchArgs.value(args, ++i, arg);
                case "--cases" -> cases = BenchArgs.list(BenchArgs.value(args, ++i, arg),
                    c -> JdbcBenchOptions.oneOf(c, CASES, arg));
                case "--settings" -> settings = BenchArgs.list(BenchArgs.value(args, ++i, arg),
                    ProducerSettings::fromLabel);
                case "--sluice" -> BenchArgs.put(sluice, BenchArgs.value(args, ++i, arg), arg);
                case "--debezium" -> BenchArgs.put(debezium, BenchArgs.value(args, ++i, arg), arg);
                case "--timeout-s" -> timeoutSeconds = BenchArgs.positive(BenchArgs.value(args, ++i, arg), arg);
                case "--repeat" -> repeat = (int) BenchArgs.positive(BenchArgs.value(args, ++i, arg), arg);
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("--url must be jdbc:postgresql://host:port/database, got '" + url + "'");
        }
        Duration timeout = Duration.ofSeconds(timeoutSeconds != null ? timeoutSeconds : 120 + rows / 2000);
        return new PostgresBenchOptions(root, rows, url, user, cases, settings, Map.copyOf(sluice),
            Map.copyOf(debezium), timeout, repeat);
    }

    private URI uri() {
        return URI.create(url.substring("jdbc:".length()));
    }

    /** The host of {@link #url()}, for Debezium's database.hostname. */
    public String host() {
        return uri().getHost();
    }

    /** The port of {@link #url()}, 5432 when it names none. */
    public int port() {
        return uri().getPort() < 0 ? 5432 : uri().getPort();
    }

    /** The database of {@link #url()}. */
    public String database() {
        return uri().getPath().replaceFirst("^/", "");
    }
}
