package io.sluice.connect.redis;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.util.List;
import java.util.TreeSet;

/** Finds the streams to read: the listed keys, or the keys of type stream matching the pattern. */
final class StreamDiscovery {

    private static final int SCAN_COUNT = 1000;

    private final List<String> listed;
    private final String pattern;

    StreamDiscovery(RedisStreamSourceConfig config) {
        this.listed = config.streams();
        this.pattern = config.streamsPattern();
    }

    /** @return whether the set can change (a pattern), so that it is worth looking again */
    boolean dynamic() {
        return !pattern.isEmpty();
    }

    /** @return the listed keys; for a pattern, none until {@link #discover} ran */
    List<String> initial() {
        return listed;
    }

    /**
     * @param jedis a connection
     * @return the streams, sorted: the listed keys as they are, or every stream matching the pattern (SCAN ... TYPE
     *         stream)
     */
    List<String> discover(Jedis jedis) {
        if (!dynamic()) {
            return listed;
        }
        TreeSet<String> found = new TreeSet<>();
        ScanParams params = new ScanParams().match(pattern).count(SCAN_COUNT);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = jedis.scan(cursor, params, "stream");
            found.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return List.copyOf(found);
    }
}
