package io.sluice.connect.redis;

import org.apache.kafka.connect.source.SourceRecord;

import java.util.List;

/** How a task reads its streams: one implementation per {@link DeliveryMode}, run on the poll thread or on
 * the {@link ReadAheadReader}'s thread; {@link #committed} comes from the producer's thread, and {@link #finish} and
 * {@link #stopped} from the stopping thread once the reading thread has ended.
 */
interface StreamReader {

    /**
     * Reads the next entries, waiting at most {@code poll.block.ms} when there are none.
     *
     * @return the records; empty when nothing arrived
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    List<SourceRecord> poll() throws InterruptedException;

    /**
     * Kafka acknowledged {@code record}; called from the producer's thread.
     *
     * @param record a record this reader returned
     */
    default void committed(SourceRecord record) {
    }

    /** The task is stopping: a last chance to tell Redis what Kafka has, on the thread that reads. */
    default void finish() {
    }

    /**
     * The task has stopped and closed its connection: acknowledgements arriving from now on cannot reach Redis, so
     * a reader reports what is left.
     */
    default void stopped() {
    }

    /** Refreshes the pending and lag gauges; called now and then between reads. */
    void refreshStats();
}
