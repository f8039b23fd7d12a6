package io.sluice.connect.common.format;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads JSON lines: one JSON object per LF-terminated line, a CR before the LF ignored, lines of
 * only whitespace skipped.
 */
final class JsonLinesRecordReader extends AbstractRecordReader {

    // Thread-safe and costly to build: one for all readers. Trailing tokens make "{} {}" an error.
    private static final ObjectReader JSON = new ObjectMapper()
            .readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final boolean utf8;
    // Results of the last scanLine(), relative to window.start.
    private int contentEnd;
    private int lineEnd;
    private long startPosition;
    private byte[] oversizePreview;

    JsonLinesRecordReader(InputStream in, CsvOptions options, ReadPosition from, int maxRecordBytes)
            throws IOException {
        super(in, options.charset(), from, maxRecordBytes);
        this.utf8 = options.charset().equals(StandardCharsets.UTF_8);
        skipByteOrderMarkAtStart();
    }

    @Override
    public TextRecord next() throws IOException {
        while (scanLine()) {
            byte[] b = window.buf;
            int base = window.start;
            int end = contentEnd;
            if (oversizePreview == null) {
                if (end > 0 && b[base + end - 1] == '\r') {
                    end--;
                }
                if (isBlank(b, base, base + end)) {
                    consume(lineEnd, 0);
                    continue;
                }
            }
            long line = lineNumber;
            long record = recordNumber + 1;
            JsonNode json = null;
            String reason;
            Exception cause = null;
            if (oversizePreview != null || end > maxRecordBytes) {
                reason = tooLong();
            } else {
                try {
                    json = parse(b, base, end);
                    reason = json.isObject() ? null : "the line holds a JSON "
                            + json.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object";
                } catch (JacksonException e) {
                    JsonLocation location = e.getLocation();
                    reason = "invalid JSON" + (location == null ? "" : " at column " + location.getColumnNr())
                            + ": " + e.getOriginalMessage();
                    cause = e;
                } catch (CharacterCodingException e) {
                    reason = "the line holds " + e.getMessage();
                    cause = e;
                }
            }
            String badText = reason == null ? null : oversizePreview != null
                    ? errorText(oversizePreview, 0, oversizePreview.length) : errorText(b, base, end);
            byte[] raw = reason == null ? Arrays.copyOfRange(b, base, base + end) : null;
            recordNumber++;
            consume(lineEnd, 0);
            if (reason != null) {
                throw new RecordFormatException(reason, line, record, startPosition, position, badText, cause);
            }
            return new TextRecord(line, record, startPosition, position, null, json, raw, charset, null);
        }
        return null;
    }

    private JsonNode parse(byte[] b, int from, int length) throws IOException {
        if (utf8) {
            return JSON.readTree(b, from, length);
        }
        return JSON.readTree(text.decode(b, from, length, true));
    }

    /** Finds the next line; false when no bytes are left. */
    private boolean scanLine() throws IOException {
        ByteWindow w = window;
        if (w.start == w.limit && !w.fill()) {
            return false;
        }
        startPosition = w.position(w.start);
        oversizePreview = null;
        int rel = 0;
        while (true) {
            byte[] b = w.buf;
            int i = w.start + rel;
            int lim = w.limit;
            while (i < lim && b[i] != '\n') {
                i++;
            }
            rel = i - w.start;
            if (i < lim) {
                contentEnd = rel;
                lineEnd = rel + 1;
                return true;
            }
            // One byte of slack: a CR before the LF does not count towards the limit.
            if (oversizePreview != null || rel - 1 > maxRecordBytes) {
                // Keep the buffer bounded while looking for the end of an over-long line.
                if (oversizePreview == null) {
                    oversizePreview = Arrays.copyOfRange(b, w.start, w.start + Math.min(rel, MAX_ERROR_TEXT_BYTES));
                }
                w.start += rel;
                rel = 0;
            }
            if (!w.fill()) {
                contentEnd = rel;
                lineEnd = rel;
                return true;
            }
        }
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
