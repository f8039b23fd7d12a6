package io.sluice.connect.common.format;

import java.io.IOException;

/**
 * A malformed record: invalid text encoding, a quote left open at the end of the content, a
 * record longer than the reader accepts, invalid JSON or JSON that is not an object.
 *
 * <p>When a {@link RecordReader} throws it, the reader has already moved past the bad record
 * (its {@link RecordReader#position()} equals {@link #endPosition()}), so the caller may skip
 * the record or send it to an error topic and call {@code next()} again.
 */
public class RecordFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long lineNumber;
    private final long recordNumber;
    private final long startPosition;
    private final long endPosition;
    private final String rawText;
    private final String reason;

    /**
     * @param reason what is wrong, for a user: "invalid UTF-8 in field 3"
     * @param rawText the record's text as far as it could be decoded (invalid bytes replaced)
     */
    public RecordFormatException(String reason, long lineNumber, long recordNumber,
                                 long startPosition, long endPosition, String rawText, Throwable cause) {
        super("Malformed record at line " + lineNumber + " (record " + recordNumber + ", bytes "
                + startPosition + "-" + endPosition + "): " + reason, cause);
        this.reason = reason;
        this.lineNumber = lineNumber;
        this.recordNumber = recordNumber;
        this.startPosition = startPosition;
        this.endPosition = endPosition;
        this.rawText = rawText;
    }

    /** The 1-based line where the bad record starts. */
    public long lineNumber() {
        return lineNumber;
    }

    /** The 1-based data record number the bad record took (header excluded). */
    public long recordNumber() {
        return recordNumber;
    }

    /** Byte position where the bad record starts. */
    public long startPosition() {
        return startPosition;
    }

    /** Byte position after the bad record and its line terminator: where reading continues. */
    public long endPosition() {
        return endPosition;
    }

    /** The record's text, without its line terminator, with undecodable bytes replaced (U+FFFD). */
    public String rawText() {
        return rawText;
    }

    /** What is wrong with the record, without the position prefix of {@link #getMessage()}. */
    public String reason() {
        return reason;
    }
}
