package io.sluice.connect.common.format;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/** Factories for {@link ByteSource}. */
public final class ByteSources {

    private static final int GZIP_INPUT_BUFFER = 64 * 1024;
    private static final int SKIP_BUFFER = 64 * 1024;

    private ByteSources() {
    }

    /**
     * A local file. Plain files are opened at the position directly (a seek); gzip files are
     * decompressed from their start and the first {@code position} uncompressed bytes skipped,
     * since gzip has no random access.
     */
    public static ByteSource file(Path path, Compression compression) {
        Objects.requireNonNull(path, "path");
        ByteSource plain = position -> openFile(path, position);
        switch (Objects.requireNonNull(compression, "compression")) {
            case NONE:
                return plain;
            case GZIP:
                return gzip(plain);
            default:
                throw new IllegalArgumentException("Unsupported compression " + compression);
        }
    }

    /**
     * Decompresses gzip content read from {@code compressed} (which is always opened at 0) and
     * skips to the requested uncompressed position.
     */
    public static ByteSource gzip(ByteSource compressed) {
        Objects.requireNonNull(compressed, "compressed");
        return position -> {
            InputStream raw = compressed.open(0);
            InputStream in = raw;
            try {
                in = new GZIPInputStream(raw, GZIP_INPUT_BUFFER);
                skipFully(in, position);
                return in;
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
        };
    }

    /** Content held in memory (the array is not copied). */
    public static ByteSource bytes(byte[] content) {
        Objects.requireNonNull(content, "content");
        return position -> {
            if (position > content.length) {
                throw beyondEnd(position, content.length);
            }
            return new ByteArrayInputStream(content, (int) position, content.length - (int) position);
        };
    }

    private static InputStream openFile(Path path, long position) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long size = channel.size();
            if (position > size) {
                throw new EOFException("Cannot read " + path + " from byte " + position
                        + ": the file has only " + size + " bytes (was it truncated or replaced?)");
            }
            channel.position(position);
            return Channels.newInputStream(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    // InflaterInputStream.skip reads through a 512-byte array; a larger buffer skips faster.
    private static void skipFully(InputStream in, long count) throws IOException {
        byte[] buffer = new byte[(int) Math.min(SKIP_BUFFER, Math.max(count, 1))];
        long left = count;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw beyondEnd(count, count - left);
            }
            left -= n;
        }
    }

    private static EOFException beyondEnd(long position, long length) {
        return new EOFException("Cannot read from byte " + position + ": the content has only "
                + length + " bytes (was it truncated or replaced?)");
    }
}
