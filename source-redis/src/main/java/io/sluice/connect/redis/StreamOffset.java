package io.sluice.connect.redis;

import io.sluice.connect.common.offsets.OffsetMaps;
import redis.clients.jedis.StreamEntryID;

import java.util.HashMap;
import java.util.Map;

/**
 * The position in a stream: {@code {"v": 1, "id": "<ms>-<seq>"}}, the id of the last entry handed to Connect.
 * Reading resumes after it.
 *
 * @param id the last entry read
 */
public record StreamOffset(StreamEntryID id) {

    static final int VERSION = 1;
    static final String ID_KEY = "id";

    /** @return the offset map */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new HashMap<>();
        map.put(OffsetMaps.VERSION_KEY, VERSION);
        map.put(ID_KEY, id.toString());
        return map;
    }

    /**
     * @param map an offset read back from Connect or given to {@code alterOffsets}
     * @return the offset
     * @throws IllegalArgumentException when the version is unknown or the id is not an entry id
     */
    public static StreamOffset fromMap(Map<String, ?> map) {
        OffsetMaps.version(map, VERSION);
        return new StreamOffset(EntryIds.parse(OffsetMaps.getString(map, ID_KEY)));
    }
}
