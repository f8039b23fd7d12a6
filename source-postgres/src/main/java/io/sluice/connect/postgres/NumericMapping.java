package io.sluice.connect.postgres;

/** How PostgreSQL {@code numeric} and {@code decimal} columns become Connect values. */
public enum NumericMapping {
    /** Connect's {@code Decimal} logical type (exact) when the column declares a scale, else a string. */
    DECIMAL,
    /** {@code float64}: convenient for consumers, but values beyond 15-17 significant digits are rounded. */
    DOUBLE,
    /** The exact decimal text, e.g. {@code "12.50"}. */
    STRING
}
