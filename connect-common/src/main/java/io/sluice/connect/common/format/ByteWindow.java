package io.sluice.connect.common.format;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * A growable byte buffer over an input stream: the unconsumed bytes are {@code buf[start, limit)}.
 * The scanners read {@link #buf} directly, so the hot loops make no call per byte.
 */
final class ByteWindow implements Closeable {

    static final int INITIAL_CAPACITY = 64 * 1024;
    // Bounded because a FileChannel copies each read through a temporary direct buffer of that size.
    private static final int MAX_READ = 64 * 1024;
    private static final int MIN_FREE = 8 * 1024;

    private final InputStream in;
    byte[] buf = new byte[INITIAL_CAPACITY];
    int start;
    int limit;
    private long base;
    private boolean eof;

    ByteWindow(InputStream in, long position) {
        this.in = in;
        this.base = position;
    }

    /** The stream position of {@code buf[index]}. */
    long position(int index) {
        return base + index;
    }

    /**
     * Reads more bytes after {@code limit}, first moving the unconsumed bytes to the front or
     * growing the buffer when little room is left. Indexes into {@code buf} shift by the old
     * {@code start}, so callers keep offsets relative to {@code start}.
     *
     * @return false at the end of the stream (nothing was added)
     */
    boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (buf.length - limit < MIN_FREE) {
            makeRoom();
        }
        int n;
        do {
            n = in.read(buf, limit, Math.min(buf.length - limit, MAX_READ));
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    /** Skips a UTF-8 byte order mark at the current start, if there is one. */
    void skipByteOrderMark() throws IOException {
        while (limit - start < 3 && fill()) {
            // a BOM may arrive in several reads
        }
        if (limit - start >= 3 && (buf[start] & 0xff) == 0xEF && (buf[start + 1] & 0xff) == 0xBB
                && (buf[start + 2] & 0xff) == 0xBF) {
            start += 3;
        }
    }

    private void makeRoom() {
        int used = limit - start;
        byte[] target = buf;
        if (buf.length - used < MIN_FREE) {
            target = new byte[Math.max(buf.length * 2, used + MIN_FREE)];
        }
        System.arraycopy(buf, start, target, 0, used);
        buf = target;
        base += start;
        start = 0;
        limit = used;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
