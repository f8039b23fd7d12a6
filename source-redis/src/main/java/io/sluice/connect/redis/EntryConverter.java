package io.sluice.connect.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.sluice.connect.common.json.JsonBuffer;
import io.sluice.connect.common.offsets.PartitionMap;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import redis.clients.jedis.resps.StreamEntry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a stream entry into a record: the key from {@code key.field} or the entry id, the value per
 * {@code value.format}, the topic from the template, the timestamp from the entry id, and the headers
 * {@value #HEADER_STREAM} and {@value #HEADER_ENTRY_ID}.
 */
final class EntryConverter {

    /** Header holding the stream key. */
    static final String HEADER_STREAM = "sluice.stream";
    /** Header holding the entry id. */
    static final String HEADER_ENTRY_ID = "sluice.entry.id";

    private static final Schema MAP_SCHEMA = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    private static final int MAX_CACHED_SCHEMAS = 256;
    private static final int MAX_CACHED_DESTINATIONS = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Rejects text after the document, which a lenient parse would drop silently. */
    private static final ObjectReader JSON_VALUE = JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .forType(Object.class);

    private final TopicTemplate topic;
    private final String keyField;
    private final ValueFormat format;
    private final String jsonField;
    /** Where {@code value.format=json_text} writes, one value after another: a converter belongs to one thread. */
    private final JsonBuffer text = new JsonBuffer();
    /** Topic and partition map by stream, worked out once: a task reads few streams, each many times. */
    private final Map<String, Destination> destinations = new ConcurrentHashMap<>();
    /** The schema of the last entry: entries of one stream usually share their fields. */
    private volatile Schema lastSchema;
    /** Struct schemas by sorted field names. */
    private final Map<List<String>, Schema> schemas = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<String>, Schema> eldest) {
                    return size() > MAX_CACHED_SCHEMAS;
                }
            });

    EntryConverter(RedisStreamSourceConfig config) {
        this.topic = config.topic();
        this.keyField = config.keyField();
        this.format = config.valueFormat();
        this.jsonField = config.valueJsonField();
    }

    /**
     * @param stream the stream key
     * @param entry  the entry, with its fields
     * @param offset the source offset the record carries
     * @return the record
     * @throws BadEntryException when the key field is missing or the JSON field is missing or not JSON
     */
    SourceRecord convert(String stream, StreamEntry entry, Map<String, ?> offset) throws BadEntryException {
        Map<String, String> fields = entry.getFields();
        String id = entry.getID().toString();
        String key = keyField.isEmpty() ? id : fields.get(keyField);
        if (key == null) {
            throw new BadEntryException("it has no field '" + keyField + "' for the record key (key.field)");
        }
        Schema valueSchema;
        Object value;
        switch (format) {
            case MAP -> {
                valueSchema = MAP_SCHEMA;
                value = new TreeMap<>(fields);
            }
            case JSON -> {
                valueSchema = null;
                value = parseJson(fields);
            }
            case JSON_TEXT -> {
                valueSchema = Schema.STRING_SCHEMA;
                value = jsonText(fields);
            }
            default -> {
                valueSchema = structSchema(fields);
                Struct struct = new Struct(valueSchema);
                fields.forEach(struct::put);
                value = struct;
            }
        }
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString(HEADER_STREAM, stream);
        headers.addString(HEADER_ENTRY_ID, id);
        Destination destination = destination(stream);
        return new SourceRecord(destination.partition(), offset, destination.topic(), null,
                Schema.STRING_SCHEMA, key, valueSchema, value, entry.getID().getTime(), headers);
    }

    /** @return the topic records of {@code stream} go to */
    String topicFor(String stream) {
        return destination(stream).topic();
    }

    private Destination destination(String stream) {
        Destination destination = destinations.get(stream);
        if (destination == null) {
            if (destinations.size() >= MAX_CACHED_DESTINATIONS) {
                destinations.clear();
            }
            // one partition instance for all the stream's records: Connect hashes each record's partition
            destination = new Destination(topic.topicFor(stream), PartitionMap.of(new StreamPartition(stream).toMap()));
            destinations.put(stream, destination);
        }
        return destination;
    }

    /** Where the records of one stream go, and the source partition they carry. */
    private record Destination(String topic, Map<String, Object> partition) {
    }

    private Object parseJson(Map<String, String> fields) throws BadEntryException {
        String text = fields.get(jsonField);
        if (text == null) {
            throw new BadEntryException("it has no field '" + jsonField + "' to parse as JSON (value.json.field)");
        }
        Object value;
        try {
            value = JSON_VALUE.readValue(text);
        } catch (JsonProcessingException e) {
            throw new BadEntryException("its field '" + jsonField + "' is not JSON, or has text after the "
                    + "document: " + e.getOriginalMessage(), e);
        }
        if (!(value instanceof Map)) {
            // null would become a tombstone, and a bare value or array has no fields for the record
            throw new BadEntryException("its field '" + jsonField + "' holds JSON " + (value == null ? "null"
                    : value instanceof List ? "an array" : "a " + value.getClass().getSimpleName().toLowerCase(
                    java.util.Locale.ROOT)) + ", not an object (value.format=json expects one JSON object per entry)");
        }
        return value;
    }

    /** The fields as one JSON object in name order. */
    private String jsonText(Map<String, String> fields) {
        String[] names = fields.keySet().toArray(new String[0]);
        Arrays.sort(names);
        return text.toText(generator -> {
            generator.writeStartObject();
            for (String name : names) {
                generator.writeStringField(name, fields.get(name));
            }
            generator.writeEndObject();
        });
    }

    private Schema structSchema(Map<String, String> fields) {
        Schema last = lastSchema;
        if (last != null && sameFields(last, fields)) {
            return last;
        }
        Schema schema = lookUpSchema(fields);
        lastSchema = schema;
        return schema;
    }

    private static boolean sameFields(Schema schema, Map<String, String> fields) {
        if (schema.fields().size() != fields.size()) {
            return false;
        }
        for (String name : fields.keySet()) {
            if (schema.field(name) == null) {
                return false;
            }
        }
        return true;
    }

    private Schema lookUpSchema(Map<String, String> fields) {
        List<String> names = new ArrayList<>(new TreeMap<>(fields).keySet());
        return schemas.computeIfAbsent(names, n -> {
            SchemaBuilder builder = SchemaBuilder.struct();
            n.forEach(name -> builder.field(name, Schema.OPTIONAL_STRING_SCHEMA));
            return builder.build();
        });
    }

    /**
     * @param fields an entry's fields
     * @return them as one JSON object, the raw form of a bad entry in the error topic
     */
    static String fieldsAsJson(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write string fields as JSON", e);
        }
    }
}
