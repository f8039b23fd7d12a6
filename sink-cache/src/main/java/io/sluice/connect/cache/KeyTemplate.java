package io.sluice.connect.cache;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The Redis key of a record, from a template such as {@code user:${value.id}}, {@code ${topic}:${key}} or
 * {@code ${key.id}}.
 *
 * <p>Placeholders: {@code ${topic}}, {@code ${partition}}, {@code ${offset}} (of the original record),
 * {@code ${key}} (the whole record key, which must be a scalar), {@code ${key.<path>}} and
 * {@code ${value.<path>}} (a field of a Struct or Map key or value; {@code a.b} reaches into nested ones). A
 * {@code $} not followed by <code>{</code> is literal. A placeholder that resolves to nothing (a missing or null
 * field, a null key) or to a struct, map, array or bytes makes the record bad: a key built from a blank would
 * collide with every other record missing that field.
 */
final class KeyTemplate {

    private final String text;
    private final List<Part> parts;

    private KeyTemplate(String text, List<Part> parts) {
        this.text = text;
        this.parts = List.copyOf(parts);
    }

    /**
     * @param text the template
     * @return the parsed template
     * @throws IllegalArgumentException naming the problem and the accepted placeholders when the syntax is wrong
     */
    static KeyTemplate parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("must not be empty: use e.g. user:${value.id} or ${topic}:${key}");
        }
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("${", i);
            if (open < 0) {
                parts.add(new Literal(text.substring(i)));
                break;
            }
            if (open > i) {
                parts.add(new Literal(text.substring(i, open)));
            }
            int close = text.indexOf('}', open + 2);
            if (close < 0) {
                throw new IllegalArgumentException("has an unclosed '${' at position " + open + " in '" + text + "'");
            }
            parts.add(placeholder(text.substring(open + 2, close).trim(), text));
            i = close + 1;
        }
        return new KeyTemplate(text, parts);
    }

    private static Part placeholder(String name, String template) {
        switch (name) {
            case "topic":
                return new Topic();
            case "partition":
                return new Partition();
            case "offset":
                return new Offset();
            case "key":
                return new KeyField(FieldPath.parse(""));
            default:
                break;
        }
        try {
            if (name.startsWith("key.")) {
                return new KeyField(FieldPath.parse(name.substring(4)));
            }
            if (name.startsWith("value.")) {
                return new ValueField(FieldPath.parse(name.substring(6)));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("has a bad placeholder '${" + name + "}': " + e.getMessage());
        }
        throw new IllegalArgumentException("has an unknown placeholder '${" + name + "}' in '" + template
                + "': use ${topic}, ${partition}, ${offset}, ${key}, ${key.<field>} or ${value.<field>}");
    }

    /** @return whether a placeholder reads a field of the record value */
    boolean readsValue() {
        return parts.stream().anyMatch(p -> p instanceof ValueField);
    }

    /**
     * @param record the record
     * @return the key as UTF-8 bytes
     * @throws BadRecordException naming the template and the placeholder that has no usable value
     */
    byte[] render(SinkRecord record) throws BadRecordException {
        StringBuilder key = new StringBuilder();
        for (Part part : parts) {
            key.append(part.text(record, this));
        }
        return key.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text;
    }

    private BadRecordException missing(String placeholder, String what) {
        return new BadRecordException("key.template '" + text + "': " + placeholder + " " + what);
    }

    private String scalar(Object root, FieldPath path, String side) throws BadRecordException {
        String placeholder = "${" + side + (path.isRoot() ? "" : "." + path.text()) + "}";
        if (root == null) {
            throw missing(placeholder, "has no value: the record " + side + " is null");
        }
        Optional<Object> value = path.resolve(root);
        if (value.isEmpty()) {
            throw missing(placeholder, "has no value: field '" + path.text() + "' is missing or null in the record "
                    + side);
        }
        return ScalarText.of(value.get()).orElseThrow(() -> missing(placeholder, "is a "
                + value.get().getClass().getSimpleName() + ", not a scalar: name one of its fields, e.g. ${"
                + side + (path.isRoot() ? "" : "." + path.text()) + ".id}"));
    }

    private interface Part {
        String text(SinkRecord record, KeyTemplate template) throws BadRecordException;
    }

    private record Literal(String value) implements Part {
        @Override
        public String text(SinkRecord record, KeyTemplate template) {
            return value;
        }
    }

    private record Topic() implements Part {
        @Override
        public String text(SinkRecord record, KeyTemplate template) {
            return record.topic();
        }
    }

    private record Partition() implements Part {
        @Override
        public String text(SinkRecord record, KeyTemplate template) {
            return String.valueOf(record.originalKafkaPartition());
        }
    }

    private record Offset() implements Part {
        @Override
        public String text(SinkRecord record, KeyTemplate template) {
            return Long.toString(record.originalKafkaOffset());
        }
    }

    private record KeyField(FieldPath path) implements Part {
        @Override
        public String text(SinkRecord record, KeyTemplate template) throws BadRecordException {
            return template.scalar(record.key(), path, "key");
        }
    }

    private record ValueField(FieldPath path) implements Part {
        @Override
        public String text(SinkRecord record, KeyTemplate template) throws BadRecordException {
            return template.scalar(record.value(), path, "value");
        }
    }
}
