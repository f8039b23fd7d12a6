package io.sluice.connect.csv;

import io.sluice.connect.common.format.ByteSource;
import io.sluice.connect.common.format.ByteSources;
import io.sluice.connect.common.format.Compression;
import io.sluice.connect.common.format.FileFormat;
import io.sluice.connect.common.format.ReadPosition;
import io.sluice.connect.common.format.RecordReader;
import io.sluice.connect.common.format.RecordReaders;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Opens a {@link FileReader} for a file: detects its format and compression, opens its {@link RecordReader} at the
 * resume position, and builds its schema, {@link RowConverter} and {@link KeyExtractor} once for the whole file.
 *
 * <p>Schema names: {@code schema.json}'s {@code name}, else {@code io.sluice.connect.csv.<file>} with the file
 * name without extensions in its safe form ({@code orders-2024.csv.gz} gives
 * {@code io.sluice.connect.csv.orders_2024}).
 */
final class FileReaderFactory {

    static final String SCHEMA_NAMESPACE = "io.sluice.connect.csv.";

    private final CsvSourceConfig config;
    private final BadRecordHandler badRecords;
    private final FileReader.Output output;

    FileReaderFactory(CsvSourceConfig config, BadRecordHandler badRecords) {
        this.config = config;
        this.badRecords = badRecords;
        this.output = FileReader.Output.of(config);
    }

    /**
     * @param split the file
     * @param from  where to start reading
     * @return the reader, positioned at {@code from}
     * @throws NoSuchFileException     when the file is gone
     * @throws UnreadableFileException when it cannot be opened, or its layout contradicts the configuration
     */
    FileReader open(FileSplit split, ReadPosition from) throws NoSuchFileException, UnreadableFileException {
        String fileName = split.path().getFileName().toString();
        FileFormat format = config.inputFormat().resolve(fileName);
        RecordReader reader = null;
        try {
            Compression compression = config.inputCompression().resolve(split.path());
            ByteSource source = ByteSources.file(split.path(), compression);
            reader = RecordReaders.open(source, format, config.csvOptions(), from);
            RowConverter converter = converter(split, format, reader.header(),
                    () -> RecordReaders.open(source, format, config.csvOptions(), ReadPosition.START));
            // An empty file has no columns to check key.columns against, and no rows that need a key.
            KeyExtractor keys = split.size() == 0 ? KeyExtractor.NONE
                    : converter.schema() != null
                    ? KeyExtractor.forStruct(config.keyColumns(), converter.schema(), split.toString())
                    : KeyExtractor.forMap(config.keyColumns(), columnNames(converter), split.toString());
            return new FileReader(split, reader, converter, keys, config.topic().resolve(split.path()), badRecords,
                    output);
        } catch (NoSuchFileException e) {
            closeQuietly(reader);
            throw e;
        } catch (IOException e) {
            closeQuietly(reader);
            throw new UnreadableFileException("opening it failed: " + e, e);
        } catch (UnreadableFileException | RuntimeException e) {
            closeQuietly(reader);
            throw e;
        }
    }

    /** Opens a second reader at the start of the file, for sampling. */
    @FunctionalInterface
    interface Sampler {
        RecordReader open() throws IOException;
    }

    RowConverter converter(FileSplit split, FileFormat format, List<String> header, Sampler sampler)
            throws IOException, UnreadableFileException {
        String schemaName = schemaName(split);
        SchemaMode mode = config.schemaMode();
        if (mode == SchemaMode.PROVIDED) {
            return provided(split, format, header, config.providedSchema());
        }
        if (format == FileFormat.JSONL && mode == SchemaMode.NONE) {
            return MapRowConverter.forJson();
        }
        boolean typed = mode == SchemaMode.INFER;
        try (RecordReader sample = sampler.open()) {
            if (format == FileFormat.JSONL) {
                Map<String, ColumnSpec> columns = SchemaInference.json(sample, config.inferSampleRows(), typed);
                return StructRowConverter.forJson(schemaName, new ArrayList<>(columns.values()),
                        new ArrayList<>(columns.keySet()), true);
            }
            // Without a header only the width is needed from the sample for string and none.
            int rows = typed ? config.inferSampleRows() : 1;
            List<ColumnSpec> columns = SchemaInference.csv(header, sample, rows, typed);
            if (mode == SchemaMode.NONE) {
                return MapRowConverter.forCsv(columns.stream().map(ColumnSpec::name).toList());
            }
            return StructRowConverter.forCsv(schemaName, columns, inOrder(columns.size()), columns.size());
        }
    }

    /** Column i of the value is field i of the row. */
    private static int[] inOrder(int columns) {
        int[] index = new int[columns];
        for (int i = 0; i < columns; i++) {
            index[i] = i;
        }
        return index;
    }

    private RowConverter provided(FileSplit split, FileFormat format, List<String> header, ProvidedSchema schema)
            throws UnreadableFileException {
        String schemaName = schema.name() != null ? schema.name() : schemaName(split);
        List<ColumnSpec> columns = schema.columns();
        List<String> names = columns.stream().map(ColumnSpec::name).toList();
        if (format == FileFormat.JSONL) {
            return StructRowConverter.forJson(schemaName, columns, names, false);
        }
        if (header == null) {
            return StructRowConverter.forCsv(schemaName, columns, inOrder(columns.size()), columns.size());
        }
        int[] index = new int[columns.size()];
        List<String> safeHeader = ColumnNames.safeUnique(header);
        for (int i = 0; i < index.length; i++) {
            String name = columns.get(i).name();
            int at = header.indexOf(name);
            index[i] = at >= 0 ? at : safeHeader.indexOf(name);
            if (index[i] < 0 && !columns.get(i).optional()) {
                throw new UnreadableFileException("schema.json column '" + name + "' is required (optional=false), "
                        + "but the header of " + split + " has no such column (its columns: "
                        + String.join(", ", header)
                        + "). Fix the file, or make the column optional in schema.json", null);
            }
        }
        return StructRowConverter.forCsv(schemaName, columns, index, header.size());
    }

    private static List<String> columnNames(RowConverter converter) {
        return converter instanceof MapRowConverter map ? map.columnNames() : null;
    }

    static String schemaName(FileSplit split) {
        String base = ColumnNames.safe(TopicTemplate.baseName(split.path().getFileName().toString()));
        return SCHEMA_NAMESPACE + (base.isEmpty() ? "file" : base);
    }

    private static void closeQuietly(RecordReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException | RuntimeException ignored) {
                // the open failure is what matters
            }
        }
    }
}
