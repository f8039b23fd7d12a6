package io.sluice.connect.cache;

import io.sluice.connect.common.json.JsonValues;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * Turns a record value into what {@link ValueFormat} stores: bytes for {@code SET}, fields for {@code HSET}. One per
 * task: it reuses its JSON buffer.
 */
final class ValueEncoder {

    private final ValueFormat format;
    private final JsonValues json = new JsonValues();

    ValueEncoder(ValueFormat format) {
        this.format = format;
    }

    ValueFormat format() {
        return format;
    }

    /**
     * @param value a non-null record value
     * @return the bytes to {@code SET}
     * @throws BadRecordException when the value's type does not fit the format
     */
    byte[] encodeString(Object value) throws BadRecordException {
        if (format == ValueFormat.BYTES) {
            if (value instanceof byte[] bytes) {
                return bytes;
            }
            if (value instanceof ByteBuffer buffer) {
                return JsonValues.bytes(buffer);
            }
            if (value instanceof String s) {
                return s.getBytes(StandardCharsets.UTF_8);
            }
            throw new BadRecordException("value.format=bytes needs a bytes or string value, but the value is a "
                    + value.getClass().getSimpleName() + ": set value.converter="
                    + "org.apache.kafka.connect.converters.ByteArrayConverter, or choose value.format=json");
        }
        if (value instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        if (value instanceof byte[] || value instanceof ByteBuffer) {
            throw new BadRecordException("value.format=json cannot store a bytes value: choose value.format=bytes, "
                    + "or a converter that yields structured values (e.g. JsonConverter)");
        }
        return json.toBytes(value);
    }

    /**
     * @param value a non-null record value
     * @return the hash fields to {@code HSET}, in the value's field order; null fields left out
     * @throws BadRecordException when the value is not a Struct or Map, or has no non-null field
     */
    Map<byte[], byte[]> encodeHash(Object value) throws BadRecordException {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (value instanceof Struct struct) {
            for (Field field : struct.schema().fields()) {
                fields.put(field.name(), struct.get(field));
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> fields.put(String.valueOf(k), v));
        } else {
            throw new BadRecordException("value.format=hash needs a Struct or Map value, but the value is a "
                    + value.getClass().getSimpleName() + ": choose value.format=json or bytes");
        }
        Map<byte[], byte[]> hash = new LinkedHashMap<>();
        fields.forEach((name, fieldValue) -> {
            if (fieldValue != null) {
                String text = ScalarText.of(fieldValue).orElseGet(() -> json.toText(fieldValue));
                hash.put(name.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_8));
            }
        });
        if (hash.isEmpty()) {
            throw new BadRecordException("value.format=hash: the value has no non-null field to store");
        }
        return hash;
    }
}
