package io.sluice.connect.cache;

/**
 * A record that cannot become a Redis write: its key template names a missing field, its TTL or version does not
 * parse, or its value has a type the configured format cannot store. The message says what is wrong with the
 * record; {@link RecordCoordinates} adds where it came from.
 */
final class BadRecordException extends Exception {

    private static final long serialVersionUID = 1L;

    BadRecordException(String message) {
        super(message);
    }
}
