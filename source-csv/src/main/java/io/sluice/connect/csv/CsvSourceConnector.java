package io.sluice.connect.csv;

import io.sluice.connect.common.Version;
import io.sluice.connect.common.health.HealthRegistry;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads CSV and JSON-lines files (plain or gzip) from local directories into Kafka.
 *
 * <p><b>Tasks.</b> The connector starts {@code tasks.max} tasks. Every task scans every input directory and reads the
 * files whose absolute path hashes to its index ({@code Math.floorMod(path.hashCode(), tasks) == index}), so files
 * arriving later need no rebalance.
 *
 * <p><b>Offsets.</b> Each file is a source partition {@code {"path": <absolute path>, "file.id": <identity>}} whose
 * offset is {@code {"v": 1, "position": <bytes>, "record": <records read>, "line": <next line>, "eof": <bool>}}, plus
 * {@code "size"} and {@code "mtime"} at the end of the file. A restarted task resumes exactly after the last committed
 * record; with {@code exactly.once.source.support=enabled} no record is written twice.
 *
 * <p><b>Replaced and truncated files.</b> The partition includes the file's identity (its inode; where the file
 * system has none, its creation time), so a file replaced by a new one under the same name is
 * a new partition, read from the start. A file whose size shrank below the committed position is treated as
 * rewritten: a WARN is logged and it is read again from position 0. Growth after the end of a file is ignored with
 * {@code after.read=leave}: files are immutable once complete. With {@code after.read=delete|move}, a file found with
 * a committed end-of-file offset is finished (deleted or moved) when it still has the size and modification time
 * recorded at its end, and read from the start as a new file otherwise.
 *
 * <p><b>After reading.</b> A finished file is deleted or moved ({@code after.read}) only once its end-of-file offset is
 * committed. A file that cannot be read (I/O error, broken gzip) is moved to {@code error.path} at once, next to a
 * {@code <name>.error.txt} reason file, and its offset is not advanced. Bad rows follow {@code bad.record.policy}.
 */
public class CsvSourceConnector extends SourceConnector {

    private static final Logger log = LoggerFactory.getLogger(CsvSourceConnector.class);

    private Map<String, String> props;
    private HealthRegistry.Registration health;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        Map<String, String> effective = CsvSourceConfig.ALIASES.apply(props);
        CsvSourceConfig config = new CsvSourceConfig(effective);
        this.props = Map.copyOf(effective);
        for (Path dir : config.inputPaths()) {
            String problem = DirectoryHealthCheck.problem(dir);
            if (problem != null) {
                log.warn("CsvSourceConnector {}: {}; its files are read once the worker can list it. Create it, grant "
                        + "read access, or fix input.paths", config.connectorName(), problem);
            }
        }
        health = HealthRegistry.register(config.connectorName(),
                new DirectoryHealthCheck(config.inputPaths(), Clock.systemUTC()));
        log.info("CsvSourceConnector {} started: {} into {}", config.connectorName(), config.inputPaths(),
                config.topic());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return CsvSourceTask.class;
    }

    /**
     * Starts {@code tasks.max} tasks: files keep arriving, so their number is not known here, and hash ownership lets
     * each task take its share of whatever arrives without a rebalance. A task that owns no file only scans.
     */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        int count = Math.max(1, maxTasks);
        List<Map<String, String>> configs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            configs.add(new TaskAssignment(i, count).toTaskProps(props));
        }
        return configs;
    }

    @Override
    public void stop() {
        if (health != null) {
            health.close();
            health = null;
        }
    }

    @Override
    public ConfigDef config() {
        return CsvSourceConfig.CONFIG_DEF;
    }

    /**
     * Checks the configuration: each key's own rules, alias conflicts, cross-field rules (move without
     * finished.path, error_topic without bad.record.topic, provided without schema.json, key.columns the provided
     * schema lacks, ...) and whether the input directories exist and can be read. Each error is attached to the key
     * to change and says how.
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return CsvSourceValidation.validate(connectorConfigs);
    }

    /** Offsets are byte positions in files, which a restarted task resumes at exactly. */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    /**
     * Accepts a reset (a null offset) of any file partition, and offsets in this connector's shape; a task reads a
     * reset file again from the start when it next scans it (the connector is stopped while offsets change).
     *
     * @throws ConnectException naming the partition and what is wrong with it
     */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        for (Map.Entry<Map<String, ?>, Map<String, ?>> entry : offsets.entrySet()) {
            Map<String, ?> partition = entry.getKey();
            try {
                FilePartition file = FilePartition.fromMap(partition == null ? Map.of() : partition);
                if (!Path.of(file.path()).isAbsolute()) {
                    throw new IllegalArgumentException("'" + FilePartition.PATH_KEY + "' must be an absolute path");
                }
                if (entry.getValue() != null) {
                    FileOffset.fromMap(entry.getValue());
                }
            } catch (IllegalArgumentException e) {
                throw new ConnectException("Cannot alter the offset of partition " + partition + ": " + e.getMessage()
                        + ". A partition is {\"" + FilePartition.PATH_KEY + "\": \"/absolute/path\", \""
                        + FilePartition.FILE_ID_KEY + "\": \"...\"}; an offset is null (read the file again) or "
                        + "{\"v\": 1, \"position\": <bytes>, \"record\": <records>, \"line\": <line>, \"eof\": "
                        + "<true|false>}");
            }
        }
        return true;
    }
}
