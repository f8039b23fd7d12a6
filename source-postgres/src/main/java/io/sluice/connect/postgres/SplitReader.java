package io.sluice.connect.postgres;

import org.apache.kafka.connect.source.SourceRecord;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads one split in one {@link SyncMode}: {@link FullRefreshReader} and {@link IncrementalReader}; change data
 * capture will be a third implementation.
 *
 * <p>A reader keeps its position in memory and advances it only when {@link #poll} returns: a failed poll leaves it
 * where it was, so the caller may retry on a new connection and the same rows are read again, never skipped.
 *
 * <p>{@link #poll} is called from one thread; {@link #behind()}, {@link #waitingMs()} and {@link #cursorLag()} feed
 * metric gauges, which other threads read, so they read only state published safely (volatile fields).
 */
interface SplitReader {

    /** @return the split this reader reads */
    Split split();

    /**
     * Reads the next page of rows.
     *
     * @param connection an open connection with auto-commit off; the reader ends its transactions
     * @return the records of the page, each carrying the split's partition and the offset after it; empty when
     *         there is nothing to read now
     * @throws SQLException as the driver throws it, for the caller to classify and retry
     */
    List<SourceRecord> poll(Connection connection) throws SQLException;

    /** @return whether rows up to the reader's safe position are still to be read, for metrics */
    default boolean behind() {
        return false;
    }

    /** @return the milliseconds the oldest position has waited for older transactions, or 0; for metrics */
    default long waitingMs() {
        return 0;
    }

    /** @return how far the last row read is behind the newest visible one, in cursor units; null if unknown */
    default Double cursorLag() {
        return null;
    }
}
