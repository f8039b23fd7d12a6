package io.sluice.connect.cache;

/** How a record value is stored under its key. */
enum ValueFormat {
    /** A string holding the value as JSON (Structs and Maps as objects; a string value as it is): {@code SET}. */
    JSON,
    /** A hash with one field per top-level field of a Struct or Map value, nested ones as JSON: {@code HSET}. */
    HASH,
    /** The value's bytes as they are, for {@code ByteArrayConverter} (or a string's UTF-8 bytes): {@code SET}. */
    BYTES
}
