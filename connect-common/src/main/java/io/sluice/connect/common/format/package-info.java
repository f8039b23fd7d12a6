/**
 * Streaming record formats shared by the file and object-store sources: CSV (RFC 4180 with a
 * configurable delimiter, quote and escape) and JSON lines, read from plain or gzip byte streams.
 *
 * <p>Every record carries the byte positions where it starts and ends in the uncompressed
 * stream, so a reader can be reopened exactly after the last record a task committed:
 * <pre>{@code
 * ByteSource source = ByteSources.file(path, Compression.detect(path));
 * try (RecordReader reader = RecordReaders.open(source, FileFormat.CSV, CsvOptions.defaults(), from)) {
 *     for (TextRecord r; (r = reader.next()) != null; ) {
 *         ... r.fields() ...; commit reader.readPosition()
 *     }
 * }
 * }</pre>
 *
 * <p>Record boundaries are found by scanning bytes, not characters; this is why only
 * ASCII-compatible charsets are accepted (see {@link io.sluice.connect.common.format.CsvOptions#supports}).
 */
package io.sluice.connect.common.format;
