package io.sluice.connect.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends bad records to Connect's {@link ErrantRecordReporter} (so {@code errors.tolerance} and
 * {@code errors.deadletterqueue.topic.name} decide their fate), or fails the task when the worker offers none.
 * A bad record never vanishes silently, and never stops the rest of its batch from being written first.
 */
final class BadRecordHandler {

    private static final Logger log = LoggerFactory.getLogger(BadRecordHandler.class);

    private final String connectorName;
    private final ErrantRecordReporter reporter;
    private final CacheSinkMetrics metrics;
    private final List<Future<Void>> pending = new ArrayList<>();
    private ConnectException failure;

    /**
     * @param connectorName the connector, for messages
     * @param reporter      the worker's reporter; null when it has none
     * @param metrics       counts bad records
     */
    BadRecordHandler(String connectorName, ErrantRecordReporter reporter, CacheSinkMetrics metrics) {
        this.connectorName = connectorName;
        this.reporter = reporter;
        this.metrics = metrics;
    }

    /** Forgets what an earlier batch left behind when its write failed and Connect delivers it again. */
    void startBatch() {
        pending.clear();
        failure = null;
    }

    /**
     * Reports one bad record. Without a reporter, the first bad record of a batch is kept and thrown by
     * {@link #finishBatch()}, after the good records are written.
     */
    void report(SinkRecord record, String reason) {
        metrics.failed();
        String message = "RedisCacheSinkConnector '" + connectorName + "': bad record at "
                + RecordCoordinates.of(record) + ": " + reason;
        if (reporter == null) {
            if (failure == null) {
                failure = new ConnectException(message + ". Fix the record or the configuration, or set "
                        + "errors.tolerance=all (with errors.deadletterqueue.topic.name) to route bad records to a "
                        + "dead-letter queue");
            }
            return;
        }
        log.warn("{}; handing it to the errant-record reporter", message);
        pending.add(reporter.report(record, new DataException(message)));
    }

    /**
     * Waits until every reported record is in the dead-letter queue, so that the batch's offsets are committed only
     * after its bad records are safe; then fails the task if a bad record could not be reported.
     */
    void finishBatch() {
        try {
            for (Future<Void> future : pending) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while reporting bad records", e);
        } catch (ExecutionException e) {
            throw new ConnectException("RedisCacheSinkConnector '" + connectorName + "': cannot report a bad record "
                    + "to the dead-letter queue: " + e.getCause(), e.getCause());
        } finally {
            pending.clear();
        }
        if (failure != null) {
            ConnectException toThrow = failure;
            failure = null;
            throw toThrow;
        }
    }
}
