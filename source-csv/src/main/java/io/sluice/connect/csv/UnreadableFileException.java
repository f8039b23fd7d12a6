package io.sluice.connect.csv;

/**
 * A file that cannot be read as configured: an I/O error opening or reading it, a broken gzip stream, or a layout
 * that contradicts the configuration (a key column or a required schema column missing from its header).
 * The file is moved to {@code error.path} with a reason file, or left in place and logged when that is not set;
 * offsets past what was already read are not written for it.
 */
final class UnreadableFileException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param reason what is wrong and, where the configuration decides, which key to change
     * @param cause  the underlying failure, or {@code null}
     */
    UnreadableFileException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
