package io.sluice.connect.redis;

/** The shape of a record's value, made from a stream entry's fields. */
public enum ValueFormat {
    /** A Struct with one optional string field per entry field, in name order. */
    STRUCT,
    /** A map of field name to string value (a map schema of strings). */
    MAP,
    /** One configured field parsed as JSON, without a schema. */
    JSON,
    /** Every field in one JSON object of strings, in name order, as a string value. */
    JSON_TEXT
}
