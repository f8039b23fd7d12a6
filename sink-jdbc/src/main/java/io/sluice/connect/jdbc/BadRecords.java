package io.sluice.connect.jdbc;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Records the database (or the sink) refuses: with {@code errors.tolerance=all} they go to Connect's errant-record
 * reporter (the dead letter queue) with the database's message and the rest of the batch is written; otherwise the
 * task fails with a message naming topic, partition, offset, table and reason.
 */
final class BadRecords {

    private static final Logger log = LoggerFactory.getLogger(BadRecords.class);

    private final String connectorName;
    private final boolean tolerateAll;
    private final ErrantRecordReporter reporter;
    private final JdbcSinkMetrics metrics;
    private final List<Future<Void>> pending = new ArrayList<>();

    /**
     * @param reporter the worker's reporter; null on workers without one, where bad records fail the task
     */
    BadRecords(String connectorName, boolean tolerateAll, ErrantRecordReporter reporter, JdbcSinkMetrics metrics) {
        this.connectorName = connectorName;
        this.tolerateAll = tolerateAll;
        this.reporter = reporter;
        this.metrics = metrics;
    }

    /**
     * @param record the refused record
     * @param table  the table it was meant for, or null when it never got that far
     * @param reason why it was refused
     * @throws ConnectException unless the record can be reported
     */
    void report(SinkRecord record, Object table, Throwable reason) {
        String message = "JdbcSinkConnector " + connectorName + " cannot write the record at " + SinkRow.origin(record)
                + (table == null ? "" : " to table " + table) + ": " + describe(reason);
        metrics.failed(1);
        if (!tolerateAll || reporter == null) {
            throw new ConnectException(message + ". Fix the record or the table; or set errors.tolerance=all and "
                    + "errors.deadletterqueue.topic.name to send such records to a dead letter queue", reason);
        }
        log.warn("{}; sending it to the errant-record reporter", message);
        pending.add(reporter.report(record, new ConnectException(message, reason)));
    }

    /** Waits until the reported records are stored, so their offsets may be committed. */
    void awaitReported() {
        try {
            for (Future<Void> future : pending) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while reporting bad records", e);
        } catch (ExecutionException e) {
            throw new ConnectException("JdbcSinkConnector " + connectorName + " could not report bad records: "
                    + e.getCause(), e.getCause());
        } finally {
            pending.clear();
        }
    }

    /**
     * Forgets the reports not yet awaited, after a flush failed: Connect delivers those records again from its last
     * commit, so they are reported again, and a stale report must not fail a later commit.
     */
    void discardPending() {
        pending.clear();
    }

    private static String describe(Throwable reason) {
        String message = reason.getMessage();
        return message == null ? reason.getClass().getSimpleName() : message.strip();
    }
}
