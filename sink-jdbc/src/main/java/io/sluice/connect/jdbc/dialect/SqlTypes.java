package io.sluice.connect.jdbc.dialect;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

import java.util.EnumMap;
import java.util.Map;

/**
 * The SQL type that DDL gives a column of each Connect type. Dialects start from {@link #ANSI} and override the few
 * types their database spells differently, so the mapping is shared rather than copied.
 */
public final class SqlTypes {

    /** The kinds of column a Connect schema maps to. */
    public enum Kind {
        INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN,
        /** A string column. */
        TEXT,
        /** A string column that is part of a primary key (some databases cannot index unbounded text). */
        KEY_TEXT,
        BYTES,
        /** A bytes column that is part of a primary key. */
        KEY_BYTES,
        /** Connect's Decimal; the type may hold {@code %d}, replaced by the scale. */
        DECIMAL,
        DATE, TIME,
        /** Connect's Timestamp: an instant, stored with its zone (or in UTC where the type has none). */
        TIMESTAMP,
        /** Arrays, maps and structs, stored as JSON. */
        JSON
    }

    /** Standard SQL spellings. */
    public static final SqlTypes ANSI = new SqlTypes(new EnumMap<>(Map.ofEntries(
            Map.entry(Kind.INT8, "SMALLINT"), Map.entry(Kind.INT16, "SMALLINT"), Map.entry(Kind.INT32, "INTEGER"),
            Map.entry(Kind.INT64, "BIGINT"), Map.entry(Kind.FLOAT32, "REAL"),
            Map.entry(Kind.FLOAT64, "DOUBLE PRECISION"), Map.entry(Kind.BOOLEAN, "BOOLEAN"),
            Map.entry(Kind.TEXT, "TEXT"), Map.entry(Kind.KEY_TEXT, "VARCHAR(255)"), Map.entry(Kind.BYTES, "BLOB"),
            Map.entry(Kind.KEY_BYTES, "VARBINARY(255)"), Map.entry(Kind.DECIMAL, "DECIMAL(38,%d)"),
            Map.entry(Kind.DATE, "DATE"), Map.entry(Kind.TIME, "TIME"),
            Map.entry(Kind.TIMESTAMP, "TIMESTAMP WITH TIME ZONE"), Map.entry(Kind.JSON, "TEXT"))));

    private final EnumMap<Kind, String> types;

    private SqlTypes(EnumMap<Kind, String> types) {
        this.types = types;
    }

    /**
     * @param kind the kind to spell differently
     * @param type its SQL type
     * @return a copy of this mapping with {@code kind} mapped to {@code type}
     */
    public SqlTypes with(Kind kind, String type) {
        EnumMap<Kind, String> copy = new EnumMap<>(types);
        copy.put(kind, type);
        return new SqlTypes(copy);
    }

    /**
     * @param schema a column's Connect schema
     * @param key    whether the column is part of the primary key
     * @return its SQL type
     */
    public String typeOf(Schema schema, boolean key) {
        Kind kind = kindOf(schema, key);
        String type = types.get(kind);
        if (kind == Kind.DECIMAL && type.contains("%d")) {
            String scale = schema.parameters() == null ? null : schema.parameters().get(Decimal.SCALE_FIELD);
            return String.format(type, scale == null ? 0 : Integer.parseInt(scale));
        }
        return type;
    }

    /**
     * @param schema a Connect schema
     * @param key    whether the column is part of the primary key
     * @return the kind of column it maps to
     */
    public static Kind kindOf(Schema schema, boolean key) {
        String logical = schema.name();
        if (Decimal.LOGICAL_NAME.equals(logical)) {
            return Kind.DECIMAL;
        }
        if (Date.LOGICAL_NAME.equals(logical)) {
            return Kind.DATE;
        }
        if (Time.LOGICAL_NAME.equals(logical)) {
            return Kind.TIME;
        }
        if (Timestamp.LOGICAL_NAME.equals(logical)) {
            return Kind.TIMESTAMP;
        }
        return switch (schema.type()) {
            case INT8 -> Kind.INT8;
            case INT16 -> Kind.INT16;
            case INT32 -> Kind.INT32;
            case INT64 -> Kind.INT64;
            case FLOAT32 -> Kind.FLOAT32;
            case FLOAT64 -> Kind.FLOAT64;
            case BOOLEAN -> Kind.BOOLEAN;
            case STRING -> key ? Kind.KEY_TEXT : Kind.TEXT;
            case BYTES -> key ? Kind.KEY_BYTES : Kind.BYTES;
            case ARRAY, MAP, STRUCT -> Kind.JSON;
        };
    }
}
