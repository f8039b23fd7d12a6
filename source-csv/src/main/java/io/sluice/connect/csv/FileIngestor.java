package io.sluice.connect.csv;

import io.sluice.connect.common.metrics.SluiceMetrics;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What a {@link CsvSourceTask} does: reads its files one after another, oldest first, and fills batches of up to
 * {@code batch.size} records, across files when they are small. Scans the directories again when it runs out of
 * files and a poll interval has passed since the last scan; with nothing to do, {@link #poll()} waits until the next
 * scan is due (at most {@code poll.interval.ms}, cut short by {@link #stop()}) and returns {@code null}.
 *
 * <p>{@link #poll()} runs on one thread, Connect's poll thread or the task's reading thread; {@link #commit()},
 * {@link #wakeup()} and {@link #stop()} may run on others.
 */
final class FileIngestor {

    private static final Logger log = LoggerFactory.getLogger(FileIngestor.class);
    /** How soon a scan follows one that saw a file old enough to read but not yet seen unchanged. */
    private static final long CONFIRM_SCAN_MS = 200;

    private final CsvSourceConfig config;
    private final OffsetStorageReader offsets;
    private final Clock clock;
    private final CsvSourceMetrics metrics;
    private final FileDiscovery discovery;
    private final FileReaderFactory readers;
    private final FinishedFileHandler finished;
    private final Deque<FileDiscovery.FileWork> queue = new ArrayDeque<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Object readLock = new Object();
    private FileReader current;
    private long nextScanAt;
    private final DirectoryScanner scanner;
    private volatile int filesQueuedOrReading;

    FileIngestor(CsvSourceConfig config, TaskAssignment assignment, OffsetStorageReader offsets,
                 SluiceMetrics sluiceMetrics, Clock clock) {
        this.config = config;
        this.offsets = offsets;
        this.clock = clock;
        this.metrics = new CsvSourceMetrics(sluiceMetrics, this::filesInProgress);
        this.finished = new FinishedFileHandler(config.afterRead(), config.finishedPath(), config.errorPath(),
                config.connectorName(), metrics, clock);
        this.readers = new FileReaderFactory(config, new BadRecordHandler(config.badRecordPolicy(),
                config.badRecordTopic(), config.connectorName(), metrics));
        Set<Path> excluded = new HashSet<>();
        if (config.finishedPath() != null) {
            excluded.add(config.finishedPath());
        }
        if (config.errorPath() != null) {
            excluded.add(config.errorPath());
        }
        this.scanner = new DirectoryScanner(config.inputPaths(), config.filePattern(), config.recursive(),
                config.fileMinAgeMs(), assignment, excluded, clock);
        this.discovery = new FileDiscovery(scanner, offsets, config.afterRead(), config.inputCompression(),
                config.connectorName());
    }

    /**
     * @return the next batch, or {@code null} after waiting for the next scan when there is nothing to read
     * @throws org.apache.kafka.connect.errors.ConnectException for a bad row under {@code bad.record.policy=fail}
     */
    List<SourceRecord> poll() throws InterruptedException {
        List<SourceRecord> batch = new ArrayList<>(Math.min(config.batchSize(), 4096));
        synchronized (readLock) {
            try {
                while (stopping.getCount() > 0 && batch.size() < config.batchSize()) {
                    FileReader reader = currentOrNext();
                    if (reader == null || !readInto(reader, batch)) {
                        break;
                    }
                }
            } finally {
                filesQueuedOrReading = queue.size() + (current == null ? 0 : 1);
            }
        }
        if (!batch.isEmpty()) {
            return batch;
        }
        long wait = Math.min(nextScanAt - clock.millis(), config.pollIntervalMs());
        if (wait > 0) {
            stopping.await(wait, TimeUnit.MILLISECONDS);
        }
        return null;
    }

    /** @return whether the file ended (or failed), so the batch may continue with the next one */
    private boolean readInto(FileReader reader, List<SourceRecord> batch) {
        int before = batch.size();
        boolean done;
        try {
            done = reader.read(batch, config.batchSize());
        } catch (UnreadableFileException e) {
            closeCurrent();
            if (stopping.getCount() == 0) {
                return false;
            }
            discovery.settled(reader.split());
            finished.quarantine(reader.split(), e.getMessage());
            return true;
        } finally {
            metrics.recordsRead(batch.size() - before, reader.takeBytesRead());
        }
        if (done) {
            closeCurrent();
            FileSplit atEnd = reader.splitAtEnd();
            discovery.settled(atEnd);
            log.debug("Read {} to the end: {} records", atEnd, reader.emitted());
            if (reader.emitted() > 0) {
                finished.awaitCommit(atEnd);
            } else {
                finished.finishNow(atEnd);
            }
        }
        return done;
    }

    private FileReader currentOrNext() {
        while (current == null) {
            FileDiscovery.FileWork work = queue.poll();
            if (work == null) {
                if (clock.millis() < nextScanAt) {
                    return null;
                }
                List<FileDiscovery.FileWork> discovered = discovery.discover();
                // A file that is already old enough needs only a second look to prove its size is stable; taking it
                // soon saves most of a poll interval before the first record of every new file.
                nextScanAt = clock.millis() + (scanner.awaitingConfirmation()
                        ? Math.min(CONFIRM_SCAN_MS, config.pollIntervalMs()) : config.pollIntervalMs());
                for (FileDiscovery.FileWork found : discovered) {
                    if (found.decision().action() == ResumeRule.Action.FINISH) {
                        finished.finishNow(found.split());
                    } else {
                        queue.add(found);
                    }
                }
                work = queue.poll();
                if (work == null) {
                    return null;
                }
            }
            current = open(work);
        }
        return current;
    }

    private FileReader open(FileDiscovery.FileWork work) {
        FileSplit split = work.split();
        try {
            FileReader reader = readers.open(split, work.decision().from());
            if (work.decision().from().position() > 0) {
                log.info("Resuming {} at line {} (byte {})", split, work.decision().from().lineNumber(),
                        work.decision().from().position());
            } else {
                log.debug("Reading {}", split);
            }
            return reader;
        } catch (NoSuchFileException e) {
            log.debug("{} disappeared before it could be read", split);
            discovery.forget(split.partition());
        } catch (UnreadableFileException e) {
            discovery.settled(split);
            finished.quarantine(split, e.getMessage());
        }
        return null;
    }

    private void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                log.debug("Closing {} failed: {}", current.path(), e.toString());
            }
            current = null;
        }
    }

    /** Deletes or moves the files whose end-of-file offsets are now committed. */
    void commit() {
        finished.onCommit(offsets);
    }

    /** Ends a waiting {@link #poll()}, and keeps later ones from reading. */
    void wakeup() {
        stopping.countDown();
    }

    /** Ends a waiting {@link #poll()} and closes the open file, once a batch being read is done. */
    void stop() {
        stopping.countDown();
        synchronized (readLock) {
            closeCurrent();
        }
        metrics.close();
    }

    private int filesInProgress() {
        FinishedFileHandler handler = finished;
        return filesQueuedOrReading + (handler == null ? 0 : handler.awaitingCount());
    }

    /** @return the local metric values, for tests and health */
    CsvSourceMetrics metrics() {
        return metrics;
    }
}
