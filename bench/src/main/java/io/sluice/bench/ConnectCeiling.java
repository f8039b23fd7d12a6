package io.sluice.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JDBC sink benchmark's ceiling case: Kafka's own {@code FileStreamSinkConnector} reading the same topic with
 * the same converters and consumer overrides, writing each record's value (a Struct, as its {@code toString()})
 * as one line of a file. It does no database work, so its records/s bounds what any Connect sink that converts
 * every record can reach here.
 *
 * <p>FileStreamSinkTask prints {@code record.value()} with {@code PrintStream.println} and flushes the stream only
 * in {@code flush()}, at the worker's offset commit ({@code offset.flush.interval.ms}: the bench worker keeps the
 * default, 60 s). That stream, though, sits directly on the file's unbuffered channel stream and empties its 8 KB
 * encoder buffer after every line, so each line reaches the file as it is printed. Records are counted as the
 * newline bytes appended to the file. The case ends when the count reaches the total; should lines ever wait in a
 * buffer until the next flush, it also ends when the count is within {@link #TAIL_LINES} of the total and has not
 * grown for {@link #SETTLE_NANOS}, timed at the last growth, and the row shows the lines counted.
 */
final class ConnectCeiling implements AutoCloseable {

    static final String LABEL = "connect-ceiling";
    static final String CONNECTOR = "org.apache.kafka.connect.file.FileStreamSinkConnector";

    /** More lines than the stream's 8 KB encoder buffer holds of these records (about 150 bytes each). */
    static final long TAIL_LINES = 100;

    /** How long a count short of the total by at most {@link #TAIL_LINES} must stay unchanged to end the case. */
    static final long SETTLE_NANOS = 3_000_000_000L;

    private static final int READ_BUFFER = 1 << 20;

    private final Path file;
    private final ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER);
    private FileChannel channel;
    private long lines;

    /** A case writing to {@code file}, which it deletes first. */
    ConnectCeiling(Path file) throws IOException {
        this.file = file;
        Files.deleteIfExists(file);
    }

    /** The connector's configuration: {@code common} (converters, consumer overrides) plus the file. */
    Map<String, String> config(Map<String, String> common) {
        Map<String, String> config = new LinkedHashMap<>(common);
        config.put("file", file.toString());
        return config;
    }

    /** What the result table shows for the case. */
    static String description() {
        return "Kafka's FileStreamSinkConnector into a file, no database; ends at the total of lines, or within "
            + TAIL_LINES + " of it once the file has not grown for " + SETTLE_NANOS / 1_000_000_000L + " s";
    }

    /**
     * The newline bytes the file holds, reading only what was appended since the last call; 0 while the task has
     * not created the file yet.
     */
    long lines() throws IOException {
        if (channel == null) {
            try {
                channel = FileChannel.open(file, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                return 0;
            }
        }
        int read;
        while ((read = channel.read(buffer.clear())) > 0) {
            byte[] bytes = buffer.array();
            for (int i = 0; i < read; i++) {
                if (bytes[i] == '\n') {
                    lines++;
                }
            }
        }
        return lines;
    }

    /** Closes the file and deletes it. */
    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
        Files.deleteIfExists(file);
    }
}
