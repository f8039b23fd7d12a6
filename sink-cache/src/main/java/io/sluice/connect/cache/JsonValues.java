package io.sluice.connect.cache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * Connect data (Structs, Maps, Lists and scalars) as JSON, the way {@code JsonConverter} writes a schemaless
 * payload: dates as epoch milliseconds, bytes as base64, decimals as numbers. An instance reuses its buffer and
 * generator from one value to the next, so it belongs to one thread.
 */
final class JsonValues {

    /** Characters outside the BMP as UTF-8, as a String's bytes would have them, not as escaped surrogate pairs. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
    private static final int INITIAL_BUFFER = 512;

    /** A buffer grown past this by one large value is let go, so a task does not keep it for good. */
    private static final int MAX_KEPT_BUFFER = 1 << 20;

    /** Reused for every value: one generator writing root values one after another, without separators. */
    private ByteArrayOutputStream out = new ByteArrayOutputStream(INITIAL_BUFFER);
    private JsonGenerator generator = newGenerator();

    private JsonGenerator newGenerator() {
        try {
            JsonGenerator created = JSON.createGenerator(out);
            created.setRootValueSeparator(null);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write JSON into memory", e);
        }
    }

    /**
     * @param value Connect data
     * @return its JSON text
     * @throws IllegalArgumentException for a type Connect data does not have
     */
    String toText(Object value) {
        return new String(toBytes(value), StandardCharsets.UTF_8);
    }

    /**
     * Streams {@code value} straight into UTF-8 JSON, with no tree in between.
     *
     * @param value Connect data
     * @return its JSON text in UTF-8
     * @throws IllegalArgumentException for a type Connect data does not have
     */
    byte[] toBytes(Object value) {
        out.reset();
        boolean written = false;
        try {
            writeValue(generator, value);
            generator.flush();
            written = true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the value as JSON: " + e.getMessage(), e);
        } finally {
            if (!written) {
                // the generator is inside the half-written value: start over with a new one
                generator = newGenerator();
            }
        }
        byte[] bytes = out.toByteArray();
        if (bytes.length > MAX_KEPT_BUFFER) {
            out = new ByteArrayOutputStream(INITIAL_BUFFER);
            generator = newGenerator();
        }
        return bytes;
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
    static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
