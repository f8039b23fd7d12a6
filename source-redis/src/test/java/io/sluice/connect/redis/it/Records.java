package io.sluice.connect.redis.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Reads what the workers wrote: schemaless JSON keys and values (JsonConverter, schemas.enable=false) and headers. */
public final class Records {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Records() {
    }

    /** The record's value as JSON. */
    public static JsonNode value(ConsumerRecord<byte[], byte[]> record) {
        return json(record.value(), record);
    }

    /** The record's key as JSON. */
    public static JsonNode key(ConsumerRecord<byte[], byte[]> record) {
        return json(record.key(), record);
    }

    private static JsonNode json(byte[] bytes, ConsumerRecord<byte[], byte[]> record) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Record at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " is not JSON", e);
        }
    }

    /** The {@code id} field of the record's value (a string field holding a number). */
    public static long id(ConsumerRecord<byte[], byte[]> record) {
        JsonNode id = value(record).get("id");
        if (id == null) {
            throw new AssertionError("Record " + record.topic() + "@" + record.offset() + " has no id: "
                    + new String(record.value(), StandardCharsets.UTF_8));
        }
        return Long.parseLong(id.asText());
    }

    /** The last header named {@code name} as text, or null. */
    public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** How often each value occurs, sorted by value. */
    public static <K extends Comparable<K>> Map<K, Long> counts(Collection<K> values) {
        return values.stream().collect(Collectors.groupingBy(v -> v, TreeMap::new, Collectors.counting()));
    }

    /**
     * Ids 1..{@code expected} each present at least once ({@code exactlyOnce}: exactly once), described for an
     * assertion message; empty when they are.
     */
    public static String checkIds(Collection<Long> ids, long expected, boolean exactlyOnce) {
        Map<Long, Long> counts = counts(ids);
        StringBuilder problems = new StringBuilder();
        long missing = 0;
        for (long id = 1; id <= expected; id++) {
            if (!counts.containsKey(id) && ++missing <= 10) {
                problems.append(" missing ").append(id);
            }
        }
        long extra = counts.keySet().stream().filter(id -> id < 1 || id > expected).count();
        long duplicated = counts.values().stream().filter(c -> c > 1).count();
        if (missing == 0 && extra == 0 && (!exactlyOnce || duplicated == 0)) {
            return "";
        }
        counts.entrySet().stream().filter(e -> e.getValue() > 1).limit(10)
                .forEach(e -> problems.append(" id ").append(e.getKey()).append(" x").append(e.getValue()));
        return ids.size() + " records for ids 1.." + expected + ": " + missing + " ids missing, " + extra
                + " unexpected, " + duplicated + " duplicated;" + problems;
    }
}
