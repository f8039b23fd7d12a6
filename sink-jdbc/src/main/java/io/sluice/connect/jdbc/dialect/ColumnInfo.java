package io.sluice.connect.jdbc.dialect;

/**
 * A column as the database describes it.
 *
 * @param name     the column name as stored
 * @param typeName the database's type name, e.g. {@code uuid}, {@code jsonb}, {@code varchar}
 * @param jdbcType the {@link java.sql.Types} constant the driver reports
 * @param nullable whether the column accepts NULL
 */
public record ColumnInfo(String name, String typeName, int jdbcType, boolean nullable) {
}
