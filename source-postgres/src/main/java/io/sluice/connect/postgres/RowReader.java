package io.sluice.connect.postgres;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the rows of one page of a split's query into {@link Row}s: the value struct, the key struct and the row's
 * position in text form. The schemas are built from the result's metadata and rebuilt only when the columns change
 * (e.g. after an {@code ALTER TABLE}).
 */
final class RowReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One row read.
     *
     * @param key       the key struct; null for a split without a record key
     * @param value     the value struct; null when a value could not be converted
     * @param badReason why a value could not be converted; null for a good row
     * @param raw       the row's columns as JSON text, in PostgreSQL's text form; only for a bad row
     * @param cursor    the row's cursor values as text
     * @param position  the row's key values as text
     * @param bytes     the estimated size of the row's values
     */
    record Row(Struct key, Struct value, String badReason, String raw, List<String> cursor, List<String> position,
               long bytes) {
    }

    private final SplitShape shape;
    private final NumericMapping numeric;
    private String signature;
    private List<ColumnMapping> mappings;
    private Schema valueSchema;
    private Schema keySchema;

    RowReader(SplitShape shape, NumericMapping numeric) {
        this.shape = shape;
        this.numeric = numeric;
    }

    Schema keySchema() {
        return keySchema;
    }

    Schema valueSchema() {
        return valueSchema;
    }

    /** Reads up to {@code max} rows of {@code rs}. */
    List<Row> read(ResultSet rs, int max) throws SQLException {
        prepare(rs.getMetaData());
        List<Row> rows = new ArrayList<>();
        while (rows.size() < max && rs.next()) {
            rows.add(row(rs));
        }
        return rows;
    }

    private Row row(ResultSet rs) throws SQLException {
        int valueCount = mappings.size();
        List<String> cursor = texts(rs, valueCount + 1, shape.cursor().size());
        List<String> position = texts(rs, valueCount + 1 + shape.cursor().size(), shape.key().size());
        Struct value = new Struct(valueSchema);
        long bytes = 0;
        for (int i = 0; i < valueCount; i++) {
            Field field = valueSchema.fields().get(i);
            Object v;
            try {
                v = mappings.get(i).extractor().read(rs, i + 1);
                value.put(field, v);
            } catch (BadValueException | DataException | ArithmeticException | IllegalArgumentException
                     | ClassCastException | SQLException e) {
                if (e instanceof SQLException sql && !isConversion(sql)) {
                    throw sql;
                }
                String reason = "column " + field.name() + ": " + e.getMessage();
                return new Row(null, null, reason, raw(rs, valueCount), cursor, position, 0);
            }
            bytes += size(v);
        }
        return new Row(key(value), value, null, null, cursor, position, bytes);
    }

    private static boolean isConversion(SQLException e) {
        // pgjdbc reports a value it cannot convert with SQLState 22xxx (data exception)
        return e.getSQLState() != null && e.getSQLState().startsWith("22");
    }

    private Struct key(Struct value) {
        if (keySchema == null) {
            return null;
        }
        Struct key = new Struct(keySchema);
        for (Field field : keySchema.fields()) {
            key.put(field, value.get(field.name()));
        }
        return key;
    }

    private void prepare(ResultSetMetaData meta) throws SQLException {
        int valueCount = meta.getColumnCount() - shape.cursor().size() - shape.key().size();
        StringBuilder sig = new StringBuilder();
        for (int i = 1; i <= valueCount; i++) {
            sig.append(meta.getColumnLabel(i)).append(':').append(meta.getColumnTypeName(i)).append('(')
                    .append(meta.getPrecision(i)).append(',').append(meta.getScale(i)).append(");");
        }
        if (sig.toString().equals(signature)) {
            return;
        }
        String name = shape.split().name().replaceAll("[^A-Za-z0-9_.]", "_");
        SchemaBuilder value = SchemaBuilder.struct().name(name + ".Value").optional();
        List<ColumnMapping> columns = new ArrayList<>(valueCount);
        for (int i = 1; i <= valueCount; i++) {
            ColumnMapping mapping = ColumnMapping.of(meta, i, numeric);
            columns.add(mapping);
            value.field(meta.getColumnLabel(i), mapping.schema());
        }
        valueSchema = value.build();
        keySchema = null;
        if (!shape.physical()) {
            SchemaBuilder key = SchemaBuilder.struct().name(name + ".Key");
            for (String column : shape.key()) {
                Field field = valueSchema.field(column);
                if (field == null) {
                    throw new IllegalStateException("Key column " + column + " is not among the columns read");
                }
                key.field(column, field.schema());
            }
            keySchema = key.build();
        }
        mappings = columns;
        signature = sig.toString();
    }

    private static List<String> texts(ResultSet rs, int first, int count) throws SQLException {
        List<String> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            result.add(rs.getString(first + i));
        }
        return result;
    }

    private static String raw(ResultSet rs, int valueCount) throws SQLException {
        ObjectNode node = JSON.createObjectNode();
        ResultSetMetaData meta = rs.getMetaData();
        for (int i = 1; i <= valueCount; i++) {
            node.put(meta.getColumnLabel(i), rs.getString(i));
        }
        return node.toString();
    }

    private static long size(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof String s) {
            return s.length();
        }
        if (value instanceof byte[] b) {
            return b.length;
        }
        if (value instanceof List<?> list) {
            return list.stream().mapToLong(RowReader::size).sum();
        }
        String type = value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        return type.equals("short") ? 2 : type.equals("integer") || type.equals("float") ? 4 : 8;
    }
}
