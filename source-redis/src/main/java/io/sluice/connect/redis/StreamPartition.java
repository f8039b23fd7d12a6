package io.sluice.connect.redis;

import io.sluice.connect.common.offsets.OffsetMaps;

import java.util.HashMap;
import java.util.Map;

/**
 * A stream as a source partition: {@code {"stream": <key>}}.
 *
 * <p>Built as a {@link HashMap} with one key, so it serializes the same way in every JVM: Connect finds an offset by
 * the bytes of the serialized partition.
 *
 * @param stream the stream key
 */
public record StreamPartition(String stream) {

    static final String STREAM_KEY = "stream";

    /** @return the partition map Connect stores offsets under */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new HashMap<>();
        map.put(STREAM_KEY, stream);
        return map;
    }

    /**
     * @param map a partition read back from Connect or given to {@code alterOffsets}
     * @return the partition
     * @throws IllegalArgumentException when the stream key is missing or empty
     */
    public static StreamPartition fromMap(Map<String, ?> map) {
        String stream = OffsetMaps.getString(map, STREAM_KEY);
        if (stream.isEmpty()) {
            throw new IllegalArgumentException("'" + STREAM_KEY + "' must not be empty");
        }
        return new StreamPartition(stream);
    }
}
