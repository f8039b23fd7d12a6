package io.sluice.connect.cache;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outcome of the last batch written by a connector's tasks on this worker, which its health check reports as
 * the last error. Tasks and connector share the plugin's classloader, so a static map by connector name joins them.
 */
final class WriteStatus {

    private static final Map<String, WriteStatus> BY_CONNECTOR = new ConcurrentHashMap<>();

    private final Clock clock;
    private volatile Instant lastSuccess;
    private volatile Instant lastFailure;
    private volatile String lastError;

    private WriteStatus(Clock clock) {
        this.clock = clock;
    }

    /**
     * @return the status of {@code connectorName}'s writes on this worker; tasks look it up for each batch, so that
     *         after the connector alone restarts they report to the status its new instance reads
     */
    static WriteStatus of(String connectorName) {
        return BY_CONNECTOR.computeIfAbsent(connectorName, name -> new WriteStatus(Clock.systemUTC()));
    }

    /**
     * Starts a connector's status afresh, so that a connector created again under an old name does not inherit the
     * old one's last error. Called when the connector starts, before its tasks do.
     *
     * @return the new status
     */
    static WriteStatus reset(String connectorName) {
        WriteStatus fresh = new WriteStatus(Clock.systemUTC());
        BY_CONNECTOR.put(connectorName, fresh);
        return fresh;
    }

    /** Forgets a connector's status; called when the connector stops. */
    static void remove(String connectorName) {
        BY_CONNECTOR.remove(connectorName);
    }

    void succeeded() {
        lastSuccess = clock.instant();
    }

    void failed(String error) {
        lastError = error;
        lastFailure = clock.instant();
    }

    /** @return the last write error when no batch has succeeded since; null otherwise */
    String currentError() {
        Instant failure = lastFailure;
        Instant success = lastSuccess;
        if (failure == null || success != null && success.isAfter(failure)) {
            return null;
        }
        return "the last batch failed at " + failure + ": " + lastError;
    }
}
