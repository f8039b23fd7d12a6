package io.sluice.connect.jdbc;

/** How a record's row is written. */
public enum InsertMode {
    /** Plain {@code INSERT}: a row whose key already exists is a data error. */
    INSERT,
    /** Insert, or update the row with the same key: redelivered records leave the table unchanged. */
    UPSERT,
    /** Update the row with the same key; a record whose row does not exist changes nothing. */
    UPDATE
}
