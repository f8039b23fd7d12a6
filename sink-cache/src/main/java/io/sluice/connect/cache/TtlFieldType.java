package io.sluice.connect.cache;

/** What the number in {@code ttl.field} means. */
enum TtlFieldType {
    /** Seconds from the time the record is written (fractions allowed). */
    SECONDS,
    /**
     * The absolute expiry time: epoch milliseconds, a Connect Timestamp, or an ISO-8601 instant string such as
     * {@code 2026-01-05T10:15:30Z}.
     */
    EXPIRE_AT
}
