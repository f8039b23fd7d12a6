package io.sluice.connect.common.format;

/**
 * Where a reader starts: a byte position in the uncompressed content plus the counters that
 * belong to it, so that line and record numbers stay right after a resume.
 *
 * @param position     byte offset of the first byte to read, the start of a record
 * @param recordNumber data records already read before {@code position} (header excluded)
 * @param lineNumber   1-based line number of the line starting at {@code position}
 */
public record ReadPosition(long position, long recordNumber, long lineNumber) {

    /** The beginning of the content. */
    public static final ReadPosition START = new ReadPosition(0, 0, 1);

    public ReadPosition {
        if (position < 0 || recordNumber < 0 || lineNumber < 1) {
            throw new IllegalArgumentException("Invalid read position " + position + " (record "
                    + recordNumber + ", line " + lineNumber + "): position and record must be >= 0, line >= 1");
        }
    }
}
