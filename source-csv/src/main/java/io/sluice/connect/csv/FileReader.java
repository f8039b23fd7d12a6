package io.sluice.connect.csv;

import io.sluice.connect.common.format.RecordFormatException;
import io.sluice.connect.common.format.RecordReader;
import io.sluice.connect.common.format.TextRecord;
import io.sluice.connect.common.json.JsonValues;
import io.sluice.connect.common.offsets.PartitionMap;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;

/**
 * Reads one file and turns its rows into {@link SourceRecord}s, a batch at a time.
 *
 * <p>Records: the value from the {@link RowConverter} (as {@link Output} says: as it is, written as JSON text by
 * {@link JsonValues}, or replaced by the row's text), the key from the {@link KeyExtractor}, the topic resolved
 * once for the file, unless turned off headers {@code sluice.file} (absolute path) and {@code sluice.line} (1-based
 * line where the row starts), no timestamp (the producer sets it).
 *
 * <p>Offsets: each record's offset is the position where the next record handed out starts (past any rows skipped
 * by {@code bad.record.policy=skip}), so every record is held back until the next one has been read, and the last
 * record of the file carries {@code eof=true}.
 */
final class FileReader implements Closeable {

    /** Header with the file's absolute path. */
    static final String FILE_HEADER = "sluice.file";
    /** Header with the 1-based line where the row starts. */
    static final String LINE_HEADER = "sluice.line";

    private final FileSplit split;
    private final Map<String, Object> partition;
    private final RecordReader reader;
    private final RowConverter converter;
    private final KeyExtractor keys;
    private final String topic;
    private final BadRecordHandler badRecords;
    private final Header fileHeader;
    private final Schema valueSchema;
    private final Schema keySchema;
    private final Output output;

    // The record held back until the next one is read; error records keep the raw text as value.
    private boolean hasPending;
    private boolean pendingIsError;
    private Object pendingKey;
    private Object pendingValue;
    private long pendingLine;
    private long pendingStart;
    private String pendingReason;
    private long pendingEndPosition;
    private long pendingEndRecord;
    private long pendingEndLine;

    private long emitted;
    private long bytesReported;
    private FileSplit atEnd;
    private ConnectException failure;

    FileReader(FileSplit split, RecordReader reader, RowConverter converter, KeyExtractor keys, String topic,
               BadRecordHandler badRecords, Output output) {
        this.split = split;
        // one instance for all the file's records: Connect hashes each record's partition
        this.partition = PartitionMap.of(split.partition().toMap());
        this.reader = reader;
        this.converter = converter;
        this.keys = keys;
        this.topic = topic;
        this.badRecords = badRecords;
        // Headers are immutable, so every record of the file shares this one.
        this.fileHeader = new ConnectHeaders().addString(FILE_HEADER, split.toString()).lastWithName(FILE_HEADER);
        this.output = output;
        this.valueSchema = output.format() == ValueFormat.STRUCT ? converter.schema() : Schema.STRING_SCHEMA;
        this.keySchema = keys.schema();
        this.bytesReported = reader.position();
    }

    /**
     * Adds records to {@code out} until it holds {@code max} or the file ends.
     *
     * @return {@code true} when the file has been read to the end
     * @throws ConnectException        for a bad row under {@code bad.record.policy=fail}: when {@code out} already
     *                                 holds records, they are handed out first and the next call throws
     * @throws UnreadableFileException when the file cannot be read further; {@code out} holds the records read
     *                                 before the failure
     */
    boolean read(List<SourceRecord> out, int max) throws UnreadableFileException {
        if (failure != null) {
            throw failure;
        }
        try {
            while (out.size() < max) {
                if (!step(out)) {
                    return true;
                }
            }
            return false;
        } catch (ConnectException e) {
            failure = e;
            if (out.isEmpty()) {
                throw e;
            }
            return false;
        } catch (IOException e) {
            flushPending(out, pendingEndPosition, pendingEndRecord, pendingEndLine);
            throw new UnreadableFileException("reading failed after line " + reader.lineNumber() + ": " + e, e);
        }
    }

    /** @return whether a row was consumed; {@code false} at the end of the file */
    private boolean step(List<SourceRecord> out) throws IOException {
        TextRecord row;
        try {
            row = reader.next();
        } catch (RecordFormatException e) {
            badRow(out, e.startPosition(), e.recordNumber(), e.lineNumber(), e.rawText(), e.reason());
            return true;
        }
        if (row == null) {
            atEnd = statAtEnd();
            if (hasPending) {
                flushPending(out, new FileOffset(reader.position(), reader.recordNumber(), reader.lineNumber(), true,
                        atEnd.size(), atEnd.lastModified()).toMap());
            }
            return false;
        }
        Object key;
        Object value;
        try {
            if (output.format() == ValueFormat.RAW && keys == KeyExtractor.NONE) {
                // the row's text is the value and there is no key: the row is only checked
                converter.check(row);
                key = null;
                value = row.rawText();
            } else {
                value = converter.convert(row);
                key = keys.extract(value);
                if (output.format() == ValueFormat.JSON_TEXT) {
                    value = output.json().toText(value);
                } else if (output.format() == ValueFormat.RAW) {
                    value = row.rawText();
                }
            }
        } catch (BadRowException e) {
            badRow(out, row.startPosition(), row.recordNumber(), row.lineNumber(), row.rawText(), e.getMessage());
            return true;
        }
        flushPending(out, row.startPosition(), row.recordNumber() - 1, row.lineNumber());
        hold(false, key, value, row.lineNumber(), row.startPosition(), null);
        return true;
    }

    private void badRow(List<SourceRecord> out, long start, long recordNumber, long line, String rawText,
                        String reason) {
        BadRecordHandler.Action action;
        try {
            action = badRecords.onBadRow(split, line, reason);
        } catch (ConnectException e) {
            flushPending(out, start, recordNumber - 1, line);
            throw e;
        }
        if (action == BadRecordHandler.Action.EMIT) {
            flushPending(out, start, recordNumber - 1, line);
            hold(true, null, rawText, line, start, reason);
        }
    }

    private void hold(boolean isError, Object key, Object value, long line, long start, String reason) {
        hasPending = true;
        pendingIsError = isError;
        pendingKey = key;
        pendingValue = value;
        pendingLine = line;
        pendingStart = start;
        pendingReason = reason;
        pendingEndPosition = reader.position();
        pendingEndRecord = reader.recordNumber();
        pendingEndLine = reader.lineNumber();
    }

    private void flushPending(List<SourceRecord> out, long position, long record, long line) {
        if (hasPending) {
            flushPending(out, FileOffset.inProgressMap(position, record, line));
        }
    }

    private void flushPending(List<SourceRecord> out, Map<String, Object> offset) {
        hasPending = false;
        emitted++;
        if (pendingIsError) {
            out.add(badRecords.errorRecord(partition, offset, split, pendingLine, pendingStart,
                    (String) pendingValue, pendingReason));
            return;
        }
        ConnectHeaders headers = null;
        if (output.headers()) {
            headers = new ConnectHeaders();
            headers.add(fileHeader).addLong(LINE_HEADER, pendingLine);
        }
        out.add(new SourceRecord(partition, offset, topic, null, keySchema, pendingKey, valueSchema, pendingValue,
                null, headers));
        pendingKey = null;
        pendingValue = null;
    }

    /** The file with its size and modification time when its end was reached, which the end offset records. */
    private FileSplit statAtEnd() {
        try {
            BasicFileAttributes now = Files.readAttributes(split.path(), BasicFileAttributes.class);
            return new FileSplit(split.path(), split.fileId(), split.inputDir(), now.size(),
                    now.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return split;
        }
    }

    /** @return the uncompressed bytes consumed since the previous call */
    long takeBytesRead() {
        long position = reader.position();
        long read = position - bytesReported;
        bytesReported = position;
        return read;
    }

    /** @return the number of records handed out so far */
    long emitted() {
        return emitted;
    }

    FileSplit split() {
        return split;
    }

    /** @return the file as it was at its end (size and modification time then); the scanned split before that */
    FileSplit splitAtEnd() {
        return atEnd != null ? atEnd : split;
    }

    Path path() {
        return split.path();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /**
     * What the records look like: the value format, the JSON writer for {@link ValueFormat#JSON_TEXT} (one per task,
     * used by the thread that polls the ingestor only), and whether they carry the file and line headers.
     */
    record Output(ValueFormat format, JsonValues json, boolean headers) {

        static Output of(CsvSourceConfig config) {
            return new Output(config.valueFormat(),
                    config.valueFormat() == ValueFormat.JSON_TEXT ? JsonValues.likeJsonConverter() : null,
                    config.headersEnabled());
        }
    }
}
