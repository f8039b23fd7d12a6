package io.sluice.connect.postgres;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How one PostgreSQL column becomes a Connect field. Every field is optional: a query's columns have no reliable
 * nullability, and a schema that changes when a constraint does would break consumers for nothing.
 *
 * <table>
 *   <caption>Type mapping</caption>
 *   <tr><th>PostgreSQL</th><th>Connect</th></tr>
 *   <tr><td>boolean</td><td>boolean</td></tr>
 *   <tr><td>smallint, integer, bigint, oid</td><td>int16, int32, int64, int64</td></tr>
 *   <tr><td>real, double precision</td><td>float32, float64</td></tr>
 *   <tr><td>numeric(p,s)</td><td>by {@code numeric.mapping}: Decimal(s), float64 or string</td></tr>
 *   <tr><td>date, time, timestamp, timestamptz</td><td>Date, Time, Timestamp (timestamp read as UTC),
 *       Timestamp (millisecond precision)</td></tr>
 *   <tr><td>bytea</td><td>bytes</td></tr>
 *   <tr><td>one-dimensional arrays of boolean, integer, floating-point, text or uuid elements</td>
 *       <td>array of the element's type</td></tr>
 *   <tr><td>text, varchar, char, uuid, json, jsonb, enums, interval (ISO 8601, e.g. P1DT2H), timetz, numeric
 *       and date/time arrays, others
 *       </td><td>string, in PostgreSQL's text form</td></tr>
 * </table>
 *
 * @param schema    the field's schema
 * @param extractor reads the value of the column from the current row
 */
record ColumnMapping(Schema schema, Extractor extractor) {

    /** Reads one column of the current row; throws {@link BadValueException} when the value cannot be mapped. */
    @FunctionalInterface
    interface Extractor {
        Object read(ResultSet rs, int column) throws SQLException;
    }

    /** @return the mapping of result column {@code column} */
    static ColumnMapping of(ResultSetMetaData meta, int column, NumericMapping numeric) throws SQLException {
        String type = Catalog.castType(meta.getColumnTypeName(column).toLowerCase(Locale.ROOT));
        if (type.startsWith("_")) {
            ColumnMapping element = scalar(type.substring(1), 0, 0, numeric);
            boolean logical = element.schema().name() != null;
            if (!logical && (element.schema().type() != Schema.Type.STRING || isTextual(type.substring(1)))) {
                return array(element.schema());
            }
            return new ColumnMapping(Schema.OPTIONAL_STRING_SCHEMA, ResultSet::getString);
        }
        return scalar(type, meta.getPrecision(column), meta.getScale(column), numeric);
    }

    private static boolean isTextual(String type) {
        return switch (type) {
            case "text", "varchar", "bpchar", "name", "uuid", "citext" -> true;
            default -> false;
        };
    }

    private static ColumnMapping scalar(String type, int precision, int scale, NumericMapping numeric) {
        return switch (type) {
            case "bool" -> of(Schema.OPTIONAL_BOOLEAN_SCHEMA, (rs, i) -> nullable(rs, rs.getBoolean(i)));
            case "int2" -> of(Schema.OPTIONAL_INT16_SCHEMA, (rs, i) -> nullable(rs, rs.getShort(i)));
            case "int4" -> of(Schema.OPTIONAL_INT32_SCHEMA, (rs, i) -> nullable(rs, rs.getInt(i)));
            case "int8", "oid" -> of(Schema.OPTIONAL_INT64_SCHEMA, (rs, i) -> nullable(rs, rs.getLong(i)));
            case "float4" -> of(Schema.OPTIONAL_FLOAT32_SCHEMA, (rs, i) -> nullable(rs, rs.getFloat(i)));
            case "float8" -> of(Schema.OPTIONAL_FLOAT64_SCHEMA, (rs, i) -> nullable(rs, rs.getDouble(i)));
            case "numeric" -> numeric(precision, scale, numeric);
            case "date" -> of(Date.builder().optional().build(), ColumnMapping::date);
            case "time" -> of(Time.builder().optional().build(), ColumnMapping::time);
            case "timestamp" -> of(Timestamp.builder().optional().build(), ColumnMapping::timestamp);
            case "timestamptz" -> of(Timestamp.builder().optional().build(), ColumnMapping::timestamptz);
            case "bytea" -> of(Schema.OPTIONAL_BYTES_SCHEMA, ResultSet::getBytes);
            default -> of(Schema.OPTIONAL_STRING_SCHEMA, ResultSet::getString);
        };
    }

    private static ColumnMapping of(Schema schema, Extractor extractor) {
        return new ColumnMapping(schema, extractor);
    }

    private static ColumnMapping numeric(int precision, int scale, NumericMapping mapping) {
        // an unconstrained numeric reports precision 0: its values have no common scale a Decimal could carry
        if (mapping == NumericMapping.DECIMAL && precision > 0) {
            return of(Decimal.builder(scale).optional().build(), (rs, i) -> decimal(rs, i, scale));
        }
        if (mapping == NumericMapping.DOUBLE) {
            return of(Schema.OPTIONAL_FLOAT64_SCHEMA, (rs, i) -> {
                String text = rs.getString(i);
                return text == null ? null : Double.parseDouble(text);
            });
        }
        return of(Schema.OPTIONAL_STRING_SCHEMA, ResultSet::getString);
    }

    private static Object decimal(ResultSet rs, int column, int scale) throws SQLException {
        String text = rs.getString(column);
        if (text == null) {
            return null;
        }
        if (text.equals("NaN") || text.contains("Infinity")) {
            throw new BadValueException(text + " cannot be a Decimal; set numeric.mapping=double or string");
        }
        return new BigDecimal(text).setScale(scale);
    }

    private static Object date(ResultSet rs, int column) throws SQLException {
        LocalDate value = rs.getObject(column, LocalDate.class);
        if (value == null) {
            return null;
        }
        if (value.equals(LocalDate.MAX) || value.equals(LocalDate.MIN)) {
            throw new BadValueException("the date " + rs.getString(column) + " has no Connect Date value");
        }
        return java.util.Date.from(value.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static Object time(ResultSet rs, int column) throws SQLException {
        LocalTime value = rs.getObject(column, LocalTime.class);
        return value == null ? null : new java.util.Date(value.toNanoOfDay() / 1_000_000L);
    }

    private static Object timestamp(ResultSet rs, int column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        if (value == null) {
            return null;
        }
        if (value.equals(LocalDateTime.MAX) || value.equals(LocalDateTime.MIN)) {
            throw new BadValueException("the timestamp " + rs.getString(column) + " has no Connect Timestamp value");
        }
        return java.util.Date.from(value.toInstant(ZoneOffset.UTC));
    }

    private static Object timestamptz(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        if (value == null) {
            return null;
        }
        if (value.equals(OffsetDateTime.MAX) || value.equals(OffsetDateTime.MIN)) {
            throw new BadValueException("the timestamp " + rs.getString(column) + " has no Connect Timestamp value");
        }
        return java.util.Date.from(value.toInstant());
    }

    private static ColumnMapping array(Schema element) {
        Schema schema = SchemaBuilder.array(element).optional().build();
        return of(schema, (rs, i) -> {
            Array array = rs.getArray(i);
            if (array == null) {
                return null;
            }
            Object[] values = (Object[]) array.getArray();
            List<Object> result = new ArrayList<>(values.length);
            for (Object value : values) {
                result.add(element(value, element));
            }
            return result;
        });
    }

    private static Object element(Object value, Schema schema) {
        if (value == null) {
            return null;
        }
        if (value instanceof Object[]) {
            throw new BadValueException("multi-dimensional arrays are not supported");
        }
        return switch (schema.type()) {
            case STRING -> value.toString();
            case INT16 -> ((Number) value).shortValue();
            case INT32 -> ((Number) value).intValue();
            case INT64 -> ((Number) value).longValue();
            case FLOAT32 -> ((Number) value).floatValue();
            case FLOAT64 -> ((Number) value).doubleValue();
            default -> value;
        };
    }

    private static Object nullable(ResultSet rs, Object value) throws SQLException {
        return rs.wasNull() ? null : value;
    }
}
