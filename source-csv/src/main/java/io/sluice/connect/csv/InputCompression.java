package io.sluice.connect.csv;

import io.sluice.connect.common.format.Compression;

import java.io.IOException;
import java.nio.file.Path;

/** The choices of {@code input.compression}. */
public enum InputCompression {
    /** gzip when the file starts with the gzip magic bytes {@code 1f 8b}, whatever its name; plain otherwise. */
    AUTO,
    /** Every file is read as plain text. */
    NONE,
    /** Every file is gzip. */
    GZIP;

    /**
     * @param file the file to read
     * @return how its bytes are compressed
     * @throws IOException when {@link #AUTO} cannot read the file's first bytes
     */
    Compression resolve(Path file) throws IOException {
        switch (this) {
            case NONE:
                return Compression.NONE;
            case GZIP:
                return Compression.GZIP;
            default:
                return Compression.detect(file);
        }
    }
}
