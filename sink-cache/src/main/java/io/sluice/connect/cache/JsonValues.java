package io.sluice.connect.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * payload: dates as epoch milliseconds, bytes as base64, decimals as numbers.
 */
final class JsonValues {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {
    }

    /**
     * @param value Connect data
     * @return its JSON text
     */
    static String write(Object value) {
        try {
            return JSON.writeValueAsString(toNode(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a JSON tree", e);
        }
    }

    /**
     * @param value Connect data
     * @return its JSON tree
     * @throws IllegalArgumentException for a type Connect data does not have
     */
    static JsonNode toNode(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Struct struct) {
            ObjectNode node = NODES.objectNode();
            for (Field field : struct.schema().fields()) {
                node.set(field.name(), toNode(struct.get(field)));
            }
            return node;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = NODES.objectNode();
            map.forEach((k, v) -> node.set(String.valueOf(k), toNode(v)));
            return node;
        }
        if (value instanceof Collection<?> list) {
            ArrayNode node = NODES.arrayNode();
            list.forEach(v -> node.add(toNode(v)));
            return node;
        }
        return scalar(value);
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

    private static JsonNode scalar(Object value) {
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return NODES.numberNode(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal decimal) {
            return NODES.numberNode(decimal);
        }
        if (value instanceof BigInteger integer) {
            return NODES.numberNode(integer);
        }
        if (value instanceof Date date) {
            return NODES.numberNode(date.getTime());
        }
        if (value instanceof byte[] bytes) {
            return NODES.binaryNode(bytes);
        }
        if (value instanceof ByteBuffer buffer) {
            return NODES.binaryNode(bytes(buffer));
        }
        throw new IllegalArgumentException("a " + value.getClass().getName() + " is not Connect data");
    }
}
