package io.sluice.connect.jdbc;

/** What a tombstone (a record with a key and a null value) does to the row with its key. */
public enum DeleteMode {
    /** Tombstones are skipped (and counted). */
    NONE,
    /** The row is deleted. */
    HARD,
    /** The row is kept and its {@code delete.soft.column} set to the tombstone's timestamp. */
    SOFT
}
