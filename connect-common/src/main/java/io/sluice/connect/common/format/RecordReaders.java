package io.sluice.connect.common.format;

import java.io.IOException;
import java.util.Objects;

/** Opens {@link RecordReader}s. */
public final class RecordReaders {

    /**
     * Records longer than this (16 MiB) are rejected with a {@link RecordFormatException}
     * without being held in memory; reading continues after them.
     */
    public static final int DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;

    private RecordReaders() {
    }

    /**
     * Opens a reader of {@code source} in {@code format}, starting at {@code from}.
     *
     * <p>For CSV with a header, the header is read from position 0 first and reading then
     * continues at {@code from}. A UTF-8 byte order mark at position 0 is skipped. Records are
     * split per RFC 4180: quoted fields, {@code ""} escapes, line breaks inside quotes, CRLF,
     * LF or CR line ends, and a last record without a line end.
     *
     * @param options CSV options; for JSON lines only the charset is used ({@code null} means
     *                {@link CsvOptions#defaults()})
     * @param from    where to start, {@link ReadPosition#START} or a position a reader reported
     * @throws RecordFormatException when the CSV header is malformed
     * @throws IOException           when the source cannot be opened
     */
    public static RecordReader open(ByteSource source, FileFormat format, CsvOptions options, ReadPosition from)
            throws IOException {
        return open(source, format, options, from, DEFAULT_MAX_RECORD_BYTES);
    }

    /**
     * As {@link #open(ByteSource, FileFormat, CsvOptions, ReadPosition)}, with a limit on the
     * record length in bytes (line terminator excluded) instead of {@link #DEFAULT_MAX_RECORD_BYTES}.
     */
    public static RecordReader open(ByteSource source, FileFormat format, CsvOptions options, ReadPosition from,
                                    int maxRecordBytes) throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(from, "from");
        if (maxRecordBytes <= 0) {
            throw new IllegalArgumentException("maxRecordBytes must be positive, got " + maxRecordBytes);
        }
        CsvOptions opts = options == null ? CsvOptions.defaults() : options;
        switch (format) {
            case CSV:
                return CsvRecordReader.open(source, opts, from, maxRecordBytes);
            case JSONL:
                return new JsonLinesRecordReader(source.open(from.position()), opts, from, maxRecordBytes);
            default:
                throw new IllegalArgumentException("Unsupported format " + format);
        }
    }
}
