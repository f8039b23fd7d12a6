package io.sluice.connect.postgres;

import io.sluice.connect.common.offsets.OffsetMaps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The offset of a split: where its reader resumes. Positions are strings in PostgreSQL's text form, bound back as
 * untyped parameters so that the server converts them to the columns' own types: no precision or time zone is lost
 * on the way through the offset store. Connect stores only scalars in offsets, so a position of several columns
 * takes one field per column: {@code "cursor"} for the first, {@code "cursor.1"}, {@code "cursor.2"}, ... for the
 * others (likewise {@code "key"}).
 *
 * <ul>
 *   <li>incremental: {@code {"v": 1, "mode": "incremental", "cursor": "2024-05-01 10:00:00+00", "key": "42"}};
 *       the next read starts after this (cursor, key) position. Without {@code "key"} it starts after every row
 *       whose cursor equals {@code "cursor"} (a position set through the REST API).</li>
 *   <li>full refresh: {@code {"v": 1, "mode": "full_refresh", "run": <epoch ms the read began>, "key": "42",
 *       "done": false}}; the read resumes after {@code key}, and {@code done} says the run is complete.</li>
 * </ul>
 */
sealed interface SplitOffset permits SplitOffset.Incremental, SplitOffset.FullRefresh {

    int VERSION = 1;
    String MODE_KEY = "mode";
    String CURSOR_KEY = "cursor";
    String KEY_KEY = "key";
    String RUN_KEY = "run";
    String DONE_KEY = "done";

    /** @return the map Connect stores */
    Map<String, Object> toMap();

    /**
     * @param map a stored offset
     * @return the offset
     * @throws IllegalArgumentException naming the field that is missing or malformed
     */
    static SplitOffset fromMap(Map<String, ?> map) {
        OffsetMaps.version(map, VERSION);
        String mode = OffsetMaps.getString(map, MODE_KEY);
        if ("incremental".equals(mode)) {
            List<String> cursor = strings(map, CURSOR_KEY);
            if (cursor == null || cursor.isEmpty()) {
                throw new IllegalArgumentException("Offset field 'cursor' is missing; the map holds " + map.keySet());
            }
            return new Incremental(cursor, strings(map, KEY_KEY));
        }
        if ("full_refresh".equals(mode)) {
            return new FullRefresh(OffsetMaps.getLong(map, RUN_KEY), strings(map, KEY_KEY),
                    OffsetMaps.getBoolean(map, DONE_KEY, false));
        }
        throw new IllegalArgumentException("Offset field 'mode' must be 'incremental' or 'full_refresh', was '"
                + mode + "'");
    }

    /** @return the values of {@code field}, {@code field.1}, ... until one is absent; null when {@code field} is */
    private static List<String> strings(Map<String, ?> map, String field) {
        List<String> result = new ArrayList<>();
        for (int i = 0; ; i++) {
            String name = i == 0 ? field : field + "." + i;
            java.util.Optional<String> value = OffsetMaps.optString(map, name);
            if (value.isEmpty()) {
                break;
            }
            result.add(value.get());
        }
        return result.isEmpty() ? null : List.copyOf(result);
    }

    private static void putStrings(Map<String, Object> map, String field, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            map.put(i == 0 ? field : field + "." + i, values.get(i));
        }
    }

    /**
     * A position with a NULL could not be stored: read back, the NULL would end the list early and cut the position
     * short, so it is refused here.
     */
    private static List<String> position(String field, List<String> values) {
        if (values == null) {
            return null;
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new IllegalArgumentException("Offset field '" + field + "' cannot hold a NULL (column " + i
                        + " of the position): the cursor and key columns must not be NULL; name NOT NULL columns in "
                        + PostgresSourceConfig.PRIMARY_KEY_CONFIG);
            }
        }
        return List.copyOf(values);
    }

    private static Map<String, Object> base(String mode) {
        Map<String, Object> map = new HashMap<>();
        map.put(OffsetMaps.VERSION_KEY, VERSION);
        map.put(MODE_KEY, mode);
        return map;
    }

    /**
     * @param cursor the cursor values of the last row read, in text form
     * @param key    its key values; null for "after every row with this cursor"
     */
    record Incremental(List<String> cursor, List<String> key) implements SplitOffset {
        public Incremental {
            cursor = position(CURSOR_KEY, cursor);
            key = position(KEY_KEY, key);
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> map = base("incremental");
            putStrings(map, CURSOR_KEY, cursor);
            if (key != null) {
                putStrings(map, KEY_KEY, key);
            }
            return map;
        }
    }

    /**
     * @param runStartedMs when the current (or last) complete read began
     * @param key          the key of the last row read in it; null when none was read yet
     * @param done         whether the run read the last row
     */
    record FullRefresh(long runStartedMs, List<String> key, boolean done) implements SplitOffset {
        public FullRefresh {
            key = position(KEY_KEY, key);
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> map = base("full_refresh");
            map.put(RUN_KEY, runStartedMs);
            if (key != null) {
                putStrings(map, KEY_KEY, key);
            }
            map.put(DONE_KEY, done);
            return map;
        }
    }
}
