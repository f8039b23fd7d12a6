package io.sluice.connect.csv;

import io.sluice.connect.common.format.Compression;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the files this task has to work on: scans the directories ({@link DirectoryScanner}), looks up the committed
 * offsets of files it has not seen before (one batched lookup per scan) and applies the {@link ResumeRule}.
 *
 * <p>Files it has decided on are remembered, so later scans skip them without an offset lookup, until they disappear
 * from the directory. A remembered file that was read to the end and is now smaller than it was then is looked at
 * again, so that a rewrite is noticed while the task runs, not only after a restart.
 */
final class FileDiscovery {

    private static final Logger log = LoggerFactory.getLogger(FileDiscovery.class);
    private static final long BEING_READ = -1L;

    /**
     * A file to read or to finish.
     *
     * @param split    the file
     * @param decision what to do with it ({@link ResumeRule.Action#READ} or {@link ResumeRule.Action#FINISH})
     */
    record FileWork(FileSplit split, ResumeRule.Decision decision) {
    }

    private final DirectoryScanner scanner;
    private final OffsetStorageReader offsets;
    private final AfterRead afterRead;
    private final InputCompression compression;
    private final String connectorName;
    // Files decided on: the size they had when read to the end, or BEING_READ while queued or being read.
    private final Map<FilePartition, Long> settled = new HashMap<>();

    FileDiscovery(DirectoryScanner scanner, OffsetStorageReader offsets, AfterRead afterRead,
                  InputCompression compression, String connectorName) {
        this.scanner = scanner;
        this.offsets = offsets;
        this.afterRead = afterRead;
        this.compression = compression;
        this.connectorName = connectorName;
    }

    /**
     * Scans once and decides on every ready file not decided on before.
     *
     * @return the files to read or finish, oldest first
     * @throws ConnectException when a committed offset cannot be read
     */
    List<FileWork> discover() {
        List<FileSplit> ready = scanner.scan();
        settled.keySet().removeIf(p -> !scanner.listedPaths().contains(p.path()));
        Map<Map<String, Object>, FileSplit> fresh = new LinkedHashMap<>();
        for (FileSplit split : ready) {
            Long size = settled.get(split.partition());
            if (size == null || size != BEING_READ && split.size() < size) {
                fresh.put(split.partition().toMap(), split);
            }
        }
        if (fresh.isEmpty()) {
            return List.of();
        }
        Map<Map<String, Object>, Map<String, Object>> committed = offsets.offsets(new ArrayList<>(fresh.keySet()));
        List<FileWork> work = new ArrayList<>();
        fresh.forEach((partition, split) -> {
            Map<String, Object> offset = committed == null ? null : committed.get(partition);
            ResumeRule.Decision decision = decide(split, offset);
            if (decision.warning() != null) {
                log.warn("CsvSourceConnector {}: {}", connectorName, decision.warning());
            }
            if (decision.action() == ResumeRule.Action.READ) {
                settled.put(split.partition(), BEING_READ);
                work.add(new FileWork(split, decision));
            } else {
                settled.put(split.partition(), split.size());
                if (decision.action() == ResumeRule.Action.FINISH) {
                    work.add(new FileWork(split, decision));
                }
            }
        });
        return work;
    }

    private ResumeRule.Decision decide(FileSplit split, Map<String, Object> offset) {
        FileOffset fileOffset;
        try {
            fileOffset = offset == null ? null : FileOffset.fromMap(offset);
        } catch (IllegalArgumentException e) {
            throw new ConnectException("CsvSourceConnector " + connectorName + ": the committed offset of " + split
                    + " is invalid (" + e.getMessage() + "). Reset it through the Connect REST API "
                    + "(PATCH /connectors/" + connectorName + "/offsets with a null offset for this partition)", e);
        }
        boolean compressed = false;
        if (fileOffset != null && !fileOffset.eof()) {
            try {
                compressed = compression.resolve(split.path()) == Compression.GZIP;
            } catch (IOException e) {
                // Opening the file will fail the same way and deal with it.
                compressed = false;
            }
        }
        return ResumeRule.decide(split, fileOffset, afterRead, compressed);
    }

    /**
     * Records that a file has been read to the end, or given up on.
     *
     * @param split the file, with its size at the end
     */
    void settled(FileSplit split) {
        settled.put(split.partition(), split.size());
    }

    /** Forgets a file, so that the next scan decides on it again (e.g. it vanished before it could be opened). */
    void forget(FilePartition partition) {
        settled.remove(partition);
    }
}
