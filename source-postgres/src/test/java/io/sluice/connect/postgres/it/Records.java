package io.sluice.connect.postgres.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Reads what the workers wrote: schemaless JSON keys and values (JsonConverter with schemas.enable=false). */
public final class Records {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Records() {
    }

    public static JsonNode value(ConsumerRecord<byte[], byte[]> record) {
        return json(record.value(), record);
    }

    public static JsonNode key(ConsumerRecord<byte[], byte[]> record) {
        return json(record.key(), record);
    }

    private static JsonNode json(byte[] bytes, ConsumerRecord<byte[], byte[]> record) {
        try {
            return bytes == null ? null : JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Record at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " is not JSON", e);
        }
    }

    /** The {@code id} field of the record's value. */
    public static long id(ConsumerRecord<byte[], byte[]> record) {
        JsonNode id = value(record).get("id");
        if (id == null || !id.canConvertToLong()) {
            throw new AssertionError("Record " + record.topic() + "@" + record.offset() + " has no numeric id: "
                    + new String(record.value(), StandardCharsets.UTF_8));
        }
        return id.asLong();
    }

    /** How often each value occurs, sorted by value. */
    public static <K extends Comparable<K>> Map<K, Long> counts(Collection<K> values) {
        return values.stream().collect(Collectors.groupingBy(v -> v, TreeMap::new, Collectors.counting()));
    }

    /**
     * Ids {@code first..last} each present at least once ({@code exactlyOnce}: exactly once) and no other, described
     * for an assertion message; empty when they are.
     */
    public static String checkIds(Collection<Long> ids, long first, long last, boolean exactlyOnce) {
        Map<Long, Long> counts = counts(ids);
        StringBuilder problems = new StringBuilder();
        long missing = 0;
        for (long id = first; id <= last; id++) {
            if (!counts.containsKey(id) && ++missing <= 10) {
                problems.append(" missing ").append(id);
            }
        }
        long extra = counts.keySet().stream().filter(id -> id < first || id > last).count();
        long duplicated = counts.values().stream().filter(c -> c > 1).count();
        if (missing == 0 && extra == 0 && (!exactlyOnce || duplicated == 0)) {
            return "";
        }
        counts.entrySet().stream().filter(e -> e.getValue() > 1).limit(10)
                .forEach(e -> problems.append(" id ").append(e.getKey()).append(" x").append(e.getValue()));
        return ids.size() + " records for ids " + first + ".." + last + ": " + missing + " missing, " + extra
                + " unexpected, " + duplicated + " duplicated;" + problems;
    }
}
