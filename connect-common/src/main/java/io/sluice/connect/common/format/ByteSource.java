package io.sluice.connect.common.format;

import java.io.IOException;
import java.io.InputStream;

/**
 * Something whose uncompressed bytes can be read from any position: a file, an object in a
 * bucket, a byte array. Positions always count uncompressed bytes, so they can be stored in
 * source offsets whatever the compression.
 */
@FunctionalInterface
public interface ByteSource {

    /**
     * Opens the uncompressed byte stream at {@code position}.
     *
     * @param position a byte offset from 0 up to the content's length
     * @return a stream the caller closes
     * @throws java.io.EOFException when the content is shorter than {@code position}
     * @throws IOException when the content cannot be read
     */
    InputStream open(long position) throws IOException;
}
