package io.sluice.connect.common.errors;

/** Whether retrying a failed operation can help. */
public enum ErrorKind {
    /** The failure may pass on its own (network blip, server restart, deadlock, throttling): retry with backoff. */
    TRANSIENT,
    /** Retrying cannot help (bad credentials, missing table, bad configuration, unknown failure): fail fast. */
    PERMANENT
}
