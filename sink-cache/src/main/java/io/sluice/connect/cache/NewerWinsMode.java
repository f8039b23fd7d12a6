package io.sluice.connect.cache;

/** Whether and by what a write is compared with the version already stored for its key. */
enum NewerWinsMode {
    /** Every record is written, in the order it arrives. */
    NONE,
    /** The version is a value field ({@code newer.wins.field}): an integer, a timestamp or an ISO-8601 instant. */
    FIELD,
    /** The version is the Kafka record timestamp. */
    TIMESTAMP
}
