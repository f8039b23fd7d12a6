package io.sluice.connect.csv;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.connect.common.format.TextRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

import java.util.Iterator;
import java.util.List;

/**
 * Converts rows to {@link Struct}s of a schema fixed per file. Each field reads one CSV column (by index) or one
 * JSON key; a field whose column the file lacks is null.
 *
 * <p>Empty rules: an empty or blank CSV value is null for every type but string, where it is the empty string (CSV
 * cannot tell the two apart); a JSON null or absent key is null. A null in a field that is not optional makes the
 * row bad.
 */
final class StructRowConverter implements RowConverter {

    private final Schema schema;
    private final Field[] fields;
    private final ColumnType[] types;
    private final boolean[] required;
    private final int[] csvIndex;
    private final String[] jsonKeys;
    private final int csvWidth;
    private final boolean rejectUnknownKeys;

    private StructRowConverter(Schema schema, List<ColumnSpec> columns, int[] csvIndex, String[] jsonKeys,
                               int csvWidth, boolean rejectUnknownKeys) {
        this.schema = schema;
        this.fields = schema.fields().toArray(new Field[0]);
        this.types = columns.stream().map(ColumnSpec::type).toArray(ColumnType[]::new);
        this.required = new boolean[columns.size()];
        for (int i = 0; i < required.length; i++) {
            required[i] = !columns.get(i).optional();
        }
        this.csvIndex = csvIndex;
        this.jsonKeys = jsonKeys;
        this.csvWidth = csvWidth;
        this.rejectUnknownKeys = rejectUnknownKeys;
    }

    /**
     * @param schemaName the Connect schema name
     * @param columns    the fields in order
     * @param csvIndex   for each field, the CSV column it reads, or -1 when the file has none
     * @param csvWidth   the number of columns every row must have
     */
    static StructRowConverter forCsv(String schemaName, List<ColumnSpec> columns, int[] csvIndex, int csvWidth) {
        return new StructRowConverter(schema(schemaName, columns), columns, csvIndex.clone(), null, csvWidth, false);
    }

    /**
     * @param schemaName the Connect schema name
     * @param columns    the fields in order
     * @param jsonKeys   for each field, the top-level JSON key it reads
     * @param rejectUnknownKeys whether a key the schema does not have makes the row bad: {@code true} for an
     *                          inferred schema, so that a key first seen after the sample is not dropped silently;
     *                          {@code false} for a provided schema, which selects the keys to read
     */
    static StructRowConverter forJson(String schemaName, List<ColumnSpec> columns, List<String> jsonKeys,
                                      boolean rejectUnknownKeys) {
        return new StructRowConverter(schema(schemaName, columns), columns, null, jsonKeys.toArray(new String[0]), -1,
                rejectUnknownKeys);
    }

    private static Schema schema(String name, List<ColumnSpec> columns) {
        SchemaBuilder builder = SchemaBuilder.struct().name(name);
        for (ColumnSpec column : columns) {
            builder.field(column.name(), column.type().schema(column.optional()));
        }
        return builder.build();
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Object convert(TextRecord row) throws BadRowException {
        return row.fields() != null ? fromCsv(row.fields()) : fromJson(row.json());
    }

    /**
     * Checks a CSV row's values as {@link #convert} would, without building the values or a Struct, and without a
     * String for a field the reader has not decoded yet.
     */
    @Override
    public void check(TextRecord row) throws BadRowException {
        if (row.fields() == null) {
            fromJson(row.json());
            return;
        }
        checkWidth(row.fieldCount());
        for (int i = 0; i < fields.length; i++) {
            int index = csvIndex[i];
            if (index >= 0 && types[i] == ColumnType.STRING) {
                continue;
            }
            CharSequence text = index < 0 ? null : row.fieldText(index);
            if (text == null || ColumnType.isBlank(text)) {
                if (required[i]) {
                    throw new BadRowException("column '" + fields[i].name() + "' is required but has no value");
                }
                continue;
            }
            try {
                types[i].check(text);
            } catch (BadRowException e) {
                throw columnMismatch(i, e);
            }
        }
    }

    private Struct fromCsv(List<String> values) throws BadRowException {
        checkWidth(values.size());
        Struct struct = new Struct(schema);
        for (int i = 0; i < fields.length; i++) {
            put(struct, i, csvValue(values, i));
        }
        return struct;
    }

    private void checkWidth(int width) throws BadRowException {
        if (width != csvWidth) {
            throw new BadRowException("expected " + csvWidth + " columns, found " + width);
        }
    }

    /** @return field {@code i}'s value parsed from its CSV column; null when empty or absent */
    private Object csvValue(List<String> values, int i) throws BadRowException {
        String text = csvText(values, i);
        if (text == null) {
            return null;
        }
        try {
            return types[i].parse(text);
        } catch (BadRowException e) {
            throw columnMismatch(i, e);
        }
    }

    /** @return the text of field {@code i}'s CSV column; null when absent, or empty for any type but string */
    private String csvText(List<String> values, int i) {
        int index = csvIndex[i];
        String text = index < 0 ? null : values.get(index);
        return text == null || types[i] != ColumnType.STRING && text.isBlank() ? null : text;
    }

    private BadRowException columnMismatch(int i, BadRowException e) {
        return new BadRowException("column '" + fields[i].name() + "': " + e.getMessage());
    }

    private Struct fromJson(JsonNode json) throws BadRowException {
        Struct struct = new Struct(schema);
        int present = 0;
        for (int i = 0; i < fields.length; i++) {
            JsonNode node = json.get(jsonKeys[i]);
            if (node != null) {
                present++;
            }
            Object value;
            if (node == null || node.isNull()) {
                value = null;
            } else {
                try {
                    value = types[i].fromJson(node);
                } catch (BadRowException e) {
                    throw new BadRowException("key '" + jsonKeys[i] + "': " + e.getMessage());
                }
            }
            put(struct, i, value);
        }
        if (rejectUnknownKeys && present < json.size()) {
            throw new BadRowException(unknownKeyMessage(json));
        }
        return struct;
    }

    private String unknownKeyMessage(JsonNode json) {
        List<String> known = List.of(jsonKeys);
        Iterator<String> names = json.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                return "key '" + name + "' is not in the schema inferred from the first rows of the file: raise "
                        + "schema.infer.sample.rows, or use schema.mode=provided or none";
            }
        }
        return "the row has keys the inferred schema does not have";
    }

    private void put(Struct struct, int i, Object value) throws BadRowException {
        if (value == null) {
            if (required[i]) {
                throw new BadRowException("column '" + fields[i].name() + "' is required but has no value");
            }
            return;
        }
        struct.put(fields[i], value);
    }
}
