package io.sluice.connect.common.format;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A CSV record's fields, each decoded when first asked for. A field that needs no decoding beyond a byte-to-char
 * copy (no escapes, in a record of ASCII bytes or ISO-8859-1) stays a range of the record's bytes until then, so a
 * reader that only checks a field's text, or never looks at it, builds no String for it.
 *
 * <p>Read-only, and handed out only wrapped unmodifiable; used by one thread at a time, like the {@link TextRecord}
 * that holds it.
 */
final class CsvFields extends AbstractList<String> implements RandomAccess {

    private final byte[] raw;
    /** For each field not decoded yet, where its text starts and ends in {@link #raw}: start at 2i, end at 2i+1. */
    private final int[] bounds;
    private final String[] values;

    /**
     * @param raw    the record's bytes
     * @param bounds start and end of each field's text in {@code raw}, for the fields {@code values} lacks
     * @param values the fields decoded already; null for those to copy from {@code raw} when asked for
     */
    CsvFields(byte[] raw, int[] bounds, String[] values) {
        this.raw = raw;
        this.bounds = bounds;
        this.values = values;
    }

    @Override
    public String get(int index) {
        String value = values[index];
        if (value == null) {
            int from = bounds[2 * index];
            value = new String(raw, from, bounds[2 * index + 1] - from, StandardCharsets.ISO_8859_1);
            values[index] = value;
        }
        return value;
    }

    @Override
    public int size() {
        return values.length;
    }

    /** @return the field's text: the decoded String, or a view of the record's bytes */
    CharSequence text(int index) {
        String value = values[index];
        return value != null ? value : new Latin1Text(raw, bounds[2 * index], bounds[2 * index + 1]);
    }

    /** Bytes read as ISO-8859-1 characters (of which ASCII is a part), without copying them. */
    private static final class Latin1Text implements CharSequence {
        private final byte[] bytes;
        private final int from;
        private final int to;

        Latin1Text(byte[] bytes, int from, int to) {
            this.bytes = bytes;
            this.from = from;
            this.to = to;
        }

        @Override
        public int length() {
            return to - from;
        }

        @Override
        public char charAt(int index) {
            if (index < 0 || index >= to - from) {
                throw new IndexOutOfBoundsException("index " + index + ", length " + (to - from));
            }
            return (char) (bytes[from + index] & 0xff);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            if (start < 0 || end > to - from || start > end) {
                throw new IndexOutOfBoundsException("range " + start + "-" + end + ", length " + (to - from));
            }
            return new Latin1Text(bytes, from + start, from + end);
        }

        @Override
        public String toString() {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
    }
}
