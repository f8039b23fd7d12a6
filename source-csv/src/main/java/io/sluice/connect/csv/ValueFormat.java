package io.sluice.connect.csv;

/** The shape of a record's value. */
public enum ValueFormat {
    /** A Struct of the row's fields, or a Map with {@code schema.mode=none}. */
    STRUCT,
    /** The same fields as one JSON object in a string value, as {@code JsonConverter} writes them without schemas. */
    JSON_TEXT,
    /** The row's text as written in the file, without its line terminator, in a string value. */
    RAW
}
