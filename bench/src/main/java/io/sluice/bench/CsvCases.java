package io.sluice.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The connector configurations of the CSV benchmark. Both connectors write through the same
 * converter, JsonConverter without schemas: the Sluice connector emits Structs, which neither
 * StringConverter nor ByteArrayConverter can render as data, and FileStreamSource's string lines
 * cost JsonConverter no more than quoting them.
 */
public final class CsvCases {

    /** The class of the connector under test, loaded by the worker from the unpacked ZIP. */
    public static final String SLUICE_CONNECTOR = "io.sluice.connect.csv.CsvSourceConnector";

    /** Kafka's file source, the second baseline. */
    public static final String FILESTREAM_CONNECTOR = "org.apache.kafka.connect.file.FileStreamSourceConnector";

    /** The value converter of every connector case. */
    public static final String CONVERTER = "org.apache.kafka.connect.json.JsonConverter";

    /** The cases of the CSV benchmark, in the order they run. */
    public static final List<BenchCase.Kind> KINDS = List.of(BenchCase.Kind.RAW, BenchCase.Kind.FILESTREAM,
        BenchCase.Kind.SLUICE_INFER, BenchCase.Kind.SLUICE_STRING);

    private static final long FILESTREAM_TAIL = 1000;

    private static final String CONVERTER_LABEL = "JsonConverter schemas.enable=false";

    private final Path dataDir;
    private final long rows;
    private final CsvBenchOptions options;
    private final BenchCluster cluster;

    /** Cases over the file {@link CsvDataGenerator#FILE_NAME} in {@code dataDir}, holding {@code rows} records. */
    public CsvCases(Path dataDir, long rows, CsvBenchOptions options, BenchCluster cluster) {
        this.dataDir = dataDir;
        this.rows = rows;
        this.options = options;
        this.cluster = cluster;
    }

    /** The case {@code kind} at {@code settings}. */
    public BenchCase create(BenchCase.Kind kind, ProducerSettings settings) {
        Path file = dataDir.resolve(CsvDataGenerator.FILE_NAME);
        return switch (kind) {
            case RAW -> new RawProducerCase(file, rows, settings, cluster.bootstrapServers());
            case FILESTREAM -> fileStream(file, settings);
            case SLUICE_INFER -> sluice(kind, "infer", settings);
            case SLUICE_STRING -> sluice(kind, "string", settings);
            default -> throw new IllegalArgumentException(kind.label() + " is not a CSV case");
        };
    }

    private BenchCase fileStream(Path file, ProducerSettings settings) {
        Map<String, String> config = common(FILESTREAM_CONNECTOR, settings);
        config.put("file", file.toString());
        config.put("batch.size", Integer.toString(options.fileStreamBatch()));
        String description = CONVERTER_LABEL + ", batch.size=" + options.fileStreamBatch();
        // FileStreamSource sends the header line as a record too. When a batch fills up in the middle of
        // its last read buffer (8 KB, under 100 lines here), it keeps the rest of that buffer until the
        // file grows, which at end of file is never: those few lines are tolerated, not waited for.
        return new ConnectorCase(BenchCase.Kind.FILESTREAM, description, rows + 1, FILESTREAM_TAIL, config,
            "topic", cluster.connect());
    }

    private BenchCase sluice(BenchCase.Kind kind, String schemaMode, ProducerSettings settings) {
        Map<String, String> config = common(SLUICE_CONNECTOR, settings);
        config.put("input.paths", dataDir.toString());
        config.put("schema.mode", schemaMode);
        config.putAll(options.sluiceProps());
        StringBuilder description = new StringBuilder(CONVERTER_LABEL).append(", schema.mode=").append(schemaMode);
        options.sluiceProps().forEach((k, v) -> description.append(", ").append(k).append('=').append(v));
        return new ConnectorCase(kind, description.toString(), rows, 0, config, "topic", cluster.connect());
    }

    private static Map<String, String> common(String connectorClass, ProducerSettings settings) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", connectorClass);
        config.put("tasks.max", "1");
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", CONVERTER);
        config.put("value.converter.schemas.enable", "false");
        config.putAll(settings.connectorOverrides());
        return config;
    }
}
