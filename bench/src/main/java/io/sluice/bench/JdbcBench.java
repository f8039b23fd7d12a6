package io.sluice.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * The JDBC sink benchmark: one topic of {@code rows} records (the ten-column record as JSON with schemas) written
 * into a fresh PostgreSQL table, in insert and in upsert mode, by the Sluice JDBC sink and by Debezium's JDBC sink
 * (at its best batching settings), against {@code COPY FROM STDIN} of the same rows through pgjdbc, in one run
 * and one Connect worker. Every table has {@code id} as its primary key. A connector's clock runs from its
 * creation until {@code count(*)} of its table, polled every {@value #POLL_MS} ms, reaches {@code rows}.
 *
 * <p>The {@link ConnectCeiling} case, Kafka's file sink on the same topic, runs once, in the first mode, against
 * that mode's COPY: it writes no table, so the mode changes nothing for it.
 */
public final class JdbcBench {

    public static final String SLUICE_CONNECTOR = "io.sluice.connect.jdbc.JdbcSinkConnector";
    public static final String DEBEZIUM_CONNECTOR = "io.debezium.connector.jdbc.JdbcSinkConnector";

    static final long POLL_MS = 250;
    private static final int MAX_POLL_RECORDS = 10_000;
    private static final long WARM_UP_ROWS = 100_000L;

    private final JdbcBenchOptions options;
    private final PrintStream out;
    private final List<BenchRow> rows = new ArrayList<>();
    private int runs;

    JdbcBench(JdbcBenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the benchmark; exits 0 when every case completed, 1 when one did not, 2 on bad arguments. */
    public static void main(String[] args) {
        BenchMain.main(args, JdbcBenchOptions.USAGE, a -> new JdbcBench(JdbcBenchOptions.parse(a), System.out)::run);
    }

    int run() throws Exception {
        Path work = Files.createDirectories(options.root().resolve("bench").resolve("work"));
        List<Path> zips = options.cases().contains("sluice") ? List.of(PluginPath.connectorZip(options.root(),
            "sink-jdbc").orElseThrow(() -> new IllegalStateException(
                "No sink-jdbc/target/components/packages/sluice-sink-jdbc-*.zip: build it (bench/run-jdbc does)")))
            : List.of();
        Path plugins = PluginPath.prepare(options.root(), work.resolve("plugins-jdbc"), zips);
        PluginPath.copyDirectory(options.root().resolve(PluginPath.DEBEZIUM_JDBC_DIR), plugins.resolve("debezium-jdbc"));
        try (BenchCluster cluster = BenchCluster.start(plugins);
             Connection db = PgBenchData.connect(options.url(), options.user())) {
            String warmTopic = SinkTopic.fill(cluster, WARM_UP_ROWS, out);
            out.println("Warm-up (not measured):");
            for (String mode : options.modes()) {
                for (String c : casesIn(options, mode)) {
                    measure(cluster, db, work, c, mode, warmTopic, WARM_UP_ROWS);
                }
            }
            String topic = SinkTopic.fill(cluster, options.rows(), out);
            out.println("Measured runs:");
            for (String mode : options.modes()) {
                for (String c : casesIn(options, mode)) {
                    rows.add(measure(cluster, db, work, c, mode, topic, options.rows()));
                }
            }
            PgBenchData.drop(db, table("copy"));
            PgBenchData.drop(db, table("sluice"));
            PgBenchData.drop(db, table("debezium"));
        }
        String report = header() + "\n" + RatioTable.markdown(rows);
        out.println();
        out.print(report);
        out.println("\nSaved to " + BenchMain.save(work, "jdbc", report));
        return rows.stream().allMatch(r -> r.failure() == null) ? 0 : 1;
    }

    private static String table(String label) {
        return PgBenchData.PREFIX + "sink_" + label;
    }

    private static Path ceilingFile(Path work) {
        return work.resolve(ConnectCeiling.LABEL + ".txt");
    }

    /** The selected cases that run in {@code mode}: the ceiling case only in the first mode. */
    static List<String> casesIn(JdbcBenchOptions options, String mode) {
        boolean first = mode.equals(options.modes().get(0));
        return options.cases().stream().filter(c -> first || !c.equals(ConnectCeiling.LABEL)).toList();
    }

    private BenchRow measure(BenchCluster cluster, Connection db, Path work, String label, String mode, String topic,
                             long n) throws Exception {
        if (label.equals(ConnectCeiling.LABEL)) {
            try (ConnectCeiling ceiling = new ConnectCeiling(ceilingFile(work))) {
                ConnectorCase sink = new ConnectorCase(BenchCase.Kind.CONNECT_CEILING, ConnectCeiling.description(),
                    n, ConnectCeiling.TAIL_LINES, ceiling.config(common(ConnectCeiling.CONNECTOR)), "topics",
                    cluster.connect());
                return measure(sink, mode, topic, n, ceiling::lines);
            }
        }
        String table = table(label);
        PgBenchData.drop(db, table);
        if (label.equals("copy")) {
            PgBenchData.createEmpty(db, table);
            long start = System.nanoTime();
            long copied = PgBenchData.copyIn(db, table, n);
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "%s/%s: %,d rows in %.2f s%n", mode, label, copied, seconds);
            return new BenchRow(mode, "copy", "pgjdbc CopyManager, COPY FROM STDIN (FORMAT csv)", copied, seconds,
                null, copied == n ? null : "copied " + copied + " of " + n);
        }
        Map<String, String> config = label.equals("sluice") ? sluiceConfig(mode, table) : debeziumConfig(mode, table);
        String description = label.equals("sluice")
            ? "defaults, pk.mode=record_value, auto.create=true"
            : "batch.size=" + config.get("batch.size") + ", schema.evolution=basic";
        ConnectorCase sink = new ConnectorCase(label.equals("sluice") ? BenchCase.Kind.SLUICE_JDBC_SINK
            : BenchCase.Kind.DEBEZIUM_JDBC_SINK, description, n, 0, config, "topics", cluster.connect());
        return measure(sink, mode, topic, n, () -> PgBenchData.count(db, table));
    }

    /** How many records a sink case has written so far. */
    private interface Written {
        long get() throws Exception;
    }

    /**
     * Times {@code sink} from its creation until {@code written} reaches {@code n} or, within the case's tail
     * tolerance of {@code n}, has not grown for {@link ConnectCeiling#SETTLE_NANOS}; the time is then the last
     * growth's.
     */
    private BenchRow measure(ConnectorCase sink, String mode, String topic, long n, Written written)
        throws Exception {
        long start = System.nanoTime();
        long deadline = start + options.timeout().toNanos();
        long lastGrowth = start;
        long first = -1;
        String failure = null;
        long count = 0;
        sink.start(topic, sink.kind().label() + "-" + mode + "-" + (++runs));
        while (count < n) {
            Optional<String> failed = sink.failure();
            long now = System.nanoTime();
            if (failed.isPresent() || now > deadline) {
                failure = failed.orElse("timed out");
                lastGrowth = now;
                break;
            }
            if (count > 0 && count >= n - sink.tailTolerance() && now - lastGrowth >= ConnectCeiling.SETTLE_NANOS) {
                break;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MS));
            long c = written.get();
            if (c != count) {
                count = c;
                lastGrowth = System.nanoTime();
                first = first < 0 ? lastGrowth : first;
            }
        }
        double seconds = (lastGrowth - start) / 1e9;
        sink.stop();
        out.printf(Locale.ROOT, "%s/%s: %,d records in %.2f s, the first seen after %.2f s%s%n", mode,
            sink.kind().label(), count, seconds, first < 0 ? seconds : (first - start) / 1e9,
            failure != null ? " (" + failure + ")" : count < n ? " (settled " + (n - count) + " short)" : "");
        return new BenchRow(mode, sink.kind().label(), sink.description() + ", max.poll.records=" + MAX_POLL_RECORDS,
            count, seconds, "copy", failure);
    }

    private Map<String, String> common(String connectorClass) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", connectorClass);
        config.put("tasks.max", "1");
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", CsvCases.CONVERTER);
        config.put("value.converter.schemas.enable", "true");
        config.put("consumer.override.max.poll.records", Integer.toString(MAX_POLL_RECORDS));
        config.put("consumer.override.auto.offset.reset", "earliest");
        return config;
    }

    private Map<String, String> sluiceConfig(String mode, String table) {
        Map<String, String> config = common(SLUICE_CONNECTOR);
        config.put("connection.url", options.url());
        config.put("connection.user", options.user());
        config.put("table.name.format", table);
        config.put("insert.mode", mode);
        config.put("pk.mode", "record_value");
        config.put("pk.fields", "id");
        config.put("auto.create", "true");
        config.putAll(options.sluiceProps());
        return config;
    }

    private Map<String, String> debeziumConfig(String mode, String table) {
        Map<String, String> config = common(DEBEZIUM_CONNECTOR);
        config.put("connection.url", options.url());
        config.put("connection.username", options.user());
        config.put("connection.password", "");
        config.put("collection.name.format", table);
        config.put("insert.mode", mode);
        config.put("primary.key.mode", "record_value");
        config.put("primary.key.fields", "id");
        config.put("schema.evolution", "basic");
        config.put("batch.size", Integer.toString(MAX_POLL_RECORDS));
        config.putAll(options.debeziumProps());
        return config;
    }

    private String header() {
        return String.format(Locale.ROOT,
            "JDBC sink benchmark, %s%n%n- %,d records of 10 columns (JsonConverter with schemas) into PostgreSQL "
                + "at %s, each case into a fresh table with id as its primary key%n"
                + "- Kafka %s, Java %s, %d cores, one broker and one worker in one JVM (-Xmx %d MB)%n"
                + "- a connector's time: from its creation until count(*) of its table, polled every %d ms, "
                + "reaches the total%n"
                + "- connect-ceiling (once, in the first mode, against its COPY): Kafka's FileStreamSinkConnector "
                + "on the same topic into a file; its time: until the newlines appended to the file, polled as "
                + "often, reach the total (or, within %d of it, stop growing for %d s: timed at the last growth)%n",
            DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0)),
            options.rows(), options.url(), AppInfoParser.getVersion(), System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, POLL_MS,
            ConnectCeiling.TAIL_LINES, ConnectCeiling.SETTLE_NANOS / 1_000_000_000L);
    }
}
