package io.sluice.connect.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The schema a user gives in {@code schema.json}:
 * <pre>{@code
 * {"name": "com.example.Order",
 *  "columns": [{"name": "id", "type": "int64", "optional": false},
 *              {"name": "amount", "type": "float64"},
 *              {"name": "placed_at", "type": "timestamp"}]}
 * }</pre>
 * {@code name} (the Connect schema name) is optional; each column needs a unique non-empty {@code name} and a
 * {@code type} out of {@code int64, float64, boolean, timestamp, string}; {@code optional} defaults to {@code true}.
 *
 * <p>Columns are matched to CSV header names (as written, or in their safe form, see {@link ColumnNames}) and to
 * JSON keys as written; without a CSV header, by position. Columns of the file that the schema does not name are
 * not read.
 *
 * @param name    the schema name, or {@code null} to derive it from the file name
 * @param columns the columns in order
 */
record ProvidedSchema(String name, List<ColumnSpec> columns) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    ProvidedSchema {
        columns = List.copyOf(columns);
    }

    /**
     * @param json the value of {@code schema.json}
     * @return the parsed schema
     * @throws IllegalArgumentException saying what is wrong and what a valid document looks like
     */
    static ProvidedSchema parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("columns").isArray() || root.path("columns").isEmpty()) {
            throw new IllegalArgumentException("must be an object with a non-empty \"columns\" array, e.g. "
                    + "{\"columns\":[{\"name\":\"id\",\"type\":\"int64\",\"optional\":false}]}");
        }
        JsonNode nameNode = root.get("name");
        if (nameNode != null && !(nameNode.isTextual() && !nameNode.textValue().isBlank())) {
            throw new IllegalArgumentException("\"name\" must be a non-empty string when set");
        }
        List<ColumnSpec> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int index = 0;
        for (JsonNode column : root.get("columns")) {
            index++;
            columns.add(column(column, index, seen));
        }
        return new ProvidedSchema(nameNode == null ? null : nameNode.textValue(), columns);
    }

    private static ColumnSpec column(JsonNode column, int index, Set<String> seen) {
        String where = "column " + index;
        if (!column.isObject()) {
            throw new IllegalArgumentException(where + " must be an object with \"name\" and \"type\"");
        }
        JsonNode name = column.get("name");
        if (name == null || !name.isTextual() || name.textValue().isBlank()) {
            throw new IllegalArgumentException(where + " needs a non-empty \"name\"");
        }
        String columnName = name.textValue();
        if (!seen.add(columnName)) {
            throw new IllegalArgumentException(where + ": the name '" + columnName + "' is used twice");
        }
        JsonNode typeNode = column.get("type");
        ColumnType type = typeNode == null || !typeNode.isTextual()
                ? null : ColumnType.fromConfigName(typeNode.textValue());
        if (type == null) {
            throw new IllegalArgumentException(where + " ('" + columnName + "') needs a \"type\" out of "
                    + "int64, float64, boolean, timestamp, string");
        }
        JsonNode optional = column.get("optional");
        if (optional != null && !optional.isBoolean()) {
            throw new IllegalArgumentException(where + " ('" + columnName + "'): \"optional\" must be true or false");
        }
        return new ColumnSpec(columnName, type, optional == null || optional.booleanValue());
    }

    /**
     * @param columnName a column name as configured, e.g. in {@code key.columns}
     * @return whether the schema has that column, by name as written or in its safe form
     */
    boolean hasColumn(String columnName) {
        String safe = ColumnNames.safe(columnName);
        return columns.stream().anyMatch(c -> c.name().equals(columnName) || c.name().equals(safe));
    }
}
