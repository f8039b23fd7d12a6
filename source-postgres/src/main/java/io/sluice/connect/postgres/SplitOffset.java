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
 * others (likewise {@code "key"}). Since version 2 an offset also names the columns its position belongs to,
 * {@code "cursor.column"}, {@code "cursor.column.1"}, ... and {@code "key.column"}, ..., so that a position is never
 * applied to other columns ({@link #misfit}); version 1 offsets, and offsets set through the REST API without
 * them, are still read.
 *
 * <ul>
 *   <li>incremental: {@code {"v": 2, "mode": "incremental", "cursor.column": "updated_at", "key.column": "id",
 *       "cursor": "2024-05-01 10:00:00+00", "key": "42"}}; the next read starts after this (cursor, key) position.
 *       Without {@code "key"} it starts after every row whose cursor equals {@code "cursor"} (a position set
 *       through the REST API).</li>
 *   <li>full refresh: {@code {"v": 2, "mode": "full_refresh", "key.column": "id", "run": <epoch ms the read
 *       began>, "key": "42", "done": false}}; the read resumes after {@code key}, and {@code done} says the run is
 *       complete.</li>
 * </ul>
 */
sealed interface SplitOffset permits SplitOffset.Incremental, SplitOffset.FullRefresh {

    int VERSION = 2;
    String MODE_KEY = "mode";
    String CURSOR_KEY = "cursor";
    String KEY_KEY = "key";
    String RUN_KEY = "run";
    String DONE_KEY = "done";
    String CURSOR_COLUMN_KEY = "cursor.column";
    String KEY_COLUMN_KEY = "key.column";

    /**
     * The columns a position belongs to.
     *
     * @param cursor the cursor columns; empty for full refresh
     * @param key    the key columns
     */
    record Columns(List<String> cursor, List<String> key) {
        public Columns {
            cursor = List.copyOf(cursor);
            key = List.copyOf(key);
        }
    }

    /** @return the columns the position belongs to; null when the offset does not name them (version 1) */
    Columns columns();

    /** @return the cursor values of the position; empty for full refresh */
    List<String> cursorValues();

    /** @return the key values of the position; null when it has none */
    List<String> key();

    /**
     * @param cursor the cursor columns the split is read by
     * @param key    its key columns; null when they are not known (a table's primary key, without a database)
     * @return why this offset's position cannot be a position of those columns (it names other columns, or holds
     *         another number of values), or null when it can
     */
    default String misfit(List<String> cursor, List<String> key) {
        Columns own = columns();
        boolean keyKnown = key != null && !(key() == null && own != null && own.key().isEmpty());
        if (own != null && (!own.cursor().equals(cursor) || (keyKnown && !own.key().equals(key)))) {
            return "it was written for cursor columns " + own.cursor() + " and key columns " + own.key() + ", not "
                    + cursor + " and " + (key == null ? own.key() : key);
        }
        int keys = key() == null ? 0 : key().size();
        if (cursorValues().size() != cursor.size() || (key != null && key() != null && keys != key.size())) {
            return "it holds " + cursorValues().size() + " cursor and " + keys + " key values, not "
                    + cursor.size() + " for cursor columns " + cursor + (key == null ? "" : " and " + key.size()
                    + " for key columns " + key);
        }
        return null;
    }

    /** @return the map Connect stores */
    Map<String, Object> toMap();

    /**
     * @param map a stored offset
     * @return the offset
     * @throws IllegalArgumentException naming the field that is missing or malformed
     */
    static SplitOffset fromMap(Map<String, ?> map) {
        OffsetMaps.version(map, 1, VERSION);
        String mode = OffsetMaps.getString(map, MODE_KEY);
        List<String> cursorColumns = strings(map, CURSOR_COLUMN_KEY);
        List<String> keyColumns = strings(map, KEY_COLUMN_KEY);
        Columns columns = cursorColumns == null && keyColumns == null ? null
                : new Columns(cursorColumns == null ? List.of() : cursorColumns,
                keyColumns == null ? List.of() : keyColumns);
        if ("incremental".equals(mode)) {
            List<String> cursor = strings(map, CURSOR_KEY);
            if (cursor == null || cursor.isEmpty()) {
                throw new IllegalArgumentException("Offset field 'cursor' is missing; the map holds " + map.keySet());
            }
            return new Incremental(cursor, strings(map, KEY_KEY), columns);
        }
        if ("full_refresh".equals(mode)) {
            return new FullRefresh(OffsetMaps.getLong(map, RUN_KEY), strings(map, KEY_KEY),
                    OffsetMaps.getBoolean(map, DONE_KEY, false), columns);
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

    private static Map<String, Object> base(String mode, Columns columns) {
        Map<String, Object> map = new HashMap<>();
        map.put(OffsetMaps.VERSION_KEY, VERSION);
        map.put(MODE_KEY, mode);
        if (columns != null) {
            putStrings(map, CURSOR_COLUMN_KEY, columns.cursor());
            putStrings(map, KEY_COLUMN_KEY, columns.key());
        }
        return map;
    }

    /**
     * @param cursor  the cursor values of the last row read, in text form
     * @param key     its key values; null for "after every row with this cursor"
     * @param columns the columns of the position; null when not known
     */
    record Incremental(List<String> cursor, List<String> key, Columns columns) implements SplitOffset {
        public Incremental {
            cursor = position(CURSOR_KEY, cursor);
            key = position(KEY_KEY, key);
        }

        /** A position whose columns are not known, as version 1 stored it. */
        Incremental(List<String> cursor, List<String> key) {
            this(cursor, key, null);
        }

        @Override
        public List<String> cursorValues() {
            return cursor;
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> map = base("incremental", columns);
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
     * @param columns      the columns of the position; null when not known
     */
    record FullRefresh(long runStartedMs, List<String> key, boolean done, Columns columns) implements SplitOffset {
        public FullRefresh {
            key = position(KEY_KEY, key);
        }

        /** A run whose key columns are not known, as version 1 stored it. */
        FullRefresh(long runStartedMs, List<String> key, boolean done) {
            this(runStartedMs, key, done, null);
        }

        @Override
        public List<String> cursorValues() {
            return List.of();
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> map = base("full_refresh", columns);
            map.put(RUN_KEY, runStartedMs);
            if (key != null) {
                putStrings(map, KEY_KEY, key);
            }
            map.put(DONE_KEY, done);
            return map;
        }
    }
}
