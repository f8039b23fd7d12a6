package io.sluice.connect.csv;

import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deals with files after reading: {@code after.read} for finished files, {@code error.path} for unreadable ones.
 *
 * <p>A finished file is deleted or moved only once Connect has committed the offset saying it was read to the end:
 * {@link #onCommit} (called from {@code SourceTask.commit()}) reads the committed offsets of the files waiting for
 * that, and acts on those whose offset says {@code eof=true}. Before acting it checks that the path still holds
 * the same file, with the size and modification time it had at the end; a file replaced or written to meanwhile is
 * left alone. A delete or move that fails is retried at the next commit.
 *
 * <p>An unreadable file is moved to {@code error.path} at once, keeping its path relative to its input directory,
 * next to {@code <name>.error.txt} holding the reason; without {@code error.path} it stays in place, logged at
 * ERROR. A name already taken in the target directory gets {@code -1}, {@code -2}, ... before its extensions.
 */
final class FinishedFileHandler {

    private static final Logger log = LoggerFactory.getLogger(FinishedFileHandler.class);

    private final AfterRead afterRead;
    private final Path finishedDir;
    private final Path errorDir;
    private final String connectorName;
    private final CsvSourceMetrics metrics;
    private final Clock clock;
    private final Map<FilePartition, FileSplit> awaitingCommit = new ConcurrentHashMap<>();

    FinishedFileHandler(AfterRead afterRead, Path finishedDir, Path errorDir, String connectorName,
                        CsvSourceMetrics metrics, Clock clock) {
        this.afterRead = afterRead;
        this.finishedDir = finishedDir;
        this.errorDir = errorDir;
        this.connectorName = connectorName;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @param split the file as it was when read to the end (size and modification time then)
     */
    void awaitCommit(FileSplit split) {
        awaitingCommit.put(split.partition(), split);
    }

    /** @return the files read to the end whose end-of-file offset is not known to be committed yet */
    int awaitingCount() {
        return awaitingCommit.size();
    }

    /**
     * Finishes every waiting file whose committed offset says it was read to the end.
     *
     * @param offsets the task's offset reader, which returns committed offsets
     */
    synchronized void onCommit(OffsetStorageReader offsets) {
        if (awaitingCommit.isEmpty()) {
            return;
        }
        Map<Map<String, Object>, FileSplit> byPartition = new HashMap<>();
        awaitingCommit.values().forEach(split -> byPartition.put(split.partition().toMap(), split));
        Map<Map<String, Object>, Map<String, Object>> committed =
                offsets.offsets(new ArrayList<>(byPartition.keySet()));
        byPartition.forEach((partition, split) -> {
            Map<String, Object> offset = committed == null ? null : committed.get(partition);
            if (offset != null && isEndOf(split, offset) && act(split)) {
                awaitingCommit.remove(split.partition(), split);
                metrics.fileDone();
            }
        });
    }

    /**
     * Finishes a file whose end-of-file offset is already committed, or that produced no record (so no offset
     * needs committing).
     *
     * @param split the file, with the size and modification time it had at the end
     */
    synchronized void finishNow(FileSplit split) {
        if (act(split)) {
            metrics.fileDone();
        } else {
            awaitingCommit.put(split.partition(), split);
        }
    }

    /**
     * Moves an unreadable file to {@code error.path} with a reason file, or logs it when that is not set.
     *
     * @param split  the file
     * @param reason why it cannot be read
     */
    void quarantine(FileSplit split, String reason) {
        metrics.fileFailed();
        if (errorDir == null) {
            log.error("CsvSourceConnector {}: cannot read {}: {}. The file stays in place and is skipped until the "
                    + "task restarts; set error.path to move such files aside", connectorName, split, reason);
            return;
        }
        try {
            Path target = target(errorDir, split);
            Files.move(split.path(), target);
            Path reasonFile = target.resolveSibling(target.getFileName() + ".error.txt");
            Files.writeString(reasonFile, "file: " + split.path() + "\nconnector: " + connectorName + "\ntime: "
                    + clock.instant() + "\nreason: " + reason + "\n", StandardCharsets.UTF_8);
            log.error("CsvSourceConnector {}: cannot read {}: {}. Moved it to {}; fix it and put it back into the "
                    + "input directory to read it again", connectorName, split, reason, target);
        } catch (IOException e) {
            log.error("CsvSourceConnector {}: cannot read {}: {}. Moving it to {} failed too ({}); it stays in place "
                    + "and is skipped until the task restarts", connectorName, split, reason, errorDir, e.toString());
        }
    }

    /**
     * Whether the committed offset is the end of this reading of the file. An end-of-file offset of an earlier file
     * under the same path and recycled inode has another size or mtime: acting on it would delete or move the file
     * before its own records are committed.
     */
    private boolean isEndOf(FileSplit split, Map<String, Object> offset) {
        try {
            FileOffset committed = FileOffset.fromMap(offset);
            return committed.eof() && committed.size() == split.size() && committed.mtime() == split.lastModified();
        } catch (IllegalArgumentException e) {
            log.warn("CsvSourceConnector {}: the committed offset of {} is invalid ({}); the file is not finished",
                    connectorName, split, e.getMessage());
            return false;
        }
    }

    /** @return whether the file needs no more handling */
    private boolean act(FileSplit split) {
        if (afterRead == AfterRead.LEAVE) {
            return true;
        }
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(split.path(), BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            log.info("Finished file {} is already gone", split);
            return true;
        } catch (IOException e) {
            log.warn("Cannot check finished file {} ({}); retrying at the next offset commit", split, e.toString());
            return false;
        }
        if (!FileSplit.fileId(now).equals(split.fileId()) || now.size() != split.size()
                || now.lastModifiedTime().toMillis() != split.lastModified()) {
            log.warn("{} changed after it was read to the end (replaced or written to); it is not {}d. Files must not "
                    + "change once complete", split, afterRead.name().toLowerCase(Locale.ROOT));
            return true;
        }
        try {
            if (afterRead == AfterRead.DELETE) {
                Files.delete(split.path());
                log.info("Deleted finished file {}", split);
            } else {
                Path target = target(finishedDir, split);
                Files.move(split.path(), target);
                log.info("Moved finished file {} to {}", split, target);
            }
            return true;
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            log.warn("Cannot {} finished file {} ({}); retrying at the next offset commit",
                    afterRead.name().toLowerCase(Locale.ROOT), split, e.toString());
            return false;
        }
    }

    /** The file's path relative to its input directory, under {@code dir}; a free name, parents created. */
    static Path target(Path dir, FileSplit split) throws IOException {
        Path target = dir.resolve(split.inputDir().relativize(split.path()));
        Files.createDirectories(target.getParent());
        String name = target.getFileName().toString();
        int dot = name.indexOf('.', 1);
        String stem = dot < 0 ? name : name.substring(0, dot);
        String extensions = dot < 0 ? "" : name.substring(dot);
        for (int n = 1; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++) {
            target = target.resolveSibling(stem + "-" + n + extensions);
        }
        return target;
    }
}
