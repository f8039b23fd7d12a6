package io.sluice.connect.jdbc.dialect;

import org.apache.kafka.connect.data.Schema;

import java.util.Objects;

/**
 * A column a record needs: its name and the Connect schema of its values, from which DDL takes the SQL type.
 *
 * @param name   the column name, exactly as it is to be spelled in the database
 * @param schema the values' schema; {@link Schema#isOptional()} decides NULL or NOT NULL in a created table
 */
public record ColumnSpec(String name, Schema schema) {

    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
    }
}
