package io.sluice.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * The PostgreSQL source benchmark's ceiling case: the table written once with {@code COPY ... TO} into a CSV file,
 * which Kafka's own {@code FileStreamSourceConnector} then reads into the topic, one string record per line, with
 * the converters, transform and producer settings of the other cases. Its task neither queries nor parses, so its
 * records/s bound what any Connect source task that emits one record per row can reach here.
 *
 * <p>FileStreamSourceTask reads the file into a buffer and returns a batch as soon as it holds {@code batch.size}
 * lines; lines left in that buffer are emitted only once the file grows, which at its end is never. So, as in the
 * CSV benchmark, up to {@link #TAIL_LINES} records may be missing: the case ends when the topic, that close to the
 * total, has stopped growing, and is timed at its last growth.
 */
final class SourceCeiling {

    /** The case's command-line label. */
    static final String LABEL = ConnectCeiling.LABEL;

    static final String CONNECTOR = CsvCases.FILESTREAM_CONNECTOR;

    /** FileStreamSourceConnector's {@code batch.size}: the fastest the CSV benchmark found. */
    static final int BATCH_SIZE = CsvBenchOptions.DEFAULT_FILESTREAM_BATCH;

    /** Records the case may leave behind: far more than one read buffer of these lines holds. */
    static final long TAIL_LINES = 1000;

    private static final int IO_BUFFER = 1 << 16;

    private SourceCeiling() {
    }

    /** Writes a table's rows into {@code out}, one line each, and returns how many it wrote. */
    interface RowWriter {
        long writeTo(OutputStream out) throws Exception;
    }

    /** The CSV file of {@code table} in {@code dir}. */
    static Path file(Path dir, String table) {
        return dir.resolve(table + ".csv");
    }

    /**
     * Makes sure {@code file} holds {@code rows} lines, writing it anew through {@code writer} (into a temporary
     * file, moved into place once complete) when it does not.
     *
     * @return whether it had to be written
     */
    static boolean ensureFile(Path file, long rows, RowWriter writer) throws Exception {
        if (Files.isRegularFile(file) && lines(file) == rows) {
            return false;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), IO_BUFFER)) {
            writer.writeTo(out);
        }
        long lines = lines(partial);
        if (lines != rows) {
            Files.delete(partial);
            throw new IllegalStateException("wrote " + lines + " lines into " + file + ", expected " + rows);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** The newline bytes in {@code file}. */
    static long lines(Path file) throws IOException {
        long lines = 0;
        byte[] buffer = new byte[IO_BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }

    /**
     * The connector's configuration: {@code pipeline} (tasks, converters, the RegexRouter, producer overrides) plus
     * the file and the batch size. The router keeps each record's topic ({@code $0}), so the record pays for the
     * same transform as in the other cases and lands in the runner's topic, named by the {@code topic} key.
     */
    static Map<String, String> config(Path file, Map<String, String> pipeline) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", CONNECTOR);
        config.put("file", file.toAbsolutePath().toString());
        config.put("batch.size", Integer.toString(BATCH_SIZE));
        config.putAll(pipeline);
        config.put("transforms.route.replacement", "$0");
        return config;
    }

    /** What the result table shows for the case. */
    static String description() {
        return "Kafka's FileStreamSourceConnector on a COPY TO file of the table, one string per line, no parsing, "
            + "no database, batch.size=" + BATCH_SIZE + ", JsonConverter schemas.enable=false; ends within "
            + TAIL_LINES + " of the total once the topic stopped growing";
    }

    /** The case reading {@code file}, which holds {@code rows} lines. */
    static BenchCase create(Path file, long rows, Map<String, String> pipeline, EmbeddedConnectCluster connect) {
        return new ConnectorCase(BenchCase.Kind.CONNECT_CEILING, description(), rows, TAIL_LINES,
            config(file, pipeline), "topic", connect);
    }
}
