package io.sluice.connect.csv;

import java.util.Objects;

/**
 * One column of a record schema: inferred from a file or given in {@code schema.json}.
 *
 * @param name     the field name in the record value
 * @param type     the field's type
 * @param optional whether the field may be null
 */
record ColumnSpec(String name, ColumnType type, boolean optional) {

    ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
