package io.sluice.connect.csv;

/** How record values are typed: the choices of {@code schema.mode}. */
public enum SchemaMode {
    /** Column types are inferred from a sample of the first rows of each file; every field is optional. */
    INFER,
    /** Columns and types come from {@code schema.json}. */
    PROVIDED,
    /** Every column is an optional string: no conversion, so no row can fail one. */
    STRING,
    /** Schemaless values: a {@code Map} per row, without a Connect schema. */
    NONE
}
