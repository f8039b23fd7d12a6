package io.sluice.connect.common.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Reads CSV records: {@link CsvScanner} finds them, this class turns their bytes into fields. */
final class CsvRecordReader extends AbstractRecordReader {

    private final CsvScanner scanner;
    private final byte quote;
    private final int escape;
    private byte[] scratch = new byte[256];
    private List<String> header;

    private CsvRecordReader(InputStream in, CsvOptions options, ReadPosition from, int maxRecordBytes)
            throws IOException {
        super(in, options.charset(), from, maxRecordBytes);
        boolean trackNonAscii = !options.charset().equals(StandardCharsets.ISO_8859_1);
        this.scanner = new CsvScanner(window, options, trackNonAscii, maxRecordBytes);
        this.quote = (byte) options.quote();
        this.escape = options.escapeByte();
        skipByteOrderMarkAtStart();
    }

    /**
     * Opens a reader at {@code from}. With a header, the header is read from the start of the
     * content first; a resume then reopens the source at {@code from}.
     */
    static RecordReader open(ByteSource source, CsvOptions options, ReadPosition from, int maxRecordBytes)
            throws IOException {
        if (!options.header()) {
            return new CsvRecordReader(source.open(from.position()), options, from, maxRecordBytes);
        }
        CsvRecordReader atStart = new CsvRecordReader(source.open(0), options, ReadPosition.START, maxRecordBytes);
        CsvRecordReader reader = atStart;
        try {
            List<String> header = atStart.read(false) == null ? null : atStart.header;
            // A position inside the header cannot be a record boundary: continue after the header.
            if (from.position() > atStart.position()) {
                atStart.close();
                reader = new CsvRecordReader(source.open(from.position()), options, from, maxRecordBytes);
            }
            reader.header = header;
            return reader;
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    @Override
    public TextRecord next() throws IOException {
        return read(true);
    }

    @Override
    public List<String> header() {
        return header;
    }

    /** Reads the next non-empty record: a data record, or the header when {@code data} is false. */
    private TextRecord read(boolean data) throws IOException {
        CsvScanner s = scanner;
        while (s.scan()) {
            boolean malformed = s.unterminatedQuote || s.oversizePreview != null;
            if (s.contentEnd == 0 && !malformed) {
                consume(s.recordEnd, s.lines);
                continue;
            }
            long line = lineNumber;
            long record = data ? recordNumber + 1 : 0;
            byte[] b = window.buf;
            int base = window.start;
            String reason = null;
            String badText = null;
            CharacterCodingException cause = null;
            List<String> fields = null;
            byte[] raw = null;
            if (malformed) {
                reason = s.unterminatedQuote
                        ? "the quote opened on line " + (line + s.openQuoteLine)
                                + " is not closed before the end of the content"
                        : tooLong();
                badText = s.oversizePreview != null
                        ? errorText(s.oversizePreview, 0, s.oversizePreview.length)
                        : errorText(b, base, s.contentEnd);
            } else {
                int field = 0;
                try {
                    String[] values = new String[s.fieldCount];
                    // copying bytes to chars cannot fail: then plain fields wait until they are asked for
                    int[] bounds = text.isLatin1(s.nonAscii) ? new int[2 * values.length] : null;
                    for (; field < values.length; field++) {
                        if (bounds == null || !lazyField(field, bounds)) {
                            values[field] = field(b, base, field);
                        }
                    }
                    raw = Arrays.copyOfRange(b, base, base + s.contentEnd);
                    fields = new CsvFields(raw, bounds, values);
                } catch (CharacterCodingException e) {
                    reason = "field " + (field + 1) + " holds " + e.getMessage();
                    badText = errorText(b, base, s.contentEnd);
                    cause = e;
                }
            }
            long start = s.startPosition;
            if (data) {
                recordNumber++;
            }
            consume(s.recordEnd, s.lines);
            if (reason != null) {
                throw new RecordFormatException(reason, line, record, start, position, badText, cause);
            }
            if (!data) {
                header = Collections.unmodifiableList(fields);
            }
            return new TextRecord(line, record, start, position, fields, null, raw, charset, null);
        }
        return null;
    }

    /**
     * Notes where field {@code index}'s text lies in the record's bytes when it needs no unescaping.
     *
     * @return false when the field must be decoded now
     */
    private boolean lazyField(int index, int[] bounds) {
        CsvScanner s = scanner;
        byte flags = s.fieldFlags[index];
        if ((flags & CsvScanner.F_COMPLEX) != 0) {
            return false;
        }
        int quoted = flags == CsvScanner.F_QUOTED ? 1 : 0;
        bounds[2 * index] = s.fieldStart[index] + quoted;
        bounds[2 * index + 1] = s.fieldEnd[index] - quoted;
        return true;
    }

    private String field(byte[] b, int base, int index) throws CharacterCodingException {
        CsvScanner s = scanner;
        int from = base + s.fieldStart[index];
        int to = base + s.fieldEnd[index];
        byte flags = s.fieldFlags[index];
        if (flags == 0) {
            return text.decode(b, from, to - from, s.nonAscii);
        }
        if (flags == CsvScanner.F_QUOTED) {
            return text.decode(b, from + 1, to - from - 2, s.nonAscii);
        }
        int length = unescape(b, from, to, (flags & CsvScanner.F_QUOTED) != 0);
        return text.decode(scratch, 0, length, s.nonAscii);
    }

    /**
     * Copies a field's content into {@link #scratch} without its enclosing quotes, with each
     * {@code ""} pair and each escape character followed by a byte reduced to the one byte.
     * The scanner has already checked that the quotes are balanced.
     */
    private int unescape(byte[] b, int from, int to, boolean quoted) {
        if (scratch.length < to - from) {
            scratch = new byte[Math.max(to - from, scratch.length * 2)];
        }
        byte[] out = scratch;
        int n = 0;
        int i = quoted ? from + 1 : from;
        boolean inQuotes = quoted;
        while (i < to) {
            byte c = b[i];
            if ((c & 0xff) == escape && i + 1 < to) {
                out[n++] = b[i + 1];
                i += 2;
            } else if (inQuotes && c == quote) {
                if (i + 1 < to && b[i + 1] == quote) {
                    out[n++] = quote;
                    i += 2;
                } else {
                    inQuotes = false;
                    i++;
                }
            } else {
                out[n++] = c;
                i++;
            }
        }
        return n;
    }
}
