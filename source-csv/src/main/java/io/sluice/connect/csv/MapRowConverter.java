package io.sluice.connect.csv;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.connect.common.format.TextRecord;
import org.apache.kafka.connect.data.Schema;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts rows to schemaless values ({@code schema.mode=none}): a CSV row becomes a {@code Map} from the safe
 * column names to the values as text; a JSON line becomes the object itself, with its keys as written and JSON types
 * mapped to Java (whole numbers to {@code Long}, or to their text when too large; other numbers to {@code Double};
 * objects to {@code Map}; arrays to {@code List}).
 */
final class MapRowConverter implements RowConverter {

    private final String[] names;

    private MapRowConverter(String[] names) {
        this.names = names;
    }

    /** @param names the column names (safe and unique); every row must have that many columns */
    static MapRowConverter forCsv(List<String> names) {
        return new MapRowConverter(names.toArray(new String[0]));
    }

    /** @return a converter of JSON lines */
    static MapRowConverter forJson() {
        return new MapRowConverter(null);
    }

    /** @return the CSV column names, or {@code null} for JSON lines, whose keys vary per row */
    List<String> columnNames() {
        return names == null ? null : List.of(names);
    }

    @Override
    public Schema schema() {
        return null;
    }

    @Override
    public Object convert(TextRecord row) throws BadRowException {
        if (row.fields() == null) {
            return toJava(row.json());
        }
        List<String> values = row.fields();
        checkWidth(values);
        Map<String, Object> map = new LinkedHashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], values.get(i));
        }
        return map;
    }

    /** A JSON line is valid once parsed; a CSV row needs its column count. */
    @Override
    public void check(TextRecord row) throws BadRowException {
        if (row.fields() != null) {
            checkWidth(row.fields());
        }
    }

    private void checkWidth(List<String> values) throws BadRowException {
        if (values.size() != names.length) {
            throw new BadRowException("expected " + names.length + " columns, found " + values.size());
        }
    }

    private static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                map.put(field.getKey(), toJava(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(toJava(element)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.asText();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }
}
