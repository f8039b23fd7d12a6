package io.sluice.connect.cache;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * A dotted path into a record's key or value, such as {@code address.city}, resolved through Connect
 * {@link Struct}s (with a schema) and {@link Map}s (schemaless JSON).
 *
 * @param text     the path as configured, for messages
 * @param segments the field names, outermost first; empty for the whole key or value
 */
record FieldPath(String text, List<String> segments) {

    /**
     * @param text a dotted path; empty for the whole object
     * @return the path
     * @throws IllegalArgumentException if a segment is empty, as in {@code a..b}
     */
    static FieldPath parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return new FieldPath("", List.of());
        }
        List<String> segments = Arrays.asList(trimmed.split("\\.", -1));
        if (segments.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("'" + text + "' has an empty field name; write fields as a.b.c");
        }
        return new FieldPath(trimmed, List.copyOf(segments));
    }

    /** @return whether this path is the whole object */
    boolean isRoot() {
        return segments.isEmpty();
    }

    /**
     * @param root a Struct, a Map or any other value
     * @return the value at this path; empty when a field on the way is absent or not an object. A field that is
     *         present with a null value gives an empty optional too: both mean there is nothing to use.
     */
    Optional<Object> resolve(Object root) {
        Object current = root;
        for (String segment : segments) {
            if (current instanceof Struct struct) {
                Field field = struct.schema().field(segment);
                current = field == null ? null : struct.get(field);
            } else if (current instanceof Map<?, ?> map) {
                current = map.get(segment);
            } else {
                return Optional.empty();
            }
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(current);
    }
}
