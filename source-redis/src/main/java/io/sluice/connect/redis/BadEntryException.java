package io.sluice.connect.redis;

/** A stream entry that cannot become a record: the key field is missing, or the JSON field is absent or broken. */
final class BadEntryException extends Exception {

    BadEntryException(String message) {
        super(message);
    }

    BadEntryException(String message, Throwable cause) {
        super(message, cause);
    }
}
