package io.sluice.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options of the Redis benchmark ({@code bench/run-redis}).
 *
 * @param root the repository root (the ZIPs and the work directory are found from it)
 * @param rows stream entries for the source, topic records for the sink
 * @param redis the Redis server both the connectors and the baselines use
 * @param source whether to run the source cases
 * @param sink whether to run the sink cases
 * @param settings the producer settings the source runs at
 * @param sourceProps extra source connector properties, overriding the harness's
 * @param sinkProps extra sink connector properties, overriding the harness's
 * @param timeout how long one case may take before it counts as failed
 */
public record RedisBenchOptions(Path root, long rows, URI redis, boolean source, boolean sink,
                                List<ProducerSettings> settings, Map<String, String> sourceProps,
                                Map<String, String> sinkProps, Duration timeout) {

    /** The usage text printed for {@code --help} and with every argument error. */
    public static final String USAGE = String.join("\n",
        "usage: bench/run-redis [--rows N] [--redis URI] [--parts source,sink] [--settings default,tuned]",
        "                       [--source KEY=VALUE]... [--sink KEY=VALUE]... [--timeout-s N]",
        "  --rows N            stream entries and topic records (default 1000000)",
        "  --redis URI         the Redis server (default redis://127.0.0.1:6379); keys start with sluice-bench:",
        "  --parts LIST        source, sink or both (default both)",
        "  --settings LIST     producer settings of the source: default,tuned (default both)",
        "  --source KEY=VALUE  an extra source connector property (repeatable)",
        "  --sink KEY=VALUE    an extra sink connector property (repeatable)",
        "  --timeout-s N       seconds one case may take (default 120 + rows/2000)");

    /** Parses the arguments; {@code root} comes from {@code --root} or the working directory. */
    public static RedisBenchOptions parse(String... args) {
        Path root = Path.of("").toAbsolutePath();
        long rows = 1_000_000L;
        URI redis = URI.create("redis://127.0.0.1:6379");
        List<String> parts = List.of("source", "sink");
        List<ProducerSettings> settings = List.of(ProducerSettings.values());
        Map<String, String> sourceProps = new LinkedHashMap<>();
        Map<String, String> sinkProps = new LinkedHashMap<>();
        Long timeoutSeconds = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--root" -> root = Path.of(BenchArgs.value(args, ++i, arg)).toAbsolutePath();
                case "--rows" -> rows = BenchArgs.positive(BenchArgs.value(args, ++i, arg), arg);
                case "--redis" -> redis = URI.create(BenchArgs.value(args, ++i, arg));
                case "--parts" -> parts = BenchArgs.list(BenchArgs.value(args, ++i, arg), String::trim);
                case "--settings" -> settings = BenchArgs.list(BenchArgs.value(args, ++i, arg),
                    ProducerSettings::fromLabel);
                case "--source" -> BenchArgs.put(sourceProps, BenchArgs.value(args, ++i, arg), arg);
                case "--sink" -> BenchArgs.put(sinkProps, BenchArgs.value(args, ++i, arg), arg);
                case "--timeout-s" -> timeoutSeconds = BenchArgs.positive(BenchArgs.value(args, ++i, arg), arg);
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        for (String part : parts) {
            if (!part.equals("source") && !part.equals("sink")) {
                throw new IllegalArgumentException("unknown part '" + part + "': use source, sink or both");
            }
        }
        Duration timeout = timeoutSeconds != null ? Duration.ofSeconds(timeoutSeconds) : RedisBench.defaultTimeout(rows);
        return new RedisBenchOptions(root, rows, redis, parts.contains("source"), parts.contains("sink"), settings,
            Map.copyOf(sourceProps), Map.copyOf(sinkProps), timeout);
    }

    /** The connector modules whose ZIPs the worker needs. */
    public List<String> modules() {
        List<String> modules = new ArrayList<>();
        if (source) {
            modules.add("source-redis");
        }
        if (sink) {
            modules.add("sink-cache");
        }
        return modules;
    }
}
