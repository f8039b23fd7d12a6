package io.sluice.connect.jdbc.dialect;

import java.util.Objects;

/**
 * A table's name and the schema (PostgreSQL) or database (MariaDB/MySQL) that holds it, exactly as they are
 * spelled in the database; dialects quote both whenever they put them into SQL.
 *
 * @param schema the schema or database; null for the connection's current one
 * @param name   the table name
 */
public record TableId(String schema, String name) {

    /** Normalises an empty schema to null. */
    public TableId {
        Objects.requireNonNull(name, "name");
        if (schema != null && schema.isEmpty()) {
            schema = null;
        }
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
