package io.sluice.connect.redis;

import io.sluice.connect.common.source.ReadAhead;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a {@link StreamReader} on a thread of its own, at most {@code read.ahead.batches} batches ahead of Connect's
 * poll thread ({@link ReadAhead}): while Connect serializes and sends one batch, the next is read from Redis and
 * converted. The reader and its connection are used from that thread only, the stats refresh included;
 * {@link #committed} goes straight through, as it did before.
 *
 * <p>A {@link RetriableException} (Redis unreachable through every retry) is thrown from the next {@link #poll()},
 * which Connect retries, and reading goes on; any other failure ends reading after the batches read before it.
 */
final class ReadAheadReader implements StreamReader {

    private static final Logger log = LoggerFactory.getLogger(ReadAheadReader.class);
    /** Connect's poll returns this often at the most, so that a stopping task is not held up by two waits. */
    private static final long MAX_POLL_WAIT_MS = 200L;

    private final StreamReader reader;
    private final ReadAhead ahead;
    private final long joinWaitMs;
    private final AtomicBoolean statsWanted = new AtomicBoolean();

    /**
     * @param reader     the reader to run ahead; its {@code poll()} blocks at most {@code poll.block.ms}
     * @param batches    how many batches may wait for Connect
     * @param pollWaitMs how long the reader's own reads block ({@code poll.block.ms}); {@link #poll()} waits at
     *                   most {@value #MAX_POLL_WAIT_MS} ms of it for a batch
     * @param threadName the reading thread's name
     */
    ReadAheadReader(StreamReader reader, int batches, long pollWaitMs, String threadName) {
        this.reader = reader;
        this.ahead = new ReadAhead(this::readBatch, batches, Math.min(pollWaitMs, MAX_POLL_WAIT_MS), threadName,
                "Reading ahead from Redis");
        this.joinWaitMs = pollWaitMs + 1_000L;
    }

    /** Starts reading ahead. */
    ReadAheadReader start() {
        ahead.start();
        return this;
    }

    private List<SourceRecord> readBatch() throws InterruptedException {
        if (statsWanted.getAndSet(false)) {
            try {
                reader.refreshStats();
            } catch (RuntimeException e) {
                // the gauges keep their last values; reading goes on and reports its own failures
                log.debug("Cannot refresh the pending and lag metrics: {}", e.toString());
            }
        }
        return reader.poll();
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        return ahead.poll();
    }

    @Override
    public void committed(SourceRecord record) {
        reader.committed(record);
    }

    /**
     * Stops reading ahead and waits for the reading thread (at most a blocking read and a little more), then lets
     * the reader finish on this thread; if the thread is still busy, the reader's last words are skipped rather than
     * sent over a connection in use.
     */
    @Override
    public void finish() {
        if (!ahead.stop(joinWaitMs)) {
            log.warn("The Redis read-ahead thread {} did not stop in time; closing its connection under it",
                    ahead.threadName());
            return;
        }
        reader.finish();
    }

    @Override
    public void stopped() {
        reader.stopped();
    }

    /** @return whether the reading thread still runs: it ends after a permanent failure or in {@link #finish()} */
    boolean reading() {
        return ahead.reading();
    }

    /** Asks the reading thread to refresh the gauges before its next read. */
    @Override
    public void refreshStats() {
        statsWanted.set(true);
    }
}
