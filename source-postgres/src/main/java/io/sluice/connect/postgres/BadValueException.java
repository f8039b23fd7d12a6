package io.sluice.connect.postgres;

/** A column value that has no Connect counterpart under the configured mapping; handled by bad.record.policy. */
final class BadValueException extends RuntimeException {

    BadValueException(String message) {
        super(message);
    }

    BadValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
