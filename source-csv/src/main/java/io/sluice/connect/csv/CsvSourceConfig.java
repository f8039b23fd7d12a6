package io.sluice.connect.csv;

import io.sluice.connect.common.config.Aliases;
import io.sluice.connect.common.config.ConfigDocs;
import io.sluice.connect.common.config.ConfigEnums;
import io.sluice.connect.common.config.Recommenders;
import io.sluice.connect.common.config.Validators;
import io.sluice.connect.common.errors.BadRecordConfig;
import io.sluice.connect.common.errors.BadRecordPolicy;
import io.sluice.connect.common.format.CsvOptions;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The configuration of {@link CsvSourceConnector} and its tasks: one {@link ConfigDef}, built once, parsed once into
 * typed fields. Cross-field rules live in {@link CsvSourceValidation}; the constructor enforces them too, so a
 * config object is always consistent.
 */
public final class CsvSourceConfig extends AbstractConfig {

    static final String GROUP_INPUT = "Input";
    static final String GROUP_CSV = "CSV";
    static final String GROUP_SCHEMA = "Schema";
    static final String GROUP_OUTPUT = "Output";
    static final String GROUP_FINISHED = "Finished files";

    /** Directories to read. */
    public static final String INPUT_PATHS_CONFIG = "input.paths";
    static final String INPUT_PATHS_DOC = "Comma-separated list of directories to read files from. Use absolute "
            + "paths: relative ones resolve against the worker's working directory.";

    public static final String INPUT_FILE_PATTERN_CONFIG = "input.file.pattern";
    static final String INPUT_FILE_PATTERN_DOC = "Glob matched against each file's name (not its directory), e.g. "
            + "'orders-*.csv'. Hidden files (names starting with '.') are never read.";
    public static final String INPUT_FILE_PATTERN_DEFAULT =
            "*.{csv,tsv,txt,jsonl,ndjson,json,csv.gz,jsonl.gz,ndjson.gz,json.gz,tsv.gz,txt.gz}";

    public static final String INPUT_RECURSIVE_CONFIG = "input.recursive";
    static final String INPUT_RECURSIVE_DOC = "Whether to read files in subdirectories of the input directories too.";
    public static final boolean INPUT_RECURSIVE_DEFAULT = false;

    public static final String INPUT_FORMAT_CONFIG = "input.format";
    static final String INPUT_FORMAT_DOC = "Record format: 'auto' chooses by extension (.csv .tsv .txt are CSV, "
            + ".jsonl .ndjson .json are JSON lines, a trailing .gz is ignored, anything else is CSV), 'csv' or 'jsonl' "
            + "apply to every file.";
    public static final String INPUT_FORMAT_DEFAULT = ConfigEnums.name(InputFormat.AUTO);

    public static final String INPUT_COMPRESSION_CONFIG = "input.compression";
    static final String INPUT_COMPRESSION_DOC = "Compression: 'auto' reads a file as gzip when it starts with the gzip "
            + "magic bytes, whatever its name; 'none' or 'gzip' apply to every file.";
    public static final String INPUT_COMPRESSION_DEFAULT = ConfigEnums.name(InputCompression.AUTO);

    public static final String INPUT_ENCODING_CONFIG = "input.encoding";
    static final String INPUT_ENCODING_DOC = "Text encoding of the files: UTF-8 or an ASCII-compatible single-byte "
            + "charset such as ISO-8859-1 or windows-1252. A UTF-8 byte order mark is skipped.";
    public static final String INPUT_ENCODING_DEFAULT = "UTF-8";

    public static final String CSV_DELIMITER_CONFIG = "csv.delimiter";
    static final String CSV_DELIMITER_DOC = "Field delimiter: one ASCII character; '\\t' means tab.";
    public static final String CSV_DELIMITER_DEFAULT = ",";

    public static final String CSV_QUOTE_CONFIG = "csv.quote";
    static final String CSV_QUOTE_DOC = "Quote character: fields holding delimiters, quotes or line breaks are "
            + "enclosed in it, and a quote inside is written twice.";
    public static final String CSV_QUOTE_DEFAULT = "\"";

    public static final String CSV_ESCAPE_CONFIG = "csv.escape";
    static final String CSV_ESCAPE_DOC = "Escape character that makes the next character literal, e.g. '\\' as MySQL "
            + "writes it; empty for none.";
    public static final String CSV_ESCAPE_DEFAULT = "";

    public static final String CSV_HEADER_CONFIG = "csv.header";
    static final String CSV_HEADER_DOC = "Whether the first record of each CSV file names the columns. Without a "
            + "header the columns are named column_1, column_2, ...";
    public static final boolean CSV_HEADER_DEFAULT = true;

    public static final String FILE_MIN_AGE_MS_CONFIG = "file.min.age.ms";
    static final String FILE_MIN_AGE_MS_DOC = "A file is read only once it was last modified at least this long ago "
            + "and its size did not change between two directory scans, so files still being written are not read.";
    public static final long FILE_MIN_AGE_MS_DEFAULT = 1000L;

    public static final String POLL_INTERVAL_MS_CONFIG = "poll.interval.ms";
    static final String POLL_INTERVAL_MS_DOC = "How often the input directories are scanned for new files when there "
            + "is nothing left to read. A new file is read within about two scans after it stops changing.";
    public static final long POLL_INTERVAL_MS_DEFAULT = 1000L;

    public static final String BATCH_SIZE_CONFIG = "batch.size";
    static final String BATCH_SIZE_DOC = "The most records a task hands to Connect per poll.";
    public static final int BATCH_SIZE_DEFAULT = 2000;

    public static final String READ_AHEAD_BATCHES_CONFIG = "read.ahead.batches";
    static final String READ_AHEAD_BATCHES_DOC = "How many batches a task reads, parses and builds ahead of Connect, on "
            + "a thread of its own, while Connect converts and sends the batch before; 0 reads on Connect's poll "
            + "thread only. Reading ahead pays only where the worker has a core to spare for each task; where the "
            + "broker, the producer and the other tasks keep the cores busy, the second thread slows the task down. "
            + "Records read ahead but not yet handed to Connect when a task stops are read again from the committed "
            + "offset when it starts.";
    public static final int READ_AHEAD_BATCHES_DEFAULT = 0;

    public static final String TOPIC_CONFIG = "topic";
    static final String TOPIC_DOC = "Topic to write records to: a fixed name, or a template with ${file} (the file "
            + "name without extensions), ${filename} (the whole file name) and ${dir} (the name of the file's "
            + "directory). Characters a topic cannot hold become '_'.";

    public static final String VALUE_FORMAT_CONFIG = "value.format";
    static final String VALUE_FORMAT_DOC = "The record value: 'struct' (a Struct of the row's fields typed as "
            + "schema.mode says, or a Map with schema.mode=none) for any converter; 'json_text' (the same fields as "
            + "one JSON object in a string value, written as JsonConverter with schemas.enable=false writes them: "
            + "timestamps as epoch milliseconds, in column order); or 'raw' (the row's text as written in the file, a "
            + "CSV row with its quotes or a JSON line, without its line terminator). Both text formats are for "
            + "value.converter=org.apache.kafka.connect.storage.StringConverter, which passes them on as they are. "
            + "Every format parses and checks the row (bad rows follow bad.record.policy), and the key is the same "
            + "in all.";
    public static final String VALUE_FORMAT_DEFAULT = ConfigEnums.name(ValueFormat.STRUCT);

    public static final String HEADERS_ENABLED_CONFIG = "headers.enabled";
    static final String HEADERS_ENABLED_DOC = "Whether each record carries the headers sluice.file (the file's absolute "
            + "path) and sluice.line (the line where the row starts). Turning them off saves about 70 bytes and a "
            + "header conversion per record; the offsets still hold the position. Records sent to bad.record.topic "
            + "always carry their error headers.";
    public static final boolean HEADERS_ENABLED_DEFAULT = true;

    public static final String SCHEMA_MODE_CONFIG = "schema.mode";
    static final String SCHEMA_MODE_DOC = "How values are typed: 'infer' infers int64, float64, boolean, timestamp or "
            + "string per column from the first rows of each file (all fields optional); 'provided' uses schema.json; "
            + "'string' makes every column an optional string; 'none' produces schemaless Map values.";
    public static final String SCHEMA_MODE_DEFAULT = ConfigEnums.name(SchemaMode.INFER);

    public static final String SCHEMA_JSON_CONFIG = "schema.json";
    static final String SCHEMA_JSON_DOC = "The schema for schema.mode=provided, e.g. {\"name\":\"com.example.Order\","
            + "\"columns\":[{\"name\":\"id\",\"type\":\"int64\",\"optional\":false},{\"name\":\"amount\","
            + "\"type\":\"float64\"}]}. Types: int64, float64, boolean, timestamp, string; optional defaults to true. "
            + "Columns match CSV header names (or column positions without a header) and JSON keys; other columns "
            + "are not read.";
    public static final String SCHEMA_JSON_DEFAULT = "";

    public static final String SCHEMA_INFER_SAMPLE_ROWS_CONFIG = "schema.infer.sample.rows";
    static final String SCHEMA_INFER_SAMPLE_ROWS_DOC = "How many rows at the start of each file schema.mode=infer "
            + "looks at. A later value that does not fit the inferred type is a bad record.";
    public static final int SCHEMA_INFER_SAMPLE_ROWS_DEFAULT = 1000;

    public static final String KEY_COLUMNS_CONFIG = "key.columns";
    static final String KEY_COLUMNS_DOC = "Columns that make the record key: one column gives its value, several a "
            + "struct (or map) of them; empty for a null key. Names match the column names as written or in their "
            + "safe form (e.g. 'order id' matches order_id).";
    public static final String KEY_COLUMNS_DEFAULT = "";

    public static final String AFTER_READ_CONFIG = "after.read";
    static final String AFTER_READ_DOC = "What to do with a file once it is fully read and the offset saying so is "
            + "committed (never before): 'leave' it (it is not read again), 'delete' it, or 'move' it under "
            + "finished.path.";
    public static final String AFTER_READ_DEFAULT = ConfigEnums.name(AfterRead.LEAVE);

    public static final String FINISHED_PATH_CONFIG = "finished.path";
    static final String FINISHED_PATH_DOC = "Directory that after.read=move moves finished files to, keeping their "
            + "path relative to the input directory; created when missing. Required for move; must not be inside "
            + "an input directory that is read recursively.";
    public static final String FINISHED_PATH_DEFAULT = "";

    public static final String ERROR_PATH_CONFIG = "error.path";
    static final String ERROR_PATH_DOC = "Directory that files which cannot be read (I/O errors, broken gzip, a header "
            + "that lacks a key or required column) are moved to, each with a '<name>.error.txt' file giving the "
            + "reason; created when missing. Empty: such files stay in place and are logged.";
    public static final String ERROR_PATH_DEFAULT = "";

    /** Seed-spec names accepted in place of our keys. */
    public static final Aliases ALIASES = Aliases.builder()
            .alias("path", INPUT_PATHS_CONFIG)
            .alias("delimiter", CSV_DELIMITER_CONFIG)
            .alias("has_header", CSV_HEADER_CONFIG)
            .alias("encoding", INPUT_ENCODING_CONFIG)
            .alias("file_format", INPUT_FORMAT_CONFIG)
            .alias("batch_size", BATCH_SIZE_CONFIG)
            .build();

    /** The connector's definition. */
    public static final ConfigDef CONFIG_DEF = define();

    private final String connectorName;
    private final List<Path> inputPaths;
    private final String filePattern;
    private final boolean recursive;
    private final InputFormat inputFormat;
    private final InputCompression inputCompression;
    private final CsvOptions csvOptions;
    private final long fileMinAgeMs;
    private final long pollIntervalMs;
    private final int batchSize;
    private final int readAheadBatches;
    private final ValueFormat valueFormat;
    private final boolean headersEnabled;
    private final TopicTemplate topic;
    private final SchemaMode schemaMode;
    private final ProvidedSchema providedSchema;
    private final int inferSampleRows;
    private final List<String> keyColumns;
    private final AfterRead afterRead;
    private final Path finishedPath;
    private final Path errorPath;
    private final BadRecordPolicy badRecordPolicy;
    private final String badRecordTopic;

    /**
     * @param props the connector or task configuration; aliases are applied here
     * @throws ConfigException when a value is invalid, a key and its alias are both set, or a cross-field rule fails
     */
    public CsvSourceConfig(Map<String, String> props) {
        super(CONFIG_DEF, ALIASES.apply(props));
        List<CsvSourceValidation.Issue> issues = CsvSourceValidation.crossField(values());
        if (!issues.isEmpty()) {
            throw new ConfigException(issues.stream().map(CsvSourceValidation.Issue::toString)
                    .collect(Collectors.joining("; ")));
        }
        connectorName = props.getOrDefault("name", "csv-source");
        inputPaths = getList(INPUT_PATHS_CONFIG).stream().map(CsvSourceConfig::absolute).toList();
        filePattern = getString(INPUT_FILE_PATTERN_CONFIG);
        recursive = getBoolean(INPUT_RECURSIVE_CONFIG);
        inputFormat = ConfigEnums.parse(InputFormat.class, INPUT_FORMAT_CONFIG, getString(INPUT_FORMAT_CONFIG));
        inputCompression = ConfigEnums.parse(InputCompression.class, INPUT_COMPRESSION_CONFIG,
                getString(INPUT_COMPRESSION_CONFIG));
        String escape = getString(CSV_ESCAPE_CONFIG);
        csvOptions = new CsvOptions(
                Validators.singleCharValue(CSV_DELIMITER_CONFIG, getString(CSV_DELIMITER_CONFIG)),
                Validators.singleCharValue(CSV_QUOTE_CONFIG, getString(CSV_QUOTE_CONFIG)),
                escape.isEmpty() ? null : Validators.singleCharValue(CSV_ESCAPE_CONFIG, escape),
                getBoolean(CSV_HEADER_CONFIG),
                Charset.forName(getString(INPUT_ENCODING_CONFIG).trim()));
        fileMinAgeMs = getLong(FILE_MIN_AGE_MS_CONFIG);
        pollIntervalMs = getLong(POLL_INTERVAL_MS_CONFIG);
        batchSize = getInt(BATCH_SIZE_CONFIG);
        readAheadBatches = getInt(READ_AHEAD_BATCHES_CONFIG);
        valueFormat = ConfigEnums.parse(ValueFormat.class, VALUE_FORMAT_CONFIG, getString(VALUE_FORMAT_CONFIG));
        headersEnabled = getBoolean(HEADERS_ENABLED_CONFIG);
        topic = TopicTemplate.parse(getString(TOPIC_CONFIG));
        schemaMode = ConfigEnums.parse(SchemaMode.class, SCHEMA_MODE_CONFIG, getString(SCHEMA_MODE_CONFIG));
        providedSchema = schemaMode == SchemaMode.PROVIDED ? ProvidedSchema.parse(getString(SCHEMA_JSON_CONFIG)) : null;
        inferSampleRows = getInt(SCHEMA_INFER_SAMPLE_ROWS_CONFIG);
        keyColumns = getList(KEY_COLUMNS_CONFIG).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        afterRead = ConfigEnums.parse(AfterRead.class, AFTER_READ_CONFIG, getString(AFTER_READ_CONFIG));
        finishedPath = optionalPath(getString(FINISHED_PATH_CONFIG));
        errorPath = optionalPath(getString(ERROR_PATH_CONFIG));
        badRecordPolicy = BadRecordConfig.policy(this);
        badRecordTopic = BadRecordConfig.topic(this);
    }

    /**
     * Prints the configuration reference in Markdown.
     *
     * @param args an optional output file; standard output when absent
     */
    public static void main(String[] args) {
        ConfigDocs.write("CSV source connector configuration", CONFIG_DEF, ALIASES, args);
    }

    private static ConfigDef define() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(INPUT_PATHS_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Validators.nonEmpty(), Importance.HIGH,
                        INPUT_PATHS_DOC, GROUP_INPUT, ++order, Width.LONG, "Input directories")
                .define(INPUT_FILE_PATTERN_CONFIG, Type.STRING, INPUT_FILE_PATTERN_DEFAULT, Validators.glob(),
                        Importance.MEDIUM, INPUT_FILE_PATTERN_DOC, GROUP_INPUT, ++order, Width.MEDIUM, "File pattern")
                .define(INPUT_RECURSIVE_CONFIG, Type.BOOLEAN, INPUT_RECURSIVE_DEFAULT, Importance.MEDIUM,
                        INPUT_RECURSIVE_DOC, GROUP_INPUT, ++order, Width.SHORT, "Recursive")
                .define(INPUT_FORMAT_CONFIG, Type.STRING, INPUT_FORMAT_DEFAULT,
                        Validators.oneOfIgnoreCase(InputFormat.class), Importance.MEDIUM, INPUT_FORMAT_DOC,
                        GROUP_INPUT, ++order, Width.SHORT, "Format", Recommenders.enumValues(InputFormat.class))
                .define(INPUT_COMPRESSION_CONFIG, Type.STRING, INPUT_COMPRESSION_DEFAULT,
                        Validators.oneOfIgnoreCase(InputCompression.class), Importance.LOW, INPUT_COMPRESSION_DOC,
                        GROUP_INPUT, ++order, Width.SHORT, "Compression",
                        Recommenders.enumValues(InputCompression.class))
                .define(INPUT_ENCODING_CONFIG, Type.STRING, INPUT_ENCODING_DEFAULT, Validators.charset(),
                        Importance.LOW, INPUT_ENCODING_DOC, GROUP_INPUT, ++order, Width.SHORT, "Encoding")
                .define(FILE_MIN_AGE_MS_CONFIG, Type.LONG, FILE_MIN_AGE_MS_DEFAULT, Validators.nonNegative(),
                        Importance.LOW, FILE_MIN_AGE_MS_DOC, GROUP_INPUT, ++order, Width.SHORT, "Minimum file age (ms)")
                .define(POLL_INTERVAL_MS_CONFIG, Type.LONG, POLL_INTERVAL_MS_DEFAULT, Validators.positive(),
                        Importance.LOW, POLL_INTERVAL_MS_DOC, GROUP_INPUT, ++order, Width.SHORT, "Poll interval (ms)")
                .define(BATCH_SIZE_CONFIG, Type.INT, BATCH_SIZE_DEFAULT, Validators.positive(), Importance.LOW,
                        BATCH_SIZE_DOC, GROUP_INPUT, ++order, Width.SHORT, "Batch size")
                .define(READ_AHEAD_BATCHES_CONFIG, Type.INT, READ_AHEAD_BATCHES_DEFAULT,
                        ConfigDef.Range.between(0, 16), Importance.LOW, READ_AHEAD_BATCHES_DOC, GROUP_INPUT, ++order,
                        Width.SHORT, "Read-ahead batches");
        order = 0;
        def.define(CSV_DELIMITER_CONFIG, Type.STRING, CSV_DELIMITER_DEFAULT, Validators.singleChar(),
                        Importance.MEDIUM, CSV_DELIMITER_DOC, GROUP_CSV, ++order, Width.SHORT, "Delimiter")
                .define(CSV_QUOTE_CONFIG, Type.STRING, CSV_QUOTE_DEFAULT, Validators.singleChar(), Importance.LOW,
                        CSV_QUOTE_DOC, GROUP_CSV, ++order, Width.SHORT, "Quote")
                .define(CSV_ESCAPE_CONFIG, Type.STRING, CSV_ESCAPE_DEFAULT, Validators.singleCharOrEmpty(),
                        Importance.LOW, CSV_ESCAPE_DOC, GROUP_CSV, ++order, Width.SHORT, "Escape")
                .define(CSV_HEADER_CONFIG, Type.BOOLEAN, CSV_HEADER_DEFAULT, Importance.MEDIUM, CSV_HEADER_DOC,
                        GROUP_CSV, ++order, Width.SHORT, "Header");
        order = 0;
        def.define(SCHEMA_MODE_CONFIG, Type.STRING, SCHEMA_MODE_DEFAULT, Validators.oneOfIgnoreCase(SchemaMode.class),
                        Importance.MEDIUM, SCHEMA_MODE_DOC, GROUP_SCHEMA, ++order, Width.SHORT, "Schema mode",
                        Recommenders.enumValues(SchemaMode.class))
                .define(SCHEMA_JSON_CONFIG, Type.STRING, SCHEMA_JSON_DEFAULT, CsvSourceValidation.schemaJson(),
                        Importance.MEDIUM, SCHEMA_JSON_DOC, GROUP_SCHEMA, ++order, Width.LONG, "Schema JSON",
                        Recommenders.visibleIf(SCHEMA_MODE_CONFIG, ConfigEnums.name(SchemaMode.PROVIDED)))
                .define(SCHEMA_INFER_SAMPLE_ROWS_CONFIG, Type.INT, SCHEMA_INFER_SAMPLE_ROWS_DEFAULT,
                        Validators.positive(), Importance.LOW, SCHEMA_INFER_SAMPLE_ROWS_DOC, GROUP_SCHEMA, ++order,
                        Width.SHORT, "Inference sample rows",
                        Recommenders.visibleIf(SCHEMA_MODE_CONFIG, ConfigEnums.name(SchemaMode.INFER)))
                .define(KEY_COLUMNS_CONFIG, Type.LIST, KEY_COLUMNS_DEFAULT, Importance.MEDIUM, KEY_COLUMNS_DOC,
                        GROUP_SCHEMA, ++order, Width.MEDIUM, "Key columns");
        order = 0;
        def.define(TOPIC_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, CsvSourceValidation.topicTemplate(),
                        Importance.HIGH, TOPIC_DOC, GROUP_OUTPUT, ++order, Width.MEDIUM, "Topic")
                .define(VALUE_FORMAT_CONFIG, Type.STRING, VALUE_FORMAT_DEFAULT,
                        Validators.oneOfIgnoreCase(ValueFormat.class), Importance.MEDIUM, VALUE_FORMAT_DOC,
                        GROUP_OUTPUT, ++order, Width.SHORT, "Value format", Recommenders.enumValues(ValueFormat.class))
                .define(HEADERS_ENABLED_CONFIG, Type.BOOLEAN, HEADERS_ENABLED_DEFAULT, Importance.LOW,
                        HEADERS_ENABLED_DOC, GROUP_OUTPUT, ++order, Width.SHORT, "File and line headers");
        order = 0;
        def.define(AFTER_READ_CONFIG, Type.STRING, AFTER_READ_DEFAULT, Validators.oneOfIgnoreCase(AfterRead.class),
                        Importance.MEDIUM, AFTER_READ_DOC, GROUP_FINISHED, ++order, Width.SHORT, "After read",
                        Recommenders.enumValues(AfterRead.class))
                .define(FINISHED_PATH_CONFIG, Type.STRING, FINISHED_PATH_DEFAULT, Importance.MEDIUM,
                        FINISHED_PATH_DOC, GROUP_FINISHED, ++order, Width.LONG, "Finished directory",
                        Recommenders.visibleIf(AFTER_READ_CONFIG, ConfigEnums.name(AfterRead.MOVE)))
                .define(ERROR_PATH_CONFIG, Type.STRING, ERROR_PATH_DEFAULT, Importance.MEDIUM, ERROR_PATH_DOC,
                        GROUP_FINISHED, ++order, Width.LONG, "Error directory");
        new BadRecordConfig().define(def);
        return def;
    }

    static Path absolute(String path) {
        return Path.of(path.trim()).toAbsolutePath().normalize();
    }

    private static Path optionalPath(String path) {
        return path == null || path.isBlank() ? null : absolute(path);
    }

    /** @return the connector's name, for messages and error-record headers */
    public String connectorName() {
        return connectorName;
    }

    /** @return the input directories, absolute and normalized */
    public List<Path> inputPaths() {
        return inputPaths;
    }

    /** @return the glob matched against file names */
    public String filePattern() {
        return filePattern;
    }

    public boolean recursive() {
        return recursive;
    }

    public InputFormat inputFormat() {
        return inputFormat;
    }

    public InputCompression inputCompression() {
        return inputCompression;
    }

    /** @return delimiter, quote, escape, header and charset */
    public CsvOptions csvOptions() {
        return csvOptions;
    }

    public long fileMinAgeMs() {
        return fileMinAgeMs;
    }

    public long pollIntervalMs() {
        return pollIntervalMs;
    }

    public int batchSize() {
        return batchSize;
    }

    /** @return how many batches a task reads ahead of Connect on a thread of its own; 0 for none */
    public int readAheadBatches() {
        return readAheadBatches;
    }

    public ValueFormat valueFormat() {
        return valueFormat;
    }

    /** @return whether records carry the {@code sluice.file} and {@code sluice.line} headers */
    public boolean headersEnabled() {
        return headersEnabled;
    }

    TopicTemplate topic() {
        return topic;
    }

    public SchemaMode schemaMode() {
        return schemaMode;
    }

    /** @return the parsed {@code schema.json}; {@code null} unless the mode is provided */
    ProvidedSchema providedSchema() {
        return providedSchema;
    }

    public int inferSampleRows() {
        return inferSampleRows;
    }

    /** @return the key columns as configured, blanks removed */
    public List<String> keyColumns() {
        return keyColumns;
    }

    public AfterRead afterRead() {
        return afterRead;
    }

    /** @return the finished directory, or {@code null} when not set */
    public Path finishedPath() {
        return finishedPath;
    }

    /** @return the error directory, or {@code null} when not set */
    public Path errorPath() {
        return errorPath;
    }

    public BadRecordPolicy badRecordPolicy() {
        return badRecordPolicy;
    }

    /** @return the error topic; empty unless the policy is error_topic */
    public String badRecordTopic() {
        return badRecordTopic;
    }
}
