package io.sluice.connect.common.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One JSON document per record, written with one reused generator and buffer instead of a new generator (and a
 * Jackson tree) each time: root values one after another, without separators. A value that fails half-way leaves
 * the generator inside it, so the generator is replaced; a buffer grown past 1 MB by one large value is let go.
 * Text outside the BMP is written as UTF-8, as a String's bytes would have it, or, for output that must match
 * {@code JsonConverter}'s byte for byte, as escapes of its surrogate pairs, as Jackson writes it by
 * default. An instance belongs to one thread.
 */
public final class JsonBuffer {

    /** What writes one value into the generator. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param generator where to write exactly one root value
         * @throws IOException when the generator refuses it (e.g. nesting too deep)
         */
        void write(JsonGenerator generator) throws IOException;
    }

    private static final JsonFactory UTF8_SUPPLEMENTARY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
    private static final JsonFactory ESCAPED_SUPPLEMENTARY = JsonFactory.builder().build();
    private static final int INITIAL_BUFFER = 512;
    private static final int MAX_KEPT_BUFFER = 1 << 20;

    private final JsonFactory json;
    private ByteArrayOutputStream out = new ByteArrayOutputStream(INITIAL_BUFFER);
    private JsonGenerator generator;

    /** Text outside the BMP as UTF-8. */
    public JsonBuffer() {
        this(false);
    }

    /**
     * @param escapeSupplementary whether text outside the BMP is written as escapes of its surrogate
     *                            pairs, as {@code JsonConverter} writes it, rather than as UTF-8
     */
    public JsonBuffer(boolean escapeSupplementary) {
        this.json = escapeSupplementary ? ESCAPED_SUPPLEMENTARY : UTF8_SUPPLEMENTARY;
        this.generator = newGenerator();
    }

    /**
     * @param content writes one value
     * @return the value as UTF-8 JSON
     * @throws UncheckedIOException when the generator refuses the value
     * @throws RuntimeException     whatever {@code content} throws
     */
    public byte[] toBytes(Content content) {
        out.reset();
        boolean written = false;
        try {
            content.write(generator);
            generator.flush();
            written = true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the value as JSON: " + e.getMessage(), e);
        } finally {
            if (!written) {
                // the generator is inside the half-written value: start over with a new one
                generator = newGenerator();
            }
        }
        byte[] bytes = out.toByteArray();
        if (bytes.length > MAX_KEPT_BUFFER) {
            out = new ByteArrayOutputStream(INITIAL_BUFFER);
            generator = newGenerator();
        }
        return bytes;
    }

    /**
     * @param content writes one value
     * @return the value as JSON text
     */
    public String toText(Content content) {
        return new String(toBytes(content), StandardCharsets.UTF_8);
    }

    private JsonGenerator newGenerator() {
        try {
            JsonGenerator created = json.createGenerator(out);
            created.setRootValueSeparator(null);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write JSON into memory", e);
        }
    }
}
