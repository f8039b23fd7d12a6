package io.sluice.connect.common.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** How the bytes of a file or object are compressed. */
public enum Compression {
    /** Stored as is. */
    NONE,
    /** gzip (RFC 1952), possibly several concatenated members. */
    GZIP;

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    /**
     * Detects the compression from the first bytes of the content (the gzip magic {@code 1f 8b});
     * anything else, including fewer than two bytes, is {@link #NONE}.
     */
    public static Compression detect(byte[] firstBytes) {
        return firstBytes.length >= 2
                && (firstBytes[0] & 0xff) == GZIP_MAGIC_1
                && (firstBytes[1] & 0xff) == GZIP_MAGIC_2 ? GZIP : NONE;
    }

    /** Detects the compression of a file from its first two bytes (not from its name). */
    public static Compression detect(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return detect(in.readNBytes(2));
        }
    }
}
