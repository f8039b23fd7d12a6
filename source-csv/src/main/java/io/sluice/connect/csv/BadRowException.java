package io.sluice.connect.csv;

/**
 * A row that cannot become a record: wrong column count, a value that does not fit its column's type, a missing
 * required value. Handled by {@link BadRecordHandler} per {@code bad.record.policy}.
 *
 * <p>It carries no stack trace: it is thrown for data, not for a bug, and may be thrown for many rows.
 */
final class BadRowException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong with the row, for a user, without the file and line */
    BadRowException(String reason) {
        super(reason, null, false, false);
    }
}
