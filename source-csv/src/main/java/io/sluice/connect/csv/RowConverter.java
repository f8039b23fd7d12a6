package io.sluice.connect.csv;

import io.sluice.connect.common.format.TextRecord;
import org.apache.kafka.connect.data.Schema;

/**
 * Turns one parsed row into a record value: a {@link org.apache.kafka.connect.data.Struct} of typed or string
 * fields, or a schemaless {@code Map}. One instance serves one file, built once when the file is opened.
 */
interface RowConverter {

    /** @return the value schema, or {@code null} for schemaless values */
    Schema schema();

    /**
     * @param row a CSV or JSON lines record
     * @return the record value
     * @throws BadRowException when the row has the wrong column count or a value does not fit its column
     */
    Object convert(TextRecord row) throws BadRowException;

    /**
     * Checks the row as {@link #convert} would, for when only the row's own text is sent; the default converts it.
     *
     * @param row a CSV or JSON lines record
     * @throws BadRowException when {@link #convert} would throw it
     */
    default void check(TextRecord row) throws BadRowException {
        convert(row);
    }
}
