package io.sluice.connect.common.source;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a source task's batches on a thread of its own, at most {@code batches} batches ahead of Connect's poll
 * thread: while Connect converts and sends one batch, the next is read and built. The {@link BatchSource} is called
 * from that thread only.
 *
 * <p>Failures travel in order with the batches: a retriable one (Connect's or Kafka's {@code RetriableException})
 * is thrown from the {@link #poll()} that reaches it, which Connect retries, and reading goes on; any other failure is
 * thrown after the batches read before it, and reading stops; an {@link Error} on the reading thread becomes a
 * {@link ConnectException}, so the task fails rather than wait for records that never come, and so does a reading
 * thread that ended any other way while the task was not stopping. Batches still waiting when the task stops were
 * never handed to Connect: their offsets were not committed, so the next start reads them again.
 */
public final class ReadAhead {

    /** What the reading thread calls for each batch. */
    @FunctionalInterface
    public interface BatchSource {
        /**
         * @return the next batch; null or empty when there is nothing now (the source waits as it would on the
         *         poll thread, and is called again)
         */
        List<SourceRecord> next() throws InterruptedException;
    }

    private static final long OFFER_WAIT_MS = 100L;

    private final BatchSource source;
    private final BlockingQueue<Batch> ready;
    private final long pollWaitMs;
    private final String what;
    private final Thread thread;
    private volatile boolean stopping;
    /** Why the reading thread ended on its own, when no batch could carry it; thrown by {@link #poll()}. */
    private volatile RuntimeException ended;

    /**
     * @param source     what reads a batch
     * @param batches    how many batches may wait for Connect, at least 1
     * @param pollWaitMs how long {@link #poll()} waits for a batch before it returns an empty one, so that Connect
     *                   can stop the task
     * @param threadName the reading thread's name
     * @param what       what is read, for the message of a failure on the reading thread ("Reading file ...")
     */
    public ReadAhead(BatchSource source, int batches, long pollWaitMs, String threadName, String what) {
        if (batches < 1) {
            throw new IllegalArgumentException("batches must be at least 1, not " + batches);
        }
        this.source = source;
        // the batch waiting in offer() counts as one ahead: a direct hand-over for one, a queue for the rest
        this.ready = batches == 1 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(batches - 1);
        this.pollWaitMs = pollWaitMs;
        this.what = what;
        this.thread = new Thread(this::readLoop, threadName);
        thread.setDaemon(true);
    }

    /** Starts reading ahead. */
    public ReadAhead start() {
        thread.start();
        return this;
    }

    private void readLoop() {
        try {
            while (!stopping) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                }
                Batch batch = readBatch();
                if (batch == null) {
                    continue;
                }
                if (!handOver(batch) || batch.failure() != null && !retriable(batch.failure())) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            if (!stopping) {
                ended = new ConnectException(what + " was interrupted", e);
            }
        } catch (RuntimeException | Error e) {
            ended = new ConnectException(what + " failed: " + e, e);
        }
    }

    /** @return whether the batch was handed over; false when the task began to stop first */
    private boolean handOver(Batch batch) throws InterruptedException {
        while (!stopping) {
            if (ready.offer(batch, OFFER_WAIT_MS, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    private static boolean retriable(RuntimeException failure) {
        return failure instanceof RetriableException
                || failure instanceof org.apache.kafka.common.errors.RetriableException;
    }

    /** @return the next batch or failure to hand over; null when there is nothing */
    private Batch readBatch() {
        try {
            List<SourceRecord> records = source.next();
            return records == null || records.isEmpty() ? null : new Batch(records, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (RuntimeException e) {
            return stopping ? null : new Batch(List.of(), e);
        } catch (Error e) {
            return new Batch(List.of(), new ConnectException(what + " failed: " + e, e));
        }
    }

    /**
     * @return the next batch read ahead; empty when none came within the wait, or once stopping
     * @throws RuntimeException the failure that ended a read, after the batches read before it; a
     *                          {@link ConnectException} when the reading thread ended otherwise
     */
    public List<SourceRecord> poll() throws InterruptedException {
        if (stopping) {
            return List.of();
        }
        Batch batch = ready.poll(pollWaitMs, TimeUnit.MILLISECONDS);
        if (batch == null) {
            RuntimeException why = ended;
            if (why != null && !stopping && ready.isEmpty()) {
                throw why;
            }
            return List.of();
        }
        if (batch.failure() != null) {
            throw batch.failure();
        }
        return batch.records();
    }

    /**
     * Stops reading ahead: drops the batches not handed out and waits for the reading thread to end.
     *
     * @param joinWaitMs how long to wait for the thread: the longest a read may block, and a little more
     * @return whether the thread has ended; when not (or when the caller was interrupted while waiting, which stays
     *         flagged on its thread), it is still inside the source
     */
    public boolean stop(long joinWaitMs) {
        stopping = true;
        ready.clear();
        try {
            thread.join(joinWaitMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // a batch offered while the first clear ran
        ready.clear();
        return !thread.isAlive();
    }

    /** @return whether the reading thread still runs: it ends after a permanent failure or in {@link #stop} */
    public boolean reading() {
        return thread.isAlive();
    }

    /** @return the reading thread's name */
    public String threadName() {
        return thread.getName();
    }

    /** A batch of records, or the failure that ended a read. */
    private record Batch(List<SourceRecord> records, RuntimeException failure) {
    }
}
