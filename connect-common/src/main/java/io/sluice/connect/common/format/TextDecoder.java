package io.sluice.connect.common.format;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes byte ranges strictly (invalid input is an error, never replaced) with one reused
 * {@link CharsetDecoder} and reused buffers.
 */
final class TextDecoder {

    private final Charset charset;
    private final CharsetDecoder decoder;
    private final float maxCharsPerByte;
    private byte[] wrappedBytes;
    private ByteBuffer input;
    private char[] chars = new char[1024];
    private CharBuffer output = CharBuffer.wrap(chars);

    TextDecoder(Charset charset) {
        this.charset = charset;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.maxCharsPerByte = decoder.maxCharsPerByte();
    }

    /**
     * Whether {@code new String(bytes, ISO_8859_1)} gives the right text: always for ISO-8859-1,
     * and for pure ASCII in any supported charset, since all of them encode ASCII as ASCII.
     */
    boolean isLatin1(boolean nonAscii) {
        return !nonAscii || charset.equals(StandardCharsets.ISO_8859_1);
    }

    /** Decodes {@code bytes[offset, offset + length)}; the caller knows whether it is ASCII. */
    String decode(byte[] bytes, int offset, int length, boolean nonAscii) throws CharacterCodingException {
        if (isLatin1(nonAscii)) {
            // The fastest String constructor: a plain copy into a compact LATIN1 string.
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        return decodeStrictly(bytes, offset, length);
    }

    private String decodeStrictly(byte[] bytes, int offset, int length) throws CharacterCodingException {
        if (bytes != wrappedBytes) {
            wrappedBytes = bytes;
            input = ByteBuffer.wrap(bytes);
        }
        input.clear().position(offset).limit(offset + length);
        int capacity = (int) Math.ceil(length * (double) maxCharsPerByte);
        if (chars.length < capacity) {
            chars = new char[Math.max(capacity, chars.length * 2)];
            output = CharBuffer.wrap(chars);
        }
        output.clear();
        decoder.reset();
        CoderResult result = decoder.decode(input, output, true);
        if (result.isUnderflow()) {
            result = decoder.flush(output);
        }
        if (!result.isUnderflow()) {
            throw new InvalidTextException(charset, input.position() - offset, result);
        }
        return new String(chars, 0, output.position());
    }

    /** Text for error messages: invalid bytes replaced by U+FFFD. */
    String lenient(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, charset);
    }

    /** Invalid or unmappable input, with its offset in the decoded range. */
    static final class InvalidTextException extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
        private final String detail;

        InvalidTextException(Charset charset, int offset, CoderResult result) {
            this.detail = (result.isUnmappable() ? "a byte sequence with no character in " : "invalid ")
                    + charset.name() + " at byte " + offset;
        }

        @Override
        public String getMessage() {
            return detail;
        }
    }
}
