package io.sluice.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.AppInfoParser;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The Redis benchmark, each connector beside its baseline in one run and one Connect worker:
 * <ul>
 *   <li>source: a stream of {@code rows} entries moved into a topic by the Sluice Redis Streams source (offset
 *   mode, one task), at Connect's default and at tuned producer settings, against a raw {@code XREAD} of the same
 *   stream with the batch size the connector uses;</li>
 *   <li>sink: a topic of {@code rows} JSON records written into Redis keys by the Sluice cache sink (JSON string
 *   values, no TTL), against pipelined {@code SET}s of the same keys and values in batches of a sink task's
 *   default {@code max.poll.records}.</li>
 * </ul>
 * The source clock runs from connector creation until the topic's end offset last grew; the sink clock from
 * connector creation until the last record's key exists (one partition: the task writes in order).
 */
public final class RedisBench {

    /** The connectors under test, loaded by the worker from their unpacked ZIPs. */
    public static final String SOURCE_CONNECTOR = "io.sluice.connect.redis.RedisStreamSourceConnector";
    public static final String SINK_CONNECTOR = "io.sluice.connect.cache.RedisCacheSinkConnector";

    private static final String STRING_CONVERTER = "org.apache.kafka.connect.storage.StringConverter";
    private static final int READ_COUNT = 1000;
    private static final int SET_BATCH = 500;
    private static final long WARM_UP_ROWS = 100_000L;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final RedisBenchOptions options;
    private final PrintStream out;
    private final List<BenchRow> rows = new ArrayList<>();
    private int runs;

    RedisBench(RedisBenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the benchmark; exits 0 when every case completed, 1 when one did not, 2 on bad arguments. */
    public static void main(String[] args) {
        BenchMain.main(args, RedisBenchOptions.USAGE, a -> new RedisBench(RedisBenchOptions.parse(a), System.out)::run);
    }

    int run() throws Exception {
        Path work = Files.createDirectories(options.root().resolve("bench").resolve("work"));
        List<Path> zips = new ArrayList<>();
        for (String module : options.modules()) {
            zips.add(PluginPath.connectorZip(options.root(), module).orElseThrow(() -> new IOException(
                "No " + module + "/target/components/packages/sluice-" + module + "-*.zip: build it first "
                    + "(bench/run-redis does)")));
        }
        Path plugins = PluginPath.prepare(options.root(), work.resolve("plugins-redis"), zips);
        URI uri = options.redis();
        try (Jedis jedis = new Jedis(uri); BenchCluster cluster = BenchCluster.start(plugins)) {
            RedisBenchData.deleteKeys(jedis, RedisBenchData.PREFIX + "sink:");
            CaseRunner runner = new CaseRunner(cluster, options.timeout(), out);
            if (options.source()) {
                out.printf(Locale.ROOT, "Writing the %,d-entry stream (reused when present)...%n", options.rows());
                RedisBenchData.ensureStream(jedis, WARM_UP_ROWS);
                RedisBenchData.ensureStream(jedis, options.rows());
                out.println("Warm-up (not measured):");
                xread(jedis, WARM_UP_ROWS);
                runner.run(new RedisProducerCase(RedisBenchData.streamKey(WARM_UP_ROWS), WARM_UP_ROWS,
                    ProducerSettings.TUNED, cluster.bootstrapServers()), ProducerSettings.TUNED);
                for (ValuePath values : ValuePath.values()) {
                    runner.run(sourceCase(cluster, WARM_UP_ROWS, ProducerSettings.TUNED, values),
                        ProducerSettings.TUNED);
                }
                out.println("Measured runs:");
                for (ProducerSettings settings : options.settings()) {
                    rows.add(faster(xread(jedis, options.rows()), xread(jedis, options.rows())));
                    CaseResult raw = runner.run(new RedisProducerCase(RedisBenchData.streamKey(options.rows()),
                        options.rows(), settings, cluster.bootstrapServers()), settings);
                    rows.add(new BenchRow("source", "raw-producer", settings.describe() + ", " + raw.description(),
                        raw.reached(), raw.seconds(), "xread",
                        raw.completed() ? null : Optional.ofNullable(raw.failure()).orElse("timed out")));
                    for (ValuePath values : ValuePath.values()) {
                        rows.add(faster(xread(jedis, options.rows()), xread(jedis, options.rows())));
                        CaseResult r = runner.run(sourceCase(cluster, options.rows(), settings, values), settings);
                        rows.add(new BenchRow("source", r.kind().label(),
                            settings.describe() + ", " + values.sourceSettings, r.reached(), r.seconds(), "xread",
                            r.completed() ? null : Optional.ofNullable(r.failure()).orElse("timed out")));
                    }
                }
            }
            if (options.sink()) {
                out.println("Warm-up (not measured):");
                String warmUpTopic = fillTopic(cluster, WARM_UP_ROWS);
                sinkCases(cluster, jedis, warmUpTopic, WARM_UP_ROWS);
                String topic = fillTopic(cluster, options.rows());
                out.println("Measured runs:");
                rows.addAll(sinkCases(cluster, jedis, topic, options.rows()));
            }
        }
        String report = header() + "\n" + table();
        out.println();
        out.print(report);
        out.println("\nSaved to " + BenchMain.save(work, "redis", report));
        return rows.stream().allMatch(r -> r.failure() == null) ? 0 : 1;
    }

    /**
     * The faster of two runs of a baseline, a completed one before a failed one: on a shared machine the faster
     * figure is the one least held back.
     */
    private static BenchRow faster(BenchRow a, BenchRow b) {
        if ((a.failure() == null) != (b.failure() == null)) {
            return a.failure() == null ? a : b;
        }
        return b.perSecond() > a.perSecond() ? b : a;
    }

    /** Baseline of the source: XREAD the whole stream, COUNT as the connector asks, nothing else. */
    private BenchRow xread(Jedis jedis, long entries) {
        String key = RedisBenchData.streamKey(entries);
        long start = System.nanoTime();
        long read = 0;
        StreamEntryID last = new StreamEntryID(0, 0);
        while (read < entries) {
            List<Map.Entry<String, List<StreamEntry>>> batch = jedis.xread(
                XReadParams.xReadParams().count(READ_COUNT), Map.of(key, last));
            if (batch == null || batch.isEmpty()) {
                break;
            }
            List<StreamEntry> got = batch.get(0).getValue();
            read += got.size();
            last = got.get(got.size() - 1).getID();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "xread: %,d entries in %.2f s%n", read, seconds);
        return new BenchRow("source", "xread", "Jedis XREAD COUNT " + READ_COUNT, read, seconds, null,
            read == entries ? null : "read " + read + " of " + entries);
    }

    private BenchCase sourceCase(BenchCluster cluster, long entries, ProducerSettings settings, ValuePath values) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", SOURCE_CONNECTOR);
        config.put("tasks.max", "1");
        config.put("redis.uri", options.redis().toString());
        config.put("streams", RedisBenchData.streamKey(entries));
        config.put("delivery.mode", "offset");
        config.put("batch.size", Integer.toString(READ_COUNT));
        config.put("value.format", values.sourceFormat);
        values.converters(config);
        config.putAll(settings.connectorOverrides());
        config.putAll(options.sourceProps());
        return new ConnectorCase(BenchCase.Kind.SLUICE_REDIS_SOURCE, "offset mode, " + values.sourceSettings,
            entries, 0, config, "topic", cluster.connect());
    }

    /** Fills a one-partition topic with {@code n} records: key "i", value entry i as a JSON object. */
    private String fillTopic(BenchCluster cluster, long n) throws Exception {
        String topic = "bench-redis-sink-" + n;
        cluster.createTopic(topic);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        out.printf(Locale.ROOT, "Filling topic %s with %,d records...%n", topic, n);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
            new StringSerializer())) {
            for (long i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>(topic, Long.toString(i), RedisBenchData.json(i)));
            }
            producer.flush();
        }
        return topic;
    }

    /** Each way of reading the values, right after a run of its baseline; the keys are deleted after each run. */
    private List<BenchRow> sinkCases(BenchCluster cluster, Jedis jedis, String topic, long n) throws Exception {
        List<BenchRow> done = new ArrayList<>();
        for (ValuePath values : ValuePath.values()) {
            BenchRow first = pipelinedSet(jedis, n);
            RedisBenchData.deleteKeys(jedis, RedisBenchData.PREFIX + "set:");
            BenchRow second = pipelinedSet(jedis, n);
            RedisBenchData.deleteKeys(jedis, RedisBenchData.PREFIX + "set:");
            done.add(faster(first, second));
            done.add(sinkRun(cluster, jedis, topic, n, values));
            RedisBenchData.deleteKeys(jedis, RedisBenchData.PREFIX + "sink:");
        }
        return done;
    }

    /**
     * How values become JSON in Kafka and back: through {@code JsonConverter} over structured data (Structs out of the
     * source, maps into the sink), or as JSON text the source writes and the sink stores as it is, with
     * {@code StringConverter}.
     */
    private enum ValuePath {
        CONVERTER(CsvCases.CONVERTER, "struct", "value.format=struct, JsonConverter schemas.enable=false",
            "value.format=json, JsonConverter schemas.enable=false"),
        TEXT(STRING_CONVERTER, "json_text", "value.format=json_text, StringConverter",
            "value.format=json, StringConverter (the JSON text as it is)");

        final String converter;
        final String sourceFormat;
        final String sourceSettings;
        final String sinkSettings;

        ValuePath(String converter, String sourceFormat, String sourceSettings, String sinkSettings) {
            this.converter = converter;
            this.sourceFormat = sourceFormat;
            this.sourceSettings = sourceSettings;
            this.sinkSettings = sinkSettings;
        }

        void converters(Map<String, String> config) {
            config.put("key.converter", STRING_CONVERTER);
            config.put("value.converter", converter);
            if (this == CONVERTER) {
                config.put("value.converter.schemas.enable", "false");
            }
        }
    }

    /** Baseline of the sink: the same keys and values, pipelined SETs in batches of a poll's records. */
    private BenchRow pipelinedSet(Jedis jedis, long n) {
        long start = System.nanoTime();
        Pipeline pipeline = jedis.pipelined();
        for (long i = 0; i < n; i++) {
            pipeline.set(RedisBenchData.PREFIX + "set:" + i, RedisBenchData.json(i));
            if ((i + 1) % SET_BATCH == 0) {
                pipeline.sync();
            }
        }
        pipeline.sync();
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "pipelined-set: %,d keys in %.2f s%n", n, seconds);
        long written = RedisBenchData.countKeys(jedis, RedisBenchData.PREFIX + "set:");
        return new BenchRow("sink", "pipelined-set", "Jedis pipeline, sync every " + SET_BATCH + " SETs", n, seconds,
            null, written == n ? null : "wrote " + written + " keys of " + n);
    }

    private BenchRow sinkRun(BenchCluster cluster, Jedis jedis, String topic, long n, ValuePath values)
        throws Exception {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", SINK_CONNECTOR);
        config.put("tasks.max", "1");
        config.put("redis.uri", options.redis().toString());
        config.put("key.template", RedisBenchData.PREFIX + "sink:${key}");
        config.put("value.format", "json");
        values.converters(config);
        config.put("consumer.override.auto.offset.reset", "earliest");
        config.putAll(options.sinkProps());
        ConnectorCase sink = new ConnectorCase(BenchCase.Kind.SLUICE_REDIS_SINK, "JSON values, no TTL", n, 0, config,
            "topics", cluster.connect());
        String firstKey = RedisBenchData.PREFIX + "sink:0";
        String lastKey = RedisBenchData.PREFIX + "sink:" + (n - 1);
        long first = -1;
        long start = System.nanoTime();
        long deadline = start + options.timeout().toNanos();
        String failure = null;
        sink.start(topic, sink.kind().label() + "-" + (++runs));
        while (!jedis.exists(lastKey)) {
            if (first < 0 && jedis.exists(firstKey)) {
                first = System.nanoTime();
            }
            Optional<String> failed = sink.failure();
            if (failed.isPresent() || System.nanoTime() > deadline) {
                failure = failed.orElse("timed out");
                break;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sink.stop();
        long written = RedisBenchData.countKeys(jedis, RedisBenchData.PREFIX + "sink:");
        if (failure == null && written != n) {
            failure = "wrote " + written + " keys of " + n;
        }
        out.printf(Locale.ROOT, "sluice-redis-sink: %,d keys in %.2f s, the first after %.2f s%s%n", written, seconds,
            first < 0 ? seconds : (first - start) / 1e9, failure == null ? "" : " (" + failure + ")");
        return new BenchRow("sink", "sluice-redis-sink", values.sinkSettings, written, seconds, "pipelined-set", failure);
    }

    private String header() {
        return String.format(Locale.ROOT,
            "Redis benchmark, %s%n%n- %,d entries / records of 10 string fields (about 120 bytes of data each)%n"
                + "- Kafka %s, Java %s, %d cores, one broker and one worker in one JVM (-Xmx %d MB); Redis at %s%n",
            DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0)),
            options.rows(), AppInfoParser.getVersion(), System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, options.redis());
    }

    String table() {
        return RatioTable.markdown(rows);
    }

    /** For the ratio in {@link #table()}: tests add rows directly. */
    void add(BenchRow row) {
        rows.add(row);
    }

    static Duration defaultTimeout(long rows) {
        return Duration.ofSeconds(120 + rows / 2000);
    }
}
