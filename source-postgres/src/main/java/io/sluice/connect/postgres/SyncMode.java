package io.sluice.connect.postgres;

/**
 * How a table is read. Each mode has its own {@link SplitReader}; change data capture by logical decoding will be a
 * third mode with its own reader.
 */
public enum SyncMode {
    /** Every row again each {@code full.refresh.interval.ms}, or once as a snapshot; see {@link FullRefreshReader}. */
    FULL_REFRESH,
    /** Rows after the last (cursor, key) position, in that order; see {@link IncrementalReader}. */
    INCREMENTAL
}
