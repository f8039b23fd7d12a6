package io.sluice.connect.common.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;

/** The buffer, decoder and resume counters that both formats share. */
abstract class AbstractRecordReader implements RecordReader {

    /** Error messages carry at most this much of a bad record's text. */
    static final int MAX_ERROR_TEXT_BYTES = 64 * 1024;

    final ByteWindow window;
    final Charset charset;
    final TextDecoder text;
    final int maxRecordBytes;
    long position;
    long recordNumber;
    long lineNumber;

    AbstractRecordReader(InputStream in, Charset charset, ReadPosition from, int maxRecordBytes) {
        this.window = new ByteWindow(in, from.position());
        this.charset = charset;
        this.text = new TextDecoder(charset);
        this.maxRecordBytes = maxRecordBytes;
        this.position = from.position();
        this.recordNumber = from.recordNumber();
        this.lineNumber = from.lineNumber();
    }

    /** A byte order mark is only meaningful at the very start of the content. */
    final void skipByteOrderMarkAtStart() throws IOException {
        if (position == 0) {
            window.skipByteOrderMark();
            position = window.position(window.start);
        }
    }

    /** Moves past a record or empty line of {@code length} bytes holding {@code innerLines} line breaks. */
    final void consume(int length, int innerLines) {
        window.start += length;
        position = window.position(window.start);
        lineNumber += innerLines + 1;
    }

    /** Bad-record text for error messages, invalid bytes replaced, at most {@link #MAX_ERROR_TEXT_BYTES}. */
    final String errorText(byte[] bytes, int offset, int length) {
        return text.lenient(bytes, offset, Math.min(length, MAX_ERROR_TEXT_BYTES));
    }

    final String tooLong() {
        return "the record is longer than " + maxRecordBytes + " bytes";
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public long recordNumber() {
        return recordNumber;
    }

    @Override
    public long lineNumber() {
        return lineNumber;
    }

    @Override
    public List<String> header() {
        return null;
    }

    @Override
    public void close() throws IOException {
        window.close();
    }
}
