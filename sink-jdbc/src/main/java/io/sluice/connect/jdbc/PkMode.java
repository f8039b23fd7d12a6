package io.sluice.connect.jdbc;

/** Where the primary-key columns of a row come from. */
public enum PkMode {
    /** No key: rows are only inserted. */
    NONE,
    /** The record key: a primitive key is one column, a struct or map key gives one column per field. */
    RECORD_KEY,
    /** Fields of the record value, named in {@code pk.fields}. */
    RECORD_VALUE,
    /** The record's Kafka coordinates: topic, partition and offset. */
    KAFKA
}
