package io.sluice.connect.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.connect.jdbc.dialect.ColumnInfo;
import io.sluice.connect.jdbc.dialect.JsonText;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns Connect values into the Java values dialects bind: numbers, Boolean, String, byte[], {@link BigDecimal},
 * {@link LocalDate}, {@link LocalTime}, {@link Instant}, or {@link JsonText} for arrays, maps and structs.
 *
 * <p>Schemaless values (from {@code JsonConverter} with {@code schemas.enable=false}) carry no types of their own:
 * {@link #coerce} reads them as the existing column's type, e.g. an ISO-8601 string into a timestamp column.
 */
final class ValueConverter {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The schema a schemaless value is taken to have when a column must be created for it. */
    static final Schema JSON_VALUE = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA)
            .optional().build();

    private ValueConverter() {
    }

    /**
     * @param schema the value's schema
     * @param value  a Connect value of that schema
     * @return the value to bind
     * @throws DataException when the value does not fit its schema
     */
    static Object convert(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        String logical = schema.name();
        if (Decimal.LOGICAL_NAME.equals(logical)) {
            return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        }
        if (Timestamp.LOGICAL_NAME.equals(logical)) {
            return ((java.util.Date) value).toInstant();
        }
        if (Date.LOGICAL_NAME.equals(logical)) {
            return LocalDate.ofInstant(((java.util.Date) value).toInstant(), ZoneOffset.UTC);
        }
        if (Time.LOGICAL_NAME.equals(logical)) {
            return LocalTime.ofInstant(((java.util.Date) value).toInstant(), ZoneOffset.UTC);
        }
        return switch (schema.type()) {
            case BYTES -> bytes(value);
            case ARRAY, MAP, STRUCT -> new JsonText(json(toPlain(value)));
            default -> value;
        };
    }

    /**
     * @param value a schemaless value: null, Boolean, a number, String, byte[], List or Map
     * @return the schema of the column that would hold it, optional; null for a null value
     */
    static Schema inferSchema(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean) {
            return Schema.OPTIONAL_BOOLEAN_SCHEMA;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return Schema.OPTIONAL_INT64_SCHEMA;
        }
        if (value instanceof Number) {
            return Schema.OPTIONAL_FLOAT64_SCHEMA;
        }
        if (value instanceof byte[] || value instanceof ByteBuffer) {
            return Schema.OPTIONAL_BYTES_SCHEMA;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?> || value instanceof Struct) {
            return JSON_VALUE;
        }
        return Schema.OPTIONAL_STRING_SCHEMA;
    }

    /**
     * Reads a schemaless value as the type of the column it goes to.
     *
     * @param column the existing column; null when unknown
     * @param value  the schemaless value
     * @return the value to bind
     * @throws DataException when the value cannot be read as the column's type
     */
    static Object coerce(ColumnInfo column, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?> || value instanceof Struct) {
            return new JsonText(json(toPlain(value)));
        }
        if (value instanceof ByteBuffer buffer) {
            return bytes(buffer);
        }
        if (column == null) {
            return value;
        }
        String type = column.typeName() == null ? "" : column.typeName().toLowerCase(Locale.ROOT);
        try {
            return switch (column.jdbcType()) {
                case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> instant(value);
                case Types.DATE -> value instanceof String s ? LocalDate.parse(s) : value;
                case Types.TIME, Types.TIME_WITH_TIMEZONE -> value instanceof String s ? LocalTime.parse(s) : value;
                case Types.NUMERIC, Types.DECIMAL -> value instanceof Boolean ? value : new BigDecimal(value.toString());
                case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                        value instanceof String s ? Base64.getDecoder().decode(s) : value;
                default -> type.startsWith("json") && !(value instanceof String) ? new JsonText(json(value)) : value;
            };
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new DataException("Value '" + value + "' cannot be read as " + column.typeName() + " for column '"
                    + column.name() + "': " + e.getMessage(), e);
        }
    }

    private static Object instant(Object value) {
        if (value instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant();
        }
        String text = value.toString().trim();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            // a timestamp without zone is taken as UTC, as the sink writes instants
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        }
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] copy = new byte[buffer.remaining()];
        buffer.get(copy);
        return copy;
    }

    /** Structs become maps and bytes base64, so Jackson writes what JsonConverter would. */
    static Object toPlain(Object value) {
        if (value instanceof Struct struct) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Field field : struct.schema().fields()) {
                map.put(field.name(), toPlain(plainLogical(field.schema(), struct.get(field))));
            }
            return map;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), toPlain(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(toPlain(v)));
            return copy;
        }
        if (value instanceof ByteBuffer || value instanceof byte[]) {
            return Base64.getEncoder().encodeToString(bytes(value));
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant().toString();
        }
        return value;
    }

    private static Object plainLogical(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        Object converted = convert(schema, value);
        if (converted instanceof JsonText) {
            return value;
        }
        return converted instanceof Instant || converted instanceof LocalDate || converted instanceof LocalTime
                ? converted.toString() : converted;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new DataException("Cannot write the value as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
