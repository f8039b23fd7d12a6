package io.sluice.connect.common.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * Connect data (Structs, Maps, Lists and scalars) as JSON, the way {@code JsonConverter} writes a schemaless
 * payload: dates as epoch milliseconds, bytes as base64, decimals as numbers, written through a reused
 * {@link JsonBuffer}.
 */
public final class JsonValues {

    /** Reused for every value, so an instance belongs to one thread. */
    private final JsonBuffer buffer;

    /** Text outside the BMP as UTF-8. */
    public JsonValues() {
        this(new JsonBuffer());
    }

    private JsonValues(JsonBuffer buffer) {
        this.buffer = buffer;
    }

    /**
     * @return values written byte for byte as {@code JsonConverter} writes them without schemas, text outside the
     *         BMP included, for every type but decimals (which it writes as base64 by default, these as numbers)
     */
    public static JsonValues likeJsonConverter() {
        return new JsonValues(new JsonBuffer(true));
    }

    /**
     * @param value Connect data
     * @return its JSON text
     * @throws IllegalArgumentException for a type Connect data does not have
     */
    public String toText(Object value) {
        return buffer.toText(generator -> writeValue(generator, value));
    }

    /**
     * Streams {@code value} straight into UTF-8 JSON, with no tree in between.
     *
     * @param value Connect data
     * @return its JSON text in UTF-8
     * @throws IllegalArgumentException for a type Connect data does not have
     */
    public byte[] toBytes(Object value) {
        return buffer.toBytes(generator -> writeValue(generator, value));
    }

    private static void writeValue(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof Struct struct) {
            generator.writeStartObject();
            for (Field field : struct.schema().fields()) {
                generator.writeFieldName(field.name());
                writeValue(generator, struct.get(field));
            }
            generator.writeEndObject();
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof Collection<?> list) {
            generator.writeStartArray();
            for (Object element : list) {
                writeValue(generator, element);
            }
            generator.writeEndArray();
        } else {
            writeScalar(generator, value);
        }
    }

    private static void writeScalar(JsonGenerator generator, Object value) throws IOException {
        if (value instanceof String s) {
            generator.writeString(s);
        } else if (value instanceof Boolean b) {
            generator.writeBoolean(b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            generator.writeNumber(((Number) value).longValue());
        } else if (value instanceof Float f) {
            generator.writeNumber(f.floatValue());
        } else if (value instanceof Double d) {
            generator.writeNumber(d.doubleValue());
        } else if (value instanceof BigDecimal decimal) {
            generator.writeNumber(decimal);
        } else if (value instanceof BigInteger integer) {
            generator.writeNumber(integer);
        } else if (value instanceof Date date) {
            generator.writeNumber(date.getTime());
        } else if (value instanceof byte[] bytes) {
            generator.writeBinary(bytes);
        } else if (value instanceof ByteBuffer buffer) {
            generator.writeBinary(bytes(buffer));
        } else {
            throw new IllegalArgumentException("a " + value.getClass().getName() + " is not Connect data");
        }
    }

    /**
     * @param buffer a Connect bytes value
     * @return its remaining bytes, copied without moving the buffer's position (a record may be read again)
     */
    public static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
