package io.sluice.connect.redis;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a {@link StreamReader} on a thread of its own, at most {@code read.ahead.batches} batches ahead of Connect's
 * poll thread: while Connect serializes and sends one batch, the next is read from Redis and converted. The reader and
 * its connection are used from that thread only, the stats refresh included; {@link #committed} goes straight
 * through, as it did before.
 *
 * <p>Failures travel in order with the batches: a {@link RetriableException} (Redis unreachable through every
 * retry) is thrown from the next {@link #poll()}, which Connect retries, and reading goes on; any other failure is
 * thrown from {@link #poll()} after the batches read before it, and reading stops. Batches still queued when the
 * task stops were never handed to Connect: the next start reads them again.
 */
final class ReadAheadReader implements StreamReader {

    private static final Logger log = LoggerFactory.getLogger(ReadAheadReader.class);
    private static final long OFFER_WAIT_MS = 100L;
    /** Connect's poll returns this often at the most, so that a stopping task is not held up by two waits. */
    private static final long MAX_POLL_WAIT_MS = 200L;

    private final StreamReader reader;
    private final BlockingQueue<Batch> ready;
    private final long pollWaitMs;
    private final long joinWaitMs;
    private final Thread thread;
    private final AtomicBoolean statsWanted = new AtomicBoolean();
    private volatile boolean stopping;

    /**
     * @param reader     the reader to run ahead; its {@code poll()} blocks at most {@code poll.block.ms}
     * @param batches    how many batches may wait for Connect
     * @param pollWaitMs how long the reader's own reads block ({@code poll.block.ms}); {@link #poll()} waits at
     *                   most {@value #MAX_POLL_WAIT_MS} ms of it for a batch
     * @param threadName the reading thread's name
     */
    ReadAheadReader(StreamReader reader, int batches, long pollWaitMs, String threadName) {
        this.reader = reader;
        // the batch waiting in offer() counts as one ahead: a direct hand-over for one, a queue for the rest
        this.ready = batches == 1 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(batches - 1);
        this.pollWaitMs = Math.min(pollWaitMs, MAX_POLL_WAIT_MS);
        this.joinWaitMs = pollWaitMs + 1_000L;
        this.thread = new Thread(this::readLoop, threadName);
        thread.setDaemon(true);
    }

    /** Starts reading ahead. */
    ReadAheadReader start() {
        thread.start();
        return this;
    }

    private void readLoop() {
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            Batch batch = readBatch();
            if (batch == null) {
                continue;
            }
            try {
                while (!ready.offer(batch, OFFER_WAIT_MS, TimeUnit.MILLISECONDS)) {
                    if (stopping) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                return;
            }
            if (batch.failure() != null && !(batch.failure() instanceof RetriableException)) {
                return;
            }
        }
    }

    /** @return the next batch or failure to hand over; null when there is nothing */
    private Batch readBatch() {
        try {
            if (statsWanted.getAndSet(false)) {
                refreshStatsHere();
            }
            if (stopping) {
                return null;
            }
            List<SourceRecord> records = reader.poll();
            return records.isEmpty() ? null : new Batch(records, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (RuntimeException e) {
            return stopping ? null : new Batch(List.of(), e);
        } catch (Error e) {
            // the thread ends here; the task must fail rather than wait for records that never come
            return new Batch(List.of(), new ConnectException("Reading ahead from Redis failed: " + e, e));
        }
    }

    private void refreshStatsHere() {
        try {
            reader.refreshStats();
        } catch (RuntimeException e) {
            // the gauges keep their last values; reading goes on and reports its own failures
            log.debug("Cannot refresh the pending and lag metrics: {}", e.toString());
        }
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        Batch batch = ready.poll(pollWaitMs, TimeUnit.MILLISECONDS);
        if (batch == null) {
            return List.of();
        }
        if (batch.failure() != null) {
            throw batch.failure();
        }
        return batch.records();
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
        stopping = true;
        ready.clear();
        try {
            thread.join(joinWaitMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("The Redis read-ahead thread {} did not stop in time; closing its connection under it",
                    thread.getName());
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
        return thread.isAlive();
    }

    /** Asks the reading thread to refresh the gauges before its next read. */
    @Override
    public void refreshStats() {
        statsWanted.set(true);
    }

    /** A batch of records, or the failure that ended a read. */
    private record Batch(List<SourceRecord> records, RuntimeException failure) {
    }
}
