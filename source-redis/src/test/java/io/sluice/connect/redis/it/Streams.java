package io.sluice.connect.redis.it;

import io.sluice.testkit.RedisFixture;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Test streams on a Redis server, under a prefix unique to each test so that tests sharing the server never see
 * each other's keys. Every entry has a numeric {@code id} field and a {@code name}.
 */
public final class Streams implements AutoCloseable {

    private final Supplier<Jedis> connect;
    private final String prefix;
    private final List<String> created = new ArrayList<>();

    private Streams(Supplier<Jedis> connect, String prefix) {
        this.connect = connect;
        this.prefix = prefix;
    }

    /** Streams on the shared test server, under a fresh prefix such as {@code it-1a2b3c4d:}. */
    public static Streams onSharedServer() {
        return new Streams(() -> RedisFixture.get().jedis(), "it-" + UUID.randomUUID().toString().substring(0, 8) + ":");
    }

    /** Streams on another server. */
    public static Streams on(Supplier<Jedis> connect) {
        return new Streams(connect, "it-" + UUID.randomUUID().toString().substring(0, 8) + ":");
    }

    /** @return the key of the stream named {@code name} under this test's prefix */
    public String key(String name) {
        String key = prefix + name;
        if (!created.contains(key)) {
            created.add(key);
        }
        return key;
    }

    /** @return the prefix, e.g. for a pattern {@code prefix + "*"} */
    public String prefix() {
        return prefix;
    }

    /** A new connection; the caller closes it. */
    public Jedis jedis() {
        return connect.get();
    }

    /** Adds entries {@code id = from..to} (inclusive) to {@code stream}, pipelined; returns the last id. */
    public StreamEntryID add(String stream, long from, long to) {
        try (Jedis jedis = connect.get(); Pipeline pipeline = jedis.pipelined()) {
            for (long id = from; id <= to; id++) {
                pipeline.xadd(stream, StreamEntryID.NEW_ENTRY, entry(id));
            }
            pipeline.sync();
            return jedis.xinfoStream(stream).getLastGeneratedId();
        }
    }

    /** Adds one entry with the given fields. */
    public StreamEntryID addFields(String stream, Map<String, String> fields) {
        try (Jedis jedis = connect.get()) {
            return jedis.xadd(stream, StreamEntryID.NEW_ENTRY, fields);
        }
    }

    /** The fields of entry {@code id}. */
    public static Map<String, String> entry(long id) {
        Map<String, String> fields = new HashMap<>();
        fields.put("id", Long.toString(id));
        fields.put("name", "entry-" + id);
        return fields;
    }

    /** Creates {@code group} on {@code stream} at its start (the stream must exist). */
    public void createGroup(String stream, String group) {
        try (Jedis jedis = connect.get()) {
            jedis.xgroupCreate(stream, group, new StreamEntryID(0, 0), true);
        }
    }

    /**
     * Reads up to {@code count} new entries as {@code consumer} of {@code group} without acknowledging them: the
     * pending entries a consumer leaves behind when it dies.
     */
    public List<StreamEntry> readWithoutAck(String stream, String group, String consumer, int count) {
        try (Jedis jedis = connect.get()) {
            var result = jedis.xreadGroup(group, consumer, XReadGroupParams.xReadGroupParams().count(count),
                    Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
            return result == null || result.isEmpty() ? List.of() : result.get(0).getValue();
        }
    }

    /** Entries delivered to {@code group} and not yet acknowledged. */
    public long pending(String stream, String group) {
        try (Jedis jedis = connect.get()) {
            return jedis.xpending(stream, group).getTotal();
        }
    }

    /** Consumers of {@code group} on {@code stream}, by name, with their pending counts. */
    public Map<String, Long> consumers(String stream, String group) {
        Map<String, Long> result = new HashMap<>();
        try (Jedis jedis = connect.get()) {
            jedis.xinfoConsumers2(stream, group).forEach(c -> result.put(c.getName(), c.getPending()));
        }
        return result;
    }

    /** Deletes every key this test created. */
    @Override
    public void close() {
        if (created.isEmpty()) {
            return;
        }
        try (Jedis jedis = connect.get()) {
            jedis.del(created.toArray(String[]::new));
        }
    }
}
