package io.sluice.connect.common.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One record read from a CSV or JSON lines stream, with where it was found.
 * Instances are effectively immutable: the raw text and the fields are decoded when first asked for and kept.
 */
public final class TextRecord {

    private final long lineNumber;
    private final long recordNumber;
    private final long startPosition;
    private final long endPosition;
    private final List<String> fields;
    // The reader's fields, for field text without a String; null when the fields were given as Strings.
    private final CsvFields csvFields;
    private final JsonNode json;
    // The raw text is rarely needed, so only the bytes are kept and decoded on demand.
    private final byte[] rawBytes;
    private final Charset charset;
    private String rawText;

    TextRecord(long lineNumber, long recordNumber, long startPosition, long endPosition,
               List<String> fields, JsonNode json, byte[] rawBytes, Charset charset, String rawText) {
        this.lineNumber = lineNumber;
        this.recordNumber = recordNumber;
        this.startPosition = startPosition;
        this.endPosition = endPosition;
        this.csvFields = fields instanceof CsvFields csv ? csv : null;
        this.fields = csvFields != null ? Collections.unmodifiableList(csvFields) : fields;
        this.json = json;
        this.rawBytes = rawBytes;
        this.charset = charset;
        this.rawText = rawText;
    }

    /** A CSV record built outside a reader, for example in a test of a record converter. */
    public static TextRecord ofFields(long lineNumber, long recordNumber, long startPosition, long endPosition,
                                      String rawText, List<String> fields) {
        return new TextRecord(lineNumber, recordNumber, startPosition, endPosition,
                List.copyOf(fields), null, null, null, Objects.requireNonNull(rawText, "rawText"));
    }

    /** A JSON lines record built outside a reader. */
    public static TextRecord ofJson(long lineNumber, long recordNumber, long startPosition, long endPosition,
                                    String rawText, JsonNode json) {
        return new TextRecord(lineNumber, recordNumber, startPosition, endPosition,
                null, Objects.requireNonNull(json, "json"), null, null, Objects.requireNonNull(rawText, "rawText"));
    }

    /** The 1-based line where the record starts (a quoted field may continue on later lines). */
    public long lineNumber() {
        return lineNumber;
    }

    /** The 1-based data record number; the CSV header is not counted. */
    public long recordNumber() {
        return recordNumber;
    }

    /** Byte position of the record's first byte in the uncompressed content. */
    public long startPosition() {
        return startPosition;
    }

    /** Byte position after the record and its line terminator. */
    public long endPosition() {
        return endPosition;
    }

    /** The record's text as written, quotes included, without its line terminator. */
    public String rawText() {
        String text = rawText;
        if (text == null) {
            text = new String(rawBytes, charset);
            rawText = text;
        }
        return text;
    }

    /** The CSV fields, unquoted and unescaped (an unmodifiable list); {@code null} for JSON lines. */
    public List<String> fields() {
        return fields;
    }

    /** The number of CSV fields; 0 for JSON lines. */
    public int fieldCount() {
        return fields == null ? 0 : fields.size();
    }

    /**
     * The text of CSV field {@code index} as {@link #fields()} gives it, without building a String when the reader
     * has not decoded the field yet: for checks that read a field and do not keep it.
     *
     * @throws IndexOutOfBoundsException when the record has no such field, or is JSON lines
     */
    public CharSequence fieldText(int index) {
        if (fields == null) {
            throw new IndexOutOfBoundsException("a JSON lines record has no CSV fields");
        }
        return csvFields != null ? csvFields.text(index) : fields.get(index);
    }

    /** The JSON object of a JSON lines record; {@code null} for CSV. */
    public JsonNode json() {
        return json;
    }

    @Override
    public String toString() {
        return "TextRecord{line=" + lineNumber + ", record=" + recordNumber + ", bytes=" + startPosition + "-"
                + endPosition + ", " + (fields != null ? "fields=" + fields : "json=" + json) + "}";
    }
}
