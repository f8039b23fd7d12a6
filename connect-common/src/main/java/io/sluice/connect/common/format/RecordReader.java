package io.sluice.connect.common.format;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Reads records one by one from a byte stream. Not thread-safe.
 *
 * <p>The counters describe the state after the last record returned or rejected, which is
 * exactly what a source offset must store to resume: pass {@link #readPosition()} to
 * {@link RecordReaders#open} and the new reader returns the records that follow.
 */
public interface RecordReader extends Closeable {

    /**
     * The next record, or {@code null} at the end of the content. Empty lines are skipped (they
     * still count in line numbers and positions).
     *
     * @throws RecordFormatException for a malformed record, after moving past it: calling
     *                               {@code next()} again continues with the following record
     * @throws IOException           when the underlying stream fails
     */
    TextRecord next() throws IOException;

    /** Byte position just after the last record returned or rejected (the resume point). */
    long position();

    /** Data records returned or rejected so far, counting those before the start position. */
    long recordNumber();

    /** 1-based number of the line that starts at {@link #position()}. */
    long lineNumber();

    /** The CSV header's column names, or {@code null} without a header, for JSON lines, or for empty content. */
    List<String> header();

    /** {@link #position()}, {@link #recordNumber()} and {@link #lineNumber()} together. */
    default ReadPosition readPosition() {
        return new ReadPosition(position(), recordNumber(), lineNumber());
    }
}
