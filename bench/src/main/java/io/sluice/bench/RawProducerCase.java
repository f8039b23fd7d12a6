package io.sluice.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Baseline 1: one thread reads the file's lines as bytes and sends each data line (the header
 * excluded) through a producer configured exactly as Connect configures a source task's producer.
 * Reading the file is inside the measurement, as it is for the connectors.
 */
public final class RawProducerCase extends ProducerCase {

    private final Path file;

    /** A case sending the {@code rows} data lines of {@code file} at {@code settings}. */
    public RawProducerCase(Path file, long rows, ProducerSettings settings, String bootstrapServers) {
        super(rows, settings, bootstrapServers);
        this.file = file;
    }

    @Override
    public String description() {
        return "KafkaProducer<byte[],byte[]>, each CSV line's bytes";
    }

    @Override
    void send(Producer<byte[], byte[]> producer, String topic) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            LineSplitter lines = new LineSplitter(in);
            lines.next(); // the header is not a record
            byte[] line;
            while (sending() && (line = lines.next()) != null) {
                producer.send(new ProducerRecord<>(topic, line), onFailure());
            }
        }
    }

    /** Splits a byte stream at LF, dropping a CR before it; the lines are copies. */
    static final class LineSplitter {
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private byte[] line = new byte[256];

        LineSplitter(InputStream in) {
            this.in = in;
        }

        /** The next line without its terminator, or null at the end of the stream. */
        byte[] next() throws IOException {
            int length = 0;
            while (true) {
                if (position == limit && !fill()) {
                    return length == 0 ? null : trimmed(length);
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                int chunk = position - start;
                if (length + chunk > line.length) {
                    line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
                }
                System.arraycopy(buffer, start, line, length, chunk);
                length += chunk;
                if (position < limit) {
                    position++; // the LF
                    return trimmed(length);
                }
            }
        }

        private boolean fill() throws IOException {
            int n = in.read(buffer);
            position = 0;
            limit = Math.max(n, 0);
            return n > 0;
        }

        private byte[] trimmed(int length) {
            int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
            return Arrays.copyOf(line, end);
        }
    }
}
