package io.sluice.connect.common.format;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How CSV content is written. The charset also applies to JSON lines content.
 *
 * @param delimiter separates fields; an ASCII character other than CR, LF and the quote
 * @param quote     encloses fields that contain delimiters, quotes or line breaks; a quote
 *                  inside a quoted field is written twice ({@code ""})
 * @param escape    makes the character after it literal, inside or outside quotes (for example
 *                  {@code \} as MySQL writes it); {@code null} for none. The escape character
 *                  itself is removed from the field. Equal to {@code quote} means the same as none.
 * @param header    whether the first non-empty record names the columns
 * @param charset   the text encoding; must be ASCII-compatible, see {@link #supports(Charset)}
 */
public record CsvOptions(char delimiter, char quote, Character escape, boolean header, Charset charset) {

    private static final Map<Charset, Boolean> SUPPORTED = new ConcurrentHashMap<>();

    public CsvOptions {
        Objects.requireNonNull(charset, "charset");
        requireStructural("delimiter", delimiter);
        requireStructural("quote", quote);
        if (delimiter == quote) {
            throw new IllegalArgumentException("The CSV delimiter and quote must differ, both are '" + delimiter + "'");
        }
        if (escape != null) {
            requireStructural("escape", escape);
            if (escape == delimiter) {
                throw new IllegalArgumentException(
                        "The CSV escape and delimiter must differ, both are '" + delimiter + "'");
            }
        }
        if (!supports(charset)) {
            throw new IllegalArgumentException("Charset " + charset.name() + " is not supported: use UTF-8 or an "
                    + "ASCII-compatible single-byte charset such as ISO-8859-1 or windows-1252");
        }
    }

    /** Comma, double quote, no escape, a header line, UTF-8. */
    public static CsvOptions defaults() {
        return new CsvOptions(',', '"', null, true, StandardCharsets.UTF_8);
    }

    /**
     * Whether records in this charset can be split at the byte level: true for UTF-8 and for
     * single-byte charsets that encode ASCII as ASCII (US-ASCII, ISO-8859-*, windows-125x, ...).
     * In those, delimiters, quotes, CR and LF are single bytes that never occur inside another
     * character; multi-byte charsets such as Shift_JIS or GBK break that, and UTF-16 even more.
     */
    public static boolean supports(Charset charset) {
        return SUPPORTED.computeIfAbsent(charset, CsvOptions::asciiCompatible);
    }

    /** The escape character, or -1 when there is none (or it is the quote, which means the same). */
    int escapeByte() {
        return escape == null || escape == quote ? -1 : escape;
    }

    private static boolean asciiCompatible(Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return true;
        }
        if (!charset.canEncode()) {
            return false;
        }
        try {
            if (charset.newEncoder().maxBytesPerChar() != 1.0f) {
                return false;
            }
            byte[] ascii = new byte[128];
            for (int i = 0; i < ascii.length; i++) {
                ascii[i] = (byte) i;
            }
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            String decoded = decoder.decode(ByteBuffer.wrap(ascii)).toString();
            return decoded.equals(new String(ascii, StandardCharsets.US_ASCII));
        } catch (CharacterCodingException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static void requireStructural(String what, char c) {
        if (c >= 0x80 || c == '\r' || c == '\n') {
            throw new IllegalArgumentException("The CSV " + what + " must be a single ASCII character other than CR "
                    + "and LF, got U+" + String.format("%04X", (int) c));
        }
    }
}
