package io.sluice.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
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
 * The PostgreSQL source benchmark: a table of {@code rows} rows (the ten-column record) moved into a topic by the
 * Sluice PostgreSQL source (full refresh once, and incremental catch-up from the first row) and by the initial
 * snapshot of Debezium's PostgreSQL connector, against {@code COPY (SELECT ...) TO STDOUT} of the same table
 * through pgjdbc, at Connect's default and at tuned producer settings, in one run and one Connect worker. Every
 * connector writes through JsonConverter without schemas into the runner's topic (a RegexRouter sends every
 * record there); its clock runs from its creation until the topic's end offset last grew.
 *
 * <p>The {@link SourceCeiling} case, Kafka's file source on a COPY TO file of the same table, runs after the others
 * at each setting: what any Connect source task emitting one record per row can reach beside them.
 */
public final class PostgresBench {

    public static final String SLUICE_CONNECTOR = "io.sluice.connect.postgres.PostgresSourceConnector";
    public static final String DEBEZIUM_CONNECTOR = "io.debezium.connector.postgresql.PostgresConnector";

    private static final long WARM_UP_ROWS = 100_000L;

    private final PostgresBenchOptions options;
    private final PrintStream out;
    private final List<BenchRow> rows = new ArrayList<>();
    private int slots;

    PostgresBench(PostgresBenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the benchmark; exits 0 when every case completed, 1 when one did not, 2 on bad arguments. */
    public static void main(String[] args) {
        BenchMain.main(args, PostgresBenchOptions.USAGE, a -> new PostgresBench(PostgresBenchOptions.parse(a), System.out)::run);
    }

    int run() throws Exception {
        Path work = Files.createDirectories(options.root().resolve("bench").resolve("work"));
        List<Path> zips = options.cases().stream().anyMatch(c -> c.startsWith("sluice"))
            ? List.of(PluginPath.connectorZip(options.root(), "source-postgres").orElseThrow(() ->
                new IllegalStateException("No source-postgres/target/components/packages/sluice-source-postgres-*.zip: "
                    + "build it (bench/run-postgres does)")))
            : List.of();
        Path plugins = PluginPath.prepare(options.root(), work.resolve("plugins-postgres"), zips);
        PluginPath.copyDirectory(options.root().resolve(PluginPath.DEBEZIUM_POSTGRES_DIR),
            plugins.resolve("debezium-postgres"));
        try (BenchCluster cluster = BenchCluster.start(plugins);
             Connection db = PgBenchData.connect(options.url(), options.user())) {
            out.printf(Locale.ROOT, "Filling table %s (reused when it holds the rows)...%n", table(options.rows()));
            PgBenchData.ensureFilled(db, table(WARM_UP_ROWS), WARM_UP_ROWS);
            PgBenchData.ensureFilled(db, table(options.rows()), options.rows());
            if (options.cases().contains(SourceCeiling.LABEL)) {
                out.println("Writing the tables with COPY TO into files (reused when they hold the rows)...");
                for (long n : List.of(WARM_UP_ROWS, options.rows())) {
                    SourceCeiling.ensureFile(ceilingFile(work, n), n, o -> PgBenchData.copyOut(db, table(n), o));
                }
            }
            CaseRunner runner = new CaseRunner(cluster, options.timeout(), out);
            out.println("Warm-up (not measured):");
            copyOut(db, WARM_UP_ROWS, ProducerSettings.TUNED);
            for (String c : options.cases()) {
                runner.run(connectorCase(cluster, work, c, WARM_UP_ROWS, ProducerSettings.TUNED),
                    ProducerSettings.TUNED);
            }
            out.println("Measured runs:");
            for (ProducerSettings settings : options.settings()) {
                BenchRow copy = null;
                Map<String, CaseResult> fastest = new LinkedHashMap<>();
                for (int round = 1; round <= options.repeat(); round++) {
                    if (options.repeat() > 1) {
                        out.printf(Locale.ROOT, "Round %d of %d at %s:%n", round, options.repeat(),
                            settings.describe());
                    }
                    BenchRow copied = copyOut(db, options.rows(), settings);
                    copy = copy == null || copied.failure() == null && copied.seconds() < copy.seconds()
                        ? copied : copy;
                    for (String c : options.cases()) {
                        fastest.merge(c, runner.run(connectorCase(cluster, work, c, options.rows(), settings),
                            settings), CaseResult::faster);
                    }
                }
                rows.add(copy);
                for (CaseResult r : fastest.values()) {
                    rows.add(new BenchRow(settings.label(), r.kind().label(), settings.describe() + "; "
                        + r.description(), r.reached(), r.seconds(), "copy-to",
                        r.completed() ? null : Optional.ofNullable(r.failure()).orElse("timed out")));
                }
            }
            dropPublication(db);
        }
        String report = header() + "\n" + RatioTable.markdown(rows);
        out.println();
        out.print(report);
        out.println("\nSaved to " + BenchMain.save(work, "postgres", report));
        return rows.stream().allMatch(r -> r.failure() == null) ? 0 : 1;
    }

    static String table(long rows) {
        return PgBenchData.PREFIX + "src_" + rows;
    }

    private static Path ceilingFile(Path work, long rows) {
        return SourceCeiling.file(work.resolve("pg-ceiling"), table(rows));
    }

    /** Baseline: the table's rows as CSV through COPY TO STDOUT, counted and dropped. */
    private BenchRow copyOut(Connection db, long n, ProducerSettings settings) throws Exception {
        long start = System.nanoTime();
        long copied = PgBenchData.copyOut(db, table(n), OutputStream.nullOutputStream());
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "copy-to: %,d rows in %.2f s%n", copied, seconds);
        return new BenchRow(settings.label(), "copy-to", "pgjdbc CopyManager, COPY (SELECT *) TO STDOUT (FORMAT csv)",
            copied, seconds, null, copied == n ? null : "copied " + copied + " of " + n);
    }

    private BenchCase connectorCase(BenchCluster cluster, Path work, String label, long n,
                                    ProducerSettings settings) {
        if (label.equals(SourceCeiling.LABEL)) {
            return SourceCeiling.create(ceilingFile(work, n), n, pipeline(settings), cluster.connect());
        }
        Map<String, String> config = new LinkedHashMap<>();
        String tableRegex = "public\\." + table(n);
        BenchCase.Kind kind;
        String description;
        if (label.equals("debezium")) {
            kind = BenchCase.Kind.DEBEZIUM_PG_SNAPSHOT;
            description = "snapshot.mode=initial_only, plugin.name=pgoutput";
            config.put("connector.class", DEBEZIUM_CONNECTOR);
            config.put("database.hostname", options.host());
            config.put("database.port", Integer.toString(options.port()));
            config.put("database.user", options.user());
            config.put("database.password", "");
            config.put("database.dbname", options.database());
            config.put("topic.prefix", "bench" + n);
            config.put("table.include.list", tableRegex);
            config.put("plugin.name", "pgoutput");
            config.put("snapshot.mode", "initial_only");
            config.put("slot.name", PgBenchData.PREFIX + "slot_" + (++slots));
            config.put("slot.drop.on.stop", "true");
            config.put("publication.name", PgBenchData.PREFIX + "pub");
            config.put("publication.autocreate.mode", "filtered");
            config.putAll(options.debeziumProps());
        } else {
            boolean full = label.equals("sluice-full");
            kind = full ? BenchCase.Kind.SLUICE_PG_FULL : BenchCase.Kind.SLUICE_PG_INCREMENTAL;
            description = full ? "sync.mode=full_refresh, once" : "sync.mode=incremental, cursor.columns=id";
            config.put("connector.class", SLUICE_CONNECTOR);
            config.put("connection.url", options.url());
            config.put("connection.user", options.user());
            config.put("table.include.list", tableRegex);
            config.put("sync.mode", full ? "full_refresh" : "incremental");
            if (full) {
                config.put("full.refresh.interval.ms", "0");
            } else {
                config.put("cursor.columns", "id");
            }
            config.putAll(options.sluiceProps());
        }
        config.putAll(pipeline(settings));
        return new ConnectorCase(kind, description + ", JsonConverter schemas.enable=false", n, 0, config,
            "transforms.route.replacement", cluster.connect());
    }

    /**
     * What every case shares: one task, JsonConverter without schemas for keys and values, a RegexRouter (its
     * replacement, the topic, is the case's to set) and the producer settings.
     */
    static Map<String, String> pipeline(ProducerSettings settings) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("tasks.max", "1");
        config.put("key.converter", CsvCases.CONVERTER);
        config.put("key.converter.schemas.enable", "false");
        config.put("value.converter", CsvCases.CONVERTER);
        config.put("value.converter.schemas.enable", "false");
        config.put("transforms", "route");
        config.put("transforms.route.type", "org.apache.kafka.connect.transforms.RegexRouter");
        config.put("transforms.route.regex", ".*");
        config.putAll(settings.connectorOverrides());
        return config;
    }

    private static void dropPublication(Connection db) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("DROP PUBLICATION IF EXISTS " + PgBenchData.PREFIX + "pub");
        }
    }

    private String header() {
        return String.format(Locale.ROOT,
            "PostgreSQL source benchmark, %s%n%n- table %s: %,d rows of 10 columns, at %s%n"
                + "- Kafka %s, Java %s, %d cores, one broker and one worker in one JVM (-Xmx %d MB)%n"
                + "- a connector's time: from its creation until the topic's end offset, polled every 50 ms, "
                + "last grew%n"
                + "- connect-ceiling: Kafka's FileStreamSourceConnector on a file written by COPY TO (before the "
                + "runs, unmeasured), one string record per line; done within %,d of the total once the topic "
                + "stopped growing for 3 s%n"
                + "- runs: %d round(s) of COPY and every case at each setting; the table keeps each one's fastest%n",
            DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0)),
            table(options.rows()), options.rows(), options.url(), AppInfoParser.getVersion(),
            System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
            Runtime.getRuntime().maxMemory() >> 20, SourceCeiling.TAIL_LINES, options.repeat());
    }
}
