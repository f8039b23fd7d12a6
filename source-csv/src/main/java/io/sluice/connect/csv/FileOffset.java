package io.sluice.connect.csv;

import io.sluice.connect.common.format.ReadPosition;
import io.sluice.connect.common.offsets.OffsetMaps;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The source offset of one file: where to resume reading it.
 *
 * <p>Stored as {@code {"v": 1, "position": 5120, "record": 40, "line": 42, "eof": false}} while the file is being
 * read; the offset of its last record adds {@code "eof": true}, {@code "size"} (the file's size in bytes when it was
 * read to the end) and {@code "mtime"} (its last-modified time in ms then). {@code size} and {@code mtime} let a
 * later run tell the finished file from a new file that reuses its identity.
 *
 * @param position uncompressed byte position where reading resumes (the start of the next record)
 * @param record   data records already read (header excluded, bad rows included)
 * @param line     1-based line number at {@code position}
 * @param eof      whether the file has been read to the end
 * @param size     the file's size at the end, or -1 when not known
 * @param mtime    the file's last-modified time in ms at the end, or -1 when not known
 */
public record FileOffset(long position, long record, long line, boolean eof, long size, long mtime) {

    /** The offset format version this class writes and reads. */
    public static final int VERSION = 1;
    public static final String POSITION_KEY = "position";
    public static final String RECORD_KEY = "record";
    public static final String LINE_KEY = "line";
    public static final String EOF_KEY = "eof";
    public static final String SIZE_KEY = "size";
    public static final String MTIME_KEY = "mtime";

    private static final Integer VERSION_VALUE = VERSION;

    public FileOffset {
        if (position < 0 || record < 0 || line < 1) {
            throw new IllegalArgumentException("Invalid file offset: position " + position + " and record " + record
                    + " must be >= 0, line " + line + " must be >= 1");
        }
    }

    /**
     * The offset of a record in the middle of a file: the hot path, one small map per record.
     *
     * @return {@code {"v":1,"position":..,"record":..,"line":..,"eof":false}}
     */
    static Map<String, Object> inProgressMap(long position, long record, long line) {
        return new InProgressMap(position, record, line);
    }

    /** @return the offset map Connect stores */
    public Map<String, Object> toMap() {
        if (!eof) {
            return inProgressMap(position, record, line);
        }
        return Map.of(OffsetMaps.VERSION_KEY, VERSION_VALUE, POSITION_KEY, position, RECORD_KEY, record,
                LINE_KEY, line, EOF_KEY, Boolean.TRUE, SIZE_KEY, size, MTIME_KEY, mtime);
    }

    /**
     * Reads a stored offset. Numbers may come back as any {@link Number} (an Integer after a JSON round trip) or as
     * numeric strings; {@code eof} as a Boolean or the strings {@code true}/{@code false}, absent meaning false.
     *
     * @param map a stored offset
     * @return the offset
     * @throws IllegalArgumentException naming the key that is missing or invalid, or the unsupported version
     */
    public static FileOffset fromMap(Map<String, ?> map) {
        OffsetMaps.version(map, VERSION);
        Object eofValue = map.get(EOF_KEY);
        boolean eof;
        if (eofValue == null || eofValue instanceof Boolean) {
            eof = Boolean.TRUE.equals(eofValue);
        } else if ("true".equalsIgnoreCase(eofValue.toString()) || "false".equalsIgnoreCase(eofValue.toString())) {
            eof = Boolean.parseBoolean(eofValue.toString());
        } else {
            throw new IllegalArgumentException("Offset key '" + EOF_KEY + "' must be true or false, got '"
                    + eofValue + "'");
        }
        return new FileOffset(
                OffsetMaps.getLong(map, POSITION_KEY),
                OffsetMaps.getLong(map, RECORD_KEY),
                OffsetMaps.getLong(map, LINE_KEY),
                eof,
                OffsetMaps.optLong(map, SIZE_KEY).orElse(-1),
                OffsetMaps.optLong(map, MTIME_KEY).orElse(-1));
    }

    /** @return where a reader resumes */
    ReadPosition readPosition() {
        return new ReadPosition(position, record, line);
    }

    /**
     * An immutable map with the five keys of an in-progress offset. One is built per record, and
     * {@code Map.of} spends noticeable time hashing its keys into a table; this one only stores three longs and
     * boxes them when Connect reads them (usually once per partition per offset commit).
     */
    private static final class InProgressMap extends AbstractMap<String, Object> {

        private static final List<String> KEYS =
                List.of(OffsetMaps.VERSION_KEY, POSITION_KEY, RECORD_KEY, LINE_KEY, EOF_KEY);

        private final long position;
        private final long record;
        private final long line;

        InProgressMap(long position, long record, long line) {
            this.position = position;
            this.record = record;
            this.line = line;
        }

        @Override
        public Object get(Object key) {
            int index = KEYS.indexOf(key);
            return index < 0 ? null : value(index);
        }

        @Override
        public boolean containsKey(Object key) {
            return KEYS.contains(key);
        }

        @Override
        public int size() {
            return KEYS.size();
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < KEYS.size();
                        }

                        @Override
                        public Entry<String, Object> next() {
                            if (next >= KEYS.size()) {
                                throw new NoSuchElementException();
                            }
                            int index = next++;
                            return new SimpleImmutableEntry<>(KEYS.get(index), value(index));
                        }
                    };
                }

                @Override
                public int size() {
                    return KEYS.size();
                }
            };
        }

        private Object value(int index) {
            switch (index) {
                case 0:
                    return VERSION_VALUE;
                case 1:
                    return position;
                case 2:
                    return record;
                case 3:
                    return line;
                default:
                    return Boolean.FALSE;
            }
        }
    }
}
