package io.sluice.connect.common.format;

import java.io.ByteArrayInputStream;
import java.util.Random;

/** Returns at most a few bytes per read, so records, CRLFs and BOMs straddle every read boundary. */
final class TrickleInputStream extends ByteArrayInputStream {

    private final Random random;

    TrickleInputStream(byte[] content, int offset, Random random) {
        super(content, offset, content.length - offset);
        this.random = random;
    }

    static ByteSource source(byte[] content, long seed) {
        Random random = new Random(seed);
        return position -> new TrickleInputStream(content, (int) position, random);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1 + random.nextInt(7)));
    }
}
