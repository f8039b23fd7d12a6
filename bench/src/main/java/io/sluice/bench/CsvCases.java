package io.sluice.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The connector configurations of the CSV benchmark. The Sluice connector's Struct values and
 * FileStreamSource's lines go through JsonConverter without schemas (StringConverter would print a
 * Struct as {@code Struct{...}}); then FileStreamSource's lines through StringConverter, which
 * passes them on as they are, and the Sluice connector's {@code value.format=json_text}, which
 * writes the same JSON as JsonConverter on its reading thread, and {@code value.format=raw}, each
 * row's text as in the file (the raw producer's and FileStreamSource's value bytes), through
 * StringConverter too.
 */
public final class CsvCases {

    /** The class of the connector under test, loaded by the worker from the unpacked ZIP. */
    public static final String SLUICE_CONNECTOR = "io.sluice.connect.csv.CsvSourceConnector";

    /** Kafka's file source, the second baseline. */
    public static final String FILESTREAM_CONNECTOR = "org.apache.kafka.connect.file.FileStreamSourceConnector";

    /** The value converter of the Struct cases and of the first FileStreamSource case. */
    public static final String CONVERTER = "org.apache.kafka.connect.json.JsonConverter";

    /** The value converter of the text cases. */
    public static final String STRING_CONVERTER = "org.apache.kafka.connect.storage.StringConverter";

    /** The cases of the CSV benchmark, in the order they run. */
    public static final List<BenchCase.Kind> KINDS = List.of(BenchCase.Kind.RAW, BenchCase.Kind.FILESTREAM,
        BenchCase.Kind.FILESTREAM_STRING, BenchCase.Kind.SLUICE_INFER, BenchCase.Kind.SLUICE_STRING,
        BenchCase.Kind.SLUICE_JSON_TEXT, BenchCase.Kind.SLUICE_RAW);

    private static final long FILESTREAM_TAIL = 1000;

    private static final String CONVERTER_LABEL = "JsonConverter schemas.enable=false";

    private static final String STRING_CONVERTER_LABEL = "StringConverter";

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
            case FILESTREAM -> fileStream(kind, file, settings, CONVERTER, CONVERTER_LABEL);
            case FILESTREAM_STRING -> fileStream(kind, file, settings, STRING_CONVERTER, STRING_CONVERTER_LABEL);
            case SLUICE_INFER -> sluice(kind, "infer", null, settings);
            case SLUICE_STRING -> sluice(kind, "string", null, settings);
            case SLUICE_JSON_TEXT -> sluice(kind, "infer", "json_text", settings);
            case SLUICE_RAW -> sluice(kind, "infer", "raw", settings);
            default -> throw new IllegalArgumentException(kind.label() + " is not a CSV case");
        };
    }

    private BenchCase fileStream(BenchCase.Kind kind, Path file, ProducerSettings settings, String converter,
                                 String converterLabel) {
        Map<String, String> config = common(FILESTREAM_CONNECTOR, settings, converter);
        config.put("file", file.toString());
        config.put("batch.size", Integer.toString(options.fileStreamBatch()));
        String description = converterLabel + ", batch.size=" + options.fileStreamBatch();
        // FileStreamSource sends the header line as a record too. When a batch fills up in the middle of
        // its last read buffer (8 KB, under 100 lines here), it keeps the rest of that buffer until the
        // file grows, which at end of file is never: those few lines are tolerated, not waited for.
        return new ConnectorCase(kind, description, rows + 1, FILESTREAM_TAIL, config,
            "topic", cluster.connect());
    }

    /** @param textFormat the {@code value.format} of a case with StringConverter; null for Structs */
    private BenchCase sluice(BenchCase.Kind kind, String schemaMode, String textFormat, ProducerSettings settings) {
        Map<String, String> config = common(SLUICE_CONNECTOR, settings,
            textFormat != null ? STRING_CONVERTER : CONVERTER);
        config.put("input.paths", dataDir.toString());
        config.put("schema.mode", schemaMode);
        if (textFormat != null) {
            config.put("value.format", textFormat);
        }
        config.putAll(options.sluiceProps());
        StringBuilder description = new StringBuilder(textFormat != null ? STRING_CONVERTER_LABEL : CONVERTER_LABEL)
            .append(", schema.mode=").append(schemaMode);
        if (textFormat != null) {
            description.append(", value.format=").append(textFormat);
        }
        options.sluiceProps().forEach((k, v) -> description.append(", ").append(k).append('=').append(v));
        return new ConnectorCase(kind, description.toString(), rows, 0, config, "topic", cluster.connect());
    }

    private static Map<String, String> common(String connectorClass, ProducerSettings settings, String converter) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", connectorClass);
        config.put("tasks.max", "1");
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", converter);
        if (converter.equals(CONVERTER)) {
            config.put("value.converter.schemas.enable", "false");
        }
        config.putAll(settings.connectorOverrides());
        return config;
    }
}
