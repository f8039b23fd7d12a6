package io.sluice.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.XAddParams;

/**
 * The Redis benchmark's data: entries of ten short fields (about 120 bytes of field names and values, like one
 * row of the CSV benchmark), the same for the stream the source reads and the records the sink writes. An
 * entry's content depends only on its number, so a stream once written is reused by later runs.
 */
public final class RedisBenchData {

    /** Every key the benchmark writes starts with this, so it can clean up after itself. */
    public static final String PREFIX = "sluice-bench:";

    private static final int PIPELINE = 10_000;
    private static final String[] STATUS = {"new", "paid", "shipped", "delivered", "returned"};
    private static final String[] COUNTRY = {"DE", "FR", "US", "JP", "BR", "IN", "GB"};

    private RedisBenchData() {
    }

    /** The fields of entry {@code i}. */
    public static Map<String, String> entry(long i) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", Long.toString(i));
        fields.put("customer", "c-" + (i * 7919 % 100_000));
        fields.put("amount", String.format(Locale.ROOT, "%d.%02d", i % 5000, i % 100));
        fields.put("currency", "EUR");
        fields.put("status", STATUS[(int) (i % STATUS.length)]);
        fields.put("created_at", "2024-0" + (1 + i % 9) + "-1" + (i % 10) + "T10:" + (10 + i % 50) + ":00Z");
        fields.put("country", COUNTRY[(int) (i % COUNTRY.length)]);
        fields.put("channel", i % 3 == 0 ? "web" : "store");
        fields.put("items", Long.toString(1 + i % 9));
        fields.put("note", i % 10 == 0 ? "gift, wrapped" : "none");
        return fields;
    }

    /** The stream of {@code entries} entries that the source cases read. */
    public static String streamKey(long entries) {
        return PREFIX + "stream:" + entries;
    }

    /**
     * Makes sure {@link #streamKey(long)} holds exactly {@code entries} entries, writing it anew (in pipelined
     * batches) when it does not.
     *
     * @return whether the stream had to be written
     */
    public static boolean ensureStream(Jedis jedis, long entries) {
        String key = streamKey(entries);
        if (jedis.exists(key) && jedis.xlen(key) == entries) {
            return false;
        }
        jedis.del(key);
        Pipeline pipeline = jedis.pipelined();
        for (long i = 0; i < entries; i++) {
            pipeline.xadd(key, XAddParams.xAddParams(), entry(i));
            if ((i + 1) % PIPELINE == 0) {
                pipeline.sync();
            }
        }
        pipeline.sync();
        return true;
    }

    /** The value the sink cases write for entry {@code i}: its fields as a JSON object. */
    public static String json(long i) {
        StringBuilder sb = new StringBuilder("{");
        entry(i).forEach((k, v) -> sb.append(sb.length() == 1 ? "" : ",").append('"').append(k).append("\":\"")
            .append(v).append('"'));
        return sb.append('}').toString();
    }

    /** Deletes every key under {@code prefix}, in batches; returns how many there were. */
    public static long deleteKeys(Jedis jedis, String prefix) {
        long deleted = 0;
        String cursor = "0";
        do {
            var page = jedis.scan(cursor, new ScanParams().match(prefix + "*")
                .count(PIPELINE));
            cursor = page.getCursor();
            if (!page.getResult().isEmpty()) {
                deleted += jedis.unlink(page.getResult().toArray(new String[0]));
            }
        } while (!"0".equals(cursor));
        return deleted;
    }

    /** Counts the keys under {@code prefix}. */
    public static long countKeys(Jedis jedis, String prefix) {
        long count = 0;
        String cursor = "0";
        do {
            var page = jedis.scan(cursor, new ScanParams().match(prefix + "*")
                .count(PIPELINE));
            cursor = page.getCursor();
            count += page.getResult().size();
        } while (!"0".equals(cursor));
        return count;
    }
}
