package io.sluice.connect.common.format;

import java.io.IOException;
import java.util.Arrays;

/**
 * Finds the next CSV record in a {@link ByteWindow} and the byte ranges of its fields, in one
 * pass over the bytes. The scan can stop at the end of the buffer and resume after a refill,
 * so a record may span any number of reads.
 *
 * <p>Quote handling follows RFC 4180 and is lenient where FastCSV is: a quote opens a quoted
 * field only as a field's first byte, elsewhere it is literal; text between a closing quote and
 * the next delimiter is kept. Line breaks inside quotes (or escaped) belong to the field and
 * are counted in {@link #lines}.
 */
final class CsvScanner {

    static final byte F_QUOTED = 1;
    /** The field needs unescaping: "" pairs, escape characters or text after the closing quote. */
    static final byte F_COMPLEX = 2;

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;
    private static final int ESCAPED_UNQUOTED = 4;
    private static final int ESCAPED_QUOTED = 5;
    private static final int CR_IN_QUOTED = 6;
    private static final int ESCAPED_CR_UNQUOTED = 7;
    private static final int CR_END = 8;
    private static final int DONE = 9;

    private static final byte ORDINARY = 0;
    private static final byte DELIMITER = 1;
    private static final byte QUOTE = 2;
    private static final byte ESCAPE = 3;
    private static final byte CR = 4;
    private static final byte LF = 5;
    private static final byte HIGH = 6;

    private static final int PREVIEW_BYTES = AbstractRecordReader.MAX_ERROR_TEXT_BYTES;

    private final ByteWindow window;
    private final byte delimiter;
    private final byte quote;
    private final byte[] unquotedClass = new byte[256];
    private final byte[] quotedClass = new byte[256];
    private final int maxRecordBytes;

    // Results for the record found by the last scan(); offsets are relative to window.start.
    long startPosition;
    int fieldCount;
    int[] fieldStart = new int[16];
    int[] fieldEnd = new int[16];
    byte[] fieldFlags = new byte[16];
    /** Whether a byte >= 0x80 occurred (not tracked for ISO-8859-1, where every byte is one char). */
    boolean nonAscii;
    /** Line breaks inside the record, its terminator excluded. */
    int lines;
    /** Length of the record without its line terminator. */
    int contentEnd;
    /** Length of the record with its line terminator. */
    int recordEnd;
    boolean unterminatedQuote;
    /** Lines into the record where the quote left open was opened. */
    int openQuoteLine;
    /** The first bytes of a record longer than the maximum, which was skipped; null otherwise. */
    byte[] oversizePreview;

    private int state;
    private int fieldBegin;
    private byte flags;

    CsvScanner(ByteWindow window, CsvOptions options, boolean trackNonAscii, int maxRecordBytes) {
        this.window = window;
        this.delimiter = (byte) options.delimiter();
        this.quote = (byte) options.quote();
        this.maxRecordBytes = maxRecordBytes;
        int escape = options.escapeByte();
        if (trackNonAscii) {
            Arrays.fill(unquotedClass, 128, 256, HIGH);
            Arrays.fill(quotedClass, 128, 256, HIGH);
        }
        unquotedClass[delimiter] = DELIMITER;
        unquotedClass['\r'] = CR;
        unquotedClass['\n'] = LF;
        quotedClass[quote] = QUOTE;
        quotedClass['\r'] = CR;
        quotedClass['\n'] = LF;
        if (escape >= 0) {
            unquotedClass[escape] = ESCAPE;
            quotedClass[escape] = ESCAPE;
        }
    }

    /**
     * Scans the record starting at {@code window.start}, leaving the window unconsumed.
     *
     * @return false when no bytes are left
     */
    boolean scan() throws IOException {
        ByteWindow w = window;
        if (w.start == w.limit && !w.fill()) {
            return false;
        }
        startPosition = w.position(w.start);
        state = FIELD_START;
        fieldBegin = 0;
        flags = 0;
        fieldCount = 0;
        nonAscii = false;
        lines = 0;
        unterminatedQuote = false;
        oversizePreview = null;
        int rel = 0;
        while (true) {
            int base = w.start;
            rel = run(w.buf, base + rel, w.limit, base) - base;
            if (state == DONE) {
                rejectIfTooLong();
                return true;
            }
            if (oversizePreview != null || rel > maxRecordBytes) {
                rel = discardScanned(rel);
            }
            if (!w.fill()) {
                finishAtEndOfStream(rel);
                rejectIfTooLong();
                return true;
            }
        }
    }

    private int run(byte[] b, int i, int lim, int base) {
        while (i < lim) {
            switch (state) {
                case FIELD_START:
                    if (b[i] == quote) {
                        flags = F_QUOTED;
                        openQuoteLine = lines;
                        state = QUOTED;
                        i++;
                    } else {
                        state = UNQUOTED;
                    }
                    break;
                case UNQUOTED:
                    i = unquoted(b, i, lim, base);
                    break;
                case QUOTED:
                    i = quoted(b, i, lim);
                    break;
                case QUOTE_IN_QUOTED:
                    i = afterQuote(b, i, base);
                    break;
                case ESCAPED_UNQUOTED:
                    i = escaped(b, i, UNQUOTED, ESCAPED_CR_UNQUOTED);
                    break;
                case ESCAPED_QUOTED:
                    i = escaped(b, i, QUOTED, CR_IN_QUOTED);
                    break;
                case CR_IN_QUOTED:
                    i = b[i] == '\n' ? i + 1 : i;
                    state = QUOTED;
                    break;
                case ESCAPED_CR_UNQUOTED:
                    i = b[i] == '\n' ? i + 1 : i;
                    state = UNQUOTED;
                    break;
                case CR_END:
                    recordEnd = i - base + (b[i] == '\n' ? 1 : 0);
                    state = DONE;
                    return i;
                default:
                    return i;
            }
            if (state == DONE) {
                return i;
            }
        }
        return i;
    }

    private int unquoted(byte[] b, int i, int lim, int base) {
        byte[] cls = unquotedClass;
        while (i < lim) {
            byte c = cls[b[i] & 0xff];
            if (c == ORDINARY) {
                i++;
                continue;
            }
            switch (c) {
                case DELIMITER:
                    endField(i - base);
                    state = FIELD_START;
                    return i + 1;
                case LF:
                    endRecord(i - base, 1);
                    return i + 1;
                case CR:
                    endField(i - base);
                    contentEnd = i - base;
                    state = CR_END;
                    return i + 1;
                case ESCAPE:
                    flags |= F_COMPLEX;
                    state = ESCAPED_UNQUOTED;
                    return i + 1;
                default:
                    nonAscii = true;
                    i++;
            }
        }
        return i;
    }

    private int quoted(byte[] b, int i, int lim) {
        byte[] cls = quotedClass;
        while (i < lim) {
            byte c = cls[b[i] & 0xff];
            if (c == ORDINARY) {
                i++;
                continue;
            }
            switch (c) {
                case QUOTE:
                    state = QUOTE_IN_QUOTED;
                    return i + 1;
                case ESCAPE:
                    flags |= F_COMPLEX;
                    state = ESCAPED_QUOTED;
                    return i + 1;
                case CR:
                    lines++;
                    state = CR_IN_QUOTED;
                    return i + 1;
                case LF:
                    lines++;
                    i++;
                    break;
                default:
                    nonAscii = true;
                    i++;
            }
        }
        return i;
    }

    /** After a quote inside a quoted field: a second quote, or the end of the quoted part. */
    private int afterQuote(byte[] b, int i, int base) {
        byte c = b[i];
        if (c == quote) {
            flags |= F_COMPLEX;
            state = QUOTED;
            return i + 1;
        }
        if (c == delimiter) {
            endField(i - base);
            state = FIELD_START;
            return i + 1;
        }
        if (c == '\n') {
            endRecord(i - base, 1);
            return i + 1;
        }
        if (c == '\r') {
            endField(i - base);
            contentEnd = i - base;
            state = CR_END;
            return i + 1;
        }
        flags |= F_COMPLEX;
        state = UNQUOTED;
        return i;
    }

    private int escaped(byte[] b, int i, int next, int afterCr) {
        byte c = b[i];
        if (c == '\r') {
            lines++;
            state = afterCr;
        } else {
            if (c == '\n') {
                lines++;
            } else if (c < 0) {
                nonAscii = true;
            }
            state = next;
        }
        return i + 1;
    }

    private void endField(int end) {
        if (oversizePreview == null) {
            if (fieldCount == fieldStart.length) {
                int size = fieldCount * 2;
                fieldStart = Arrays.copyOf(fieldStart, size);
                fieldEnd = Arrays.copyOf(fieldEnd, size);
                fieldFlags = Arrays.copyOf(fieldFlags, size);
            }
            fieldStart[fieldCount] = fieldBegin;
            fieldEnd[fieldCount] = end;
            fieldFlags[fieldCount] = flags;
            fieldCount++;
        }
        fieldBegin = end + 1;
        flags = 0;
    }

    private void endRecord(int end, int terminatorLength) {
        endField(end);
        contentEnd = end;
        recordEnd = end + terminatorLength;
        state = DONE;
    }

    private void finishAtEndOfStream(int end) {
        switch (state) {
            case QUOTED:
            case ESCAPED_QUOTED:
            case CR_IN_QUOTED:
                unterminatedQuote = true;
                contentEnd = end;
                break;
            case CR_END:
                break;
            default:
                endField(end);
                contentEnd = end;
        }
        recordEnd = end;
        state = DONE;
    }

    /** A record that fit in the buffer is still rejected when it is longer than the maximum. */
    private void rejectIfTooLong() {
        if (oversizePreview == null && contentEnd > maxRecordBytes) {
            int start = window.start;
            oversizePreview = Arrays.copyOfRange(window.buf, start, start + Math.min(contentEnd, PREVIEW_BYTES));
        }
    }

    /**
     * Drops the scanned bytes of a record that exceeded the maximum length, keeping its start
     * for the error message, so that the buffer stays bounded while the scan looks for its end.
     */
    private int discardScanned(int scanned) {
        ByteWindow w = window;
        if (oversizePreview == null) {
            oversizePreview = Arrays.copyOfRange(w.buf, w.start, w.start + Math.min(scanned, PREVIEW_BYTES));
        }
        w.start += scanned;
        return 0;
    }
}
