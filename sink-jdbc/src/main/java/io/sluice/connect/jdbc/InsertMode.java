package io.sluice.connect.jdbc;

/** How a record's row is written. */
public enum InsertMode {
    /**
     * Plain {@code INSERT}. With a key ({@code pk.mode} other than {@code none}) a row whose key already exists is
     * taken as written by an earlier delivery and skipped; without a key a redelivered record is inserted again.
     */
    INSERT,
    /** Insert, or update the row with the same key: redelivered records leave the table unchanged. */
    UPSERT,
    /** Update the row with the same key; a record whose row does not exist changes nothing. */
    UPDATE
}
