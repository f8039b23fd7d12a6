package io.sluice.connect.csv;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.connect.common.format.RecordFormatException;
import io.sluice.connect.common.format.RecordReader;
import io.sluice.connect.common.format.TextRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Infers column types from the first rows of a file ({@code schema.infer.sample.rows} of them).
 *
 * <p>Each column gets the narrowest type every non-empty sampled value fits (see {@link ColumnType} for the text
 * rules): int64, float64 (also for a mix of int64 and float64), boolean, timestamp, and string for everything else,
 * including columns that are empty throughout the sample. Every inferred field is optional. Malformed rows and rows
 * with the wrong number of columns are left out of the sample; they become bad records when the file is read.
 * A value after the sample that does not fit its inferred type is a bad record too, so a sample that is too small
 * shows up as bad records naming the value, not as silently changed data.
 */
final class SchemaInference {

    /** Stands for a malformed row while sampling. */
    private static final TextRecord SKIPPED = TextRecord.ofFields(1, 1, 0, 0, "", List.of());

    private SchemaInference() {
    }

    /**
     * Infers the columns of a CSV file.
     *
     * @param header   the file's header as written, or {@code null} when the file has none
     * @param sample   a reader at the start of the file; it is read, not closed
     * @param maxRows  the most data rows to look at
     * @param typed    {@code false} to skip type inference and make every column a string
     * @return the columns in file order, named safely ({@link ColumnNames}); empty for a file without data or header
     */
    static List<ColumnSpec> csv(List<String> header, RecordReader sample, int maxRows, boolean typed)
            throws IOException {
        List<String> names = header == null ? null : ColumnNames.safeUnique(header);
        ColumnType[] types = names == null ? null : new ColumnType[names.size()];
        int rows = 0;
        while (rows < maxRows && (typed || names == null)) {
            TextRecord record = nextOrNull(sample);
            if (record == null) {
                break;
            }
            if (record == SKIPPED) {
                continue;
            }
            List<String> fields = record.fields();
            if (names == null) {
                names = ColumnNames.numbered(fields.size());
                types = new ColumnType[fields.size()];
            }
            if (fields.size() != types.length) {
                continue;
            }
            for (int i = 0; i < types.length; i++) {
                types[i] = ColumnType.widen(types[i], ColumnType.detect(fields.get(i)));
            }
            rows++;
        }
        if (names == null) {
            return List.of();
        }
        List<ColumnSpec> columns = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            ColumnType type = typed && types[i] != null ? types[i] : ColumnType.STRING;
            columns.add(new ColumnSpec(names.get(i), type, true));
        }
        return columns;
    }

    /**
     * Infers the columns of a JSON lines file: the union of the top-level keys of the sampled objects, in the order
     * they are first seen.
     *
     * @param sample  a reader at the start of the file; it is read, not closed
     * @param maxRows the most rows to look at
     * @param typed   {@code false} to make every column a string
     * @return each JSON key as written, mapped to its column (named safely)
     */
    static Map<String, ColumnSpec> json(RecordReader sample, int maxRows, boolean typed) throws IOException {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        int rows = 0;
        while (rows < maxRows) {
            TextRecord record = nextOrNull(sample);
            if (record == null) {
                break;
            }
            if (record == SKIPPED) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = record.json().fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                // A null value keeps the key but says nothing about its type (widen ignores null).
                types.put(field.getKey(), ColumnType.widen(types.get(field.getKey()),
                        ColumnType.detect(field.getValue())));
            }
            rows++;
        }
        List<String> keys = new ArrayList<>(types.keySet());
        List<String> names = ColumnNames.safeUnique(keys);
        Map<String, ColumnSpec> columns = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            ColumnType type = typed && types.get(keys.get(i)) != null ? types.get(keys.get(i)) : ColumnType.STRING;
            columns.put(keys.get(i), new ColumnSpec(names.get(i), type, true));
        }
        return columns;
    }

    private static TextRecord nextOrNull(RecordReader sample) throws IOException {
        try {
            return sample.next();
        } catch (RecordFormatException e) {
            return SKIPPED;
        }
    }
}
