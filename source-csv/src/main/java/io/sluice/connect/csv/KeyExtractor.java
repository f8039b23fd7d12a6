package io.sluice.connect.csv;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the record key from {@code key.columns}: no key (null) when none are configured; the column's value when
 * one is; a {@link Struct} (or, for schemaless values, a {@code Map}) of the named columns when several are.
 * Configured names match a column as written or in their safe form ({@link ColumnNames}), so {@code order id}
 * finds the field {@code order_id}.
 */
final class KeyExtractor {

    /** No key columns: every key is null. */
    static final KeyExtractor NONE = new KeyExtractor(null, value -> null);

    private final Schema schema;
    private final Function<Object, Object> extract;

    private KeyExtractor(Schema schema, Function<Object, Object> extract) {
        this.schema = schema;
        this.extract = extract;
    }

    /** @return the key schema; {@code null} for no key or schemaless keys */
    Schema schema() {
        return schema;
    }

    /**
     * @param value a value made by the file's {@link RowConverter}
     * @return the key
     */
    Object extract(Object value) {
        return extract.apply(value);
    }

    /**
     * @param keyColumns  the configured key columns
     * @param valueSchema the file's value schema
     * @param file        the file, for the error message
     * @throws UnreadableFileException when a key column is not a field of {@code valueSchema}
     */
    static KeyExtractor forStruct(List<String> keyColumns, Schema valueSchema, String file)
            throws UnreadableFileException {
        if (keyColumns.isEmpty()) {
            return NONE;
        }
        List<Field> fields = new ArrayList<>(keyColumns.size());
        List<String> names = valueSchema.fields().stream().map(Field::name).toList();
        for (String column : keyColumns) {
            fields.add(valueSchema.field(resolve(column, names, file)));
        }
        if (fields.size() == 1) {
            Field field = fields.get(0);
            return new KeyExtractor(field.schema(), value -> ((Struct) value).get(field));
        }
        SchemaBuilder builder = SchemaBuilder.struct().name(valueSchema.name() + "_key");
        fields.forEach(f -> builder.field(f.name(), f.schema()));
        Schema keySchema = builder.build();
        Field[] keyFields = keySchema.fields().toArray(new Field[0]);
        Field[] valueFields = fields.toArray(new Field[0]);
        return new KeyExtractor(keySchema, value -> {
            Struct row = (Struct) value;
            Struct key = new Struct(keySchema);
            for (int i = 0; i < keyFields.length; i++) {
                key.put(keyFields[i], row.get(valueFields[i]));
            }
            return key;
        });
    }

    /**
     * @param keyColumns the configured key columns
     * @param known      the column names every value has, or {@code null} when values vary (JSON lines)
     * @param file       the file, for the error message
     * @throws UnreadableFileException when {@code known} is given and lacks a key column
     */
    static KeyExtractor forMap(List<String> keyColumns, Collection<String> known, String file)
            throws UnreadableFileException {
        if (keyColumns.isEmpty()) {
            return NONE;
        }
        List<String> keys = new ArrayList<>(keyColumns.size());
        for (String column : keyColumns) {
            keys.add(known == null ? column : resolve(column, known, file));
        }
        if (keys.size() == 1) {
            String key = keys.get(0);
            return new KeyExtractor(null, value -> ((Map<?, ?>) value).get(key));
        }
        return new KeyExtractor(null, value -> {
            Map<?, ?> row = (Map<?, ?>) value;
            Map<String, Object> key = new LinkedHashMap<>(keys.size() * 2);
            for (String k : keys) {
                key.put(k, row.get(k));
            }
            return key;
        });
    }

    private static String resolve(String column, Collection<String> names, String file) throws UnreadableFileException {
        if (names.contains(column)) {
            return column;
        }
        String safe = ColumnNames.safe(column);
        if (names.contains(safe)) {
            return safe;
        }
        throw new UnreadableFileException("key.columns names '" + column + "', but " + file
                + " has no such column (its columns: " + String.join(", ", names)
                + "). Fix key.columns or the file's header", null);
    }
}
