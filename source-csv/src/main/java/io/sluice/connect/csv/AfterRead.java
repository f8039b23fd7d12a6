package io.sluice.connect.csv;

/**
 * What happens to a file once it has been read to the end and the offset saying so has been committed: the choices
 * of {@code after.read}.
 */
public enum AfterRead {
    /** The file stays where it is; it is not read again, even if it grows (files are immutable once complete). */
    LEAVE,
    /** The file is deleted. */
    DELETE,
    /** The file is moved under {@code finished.path}, keeping its path relative to its input directory. */
    MOVE
}
