package io.sluice.connect.csv;

import io.sluice.connect.common.errors.BadRecordConfig;
import io.sluice.connect.common.errors.BadRecordPolicy;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Applies {@code bad.record.policy} to a row that cannot become a record (malformed text or encoding, wrong column
 * count, a value that does not fit its column):
 * <ul>
 *   <li>{@code fail}: the task fails with {@code CsvSourceConnector <name>: <file>:<line>: <reason>. Fix the row, or
 *       set bad.record.policy=skip or error_topic}; records read before the row are handed out first, and the row
 *       is read again after a restart;</li>
 *   <li>{@code skip}: a WARN naming file:line and the reason;</li>
 *   <li>{@code error_topic}: a record to {@code bad.record.topic} whose value is the raw row text (string schema),
 *       with the {@link BadRecordConfig} headers. It carries the file's source partition and offset like any other
 *       record, so the read position moves past the bad row exactly once.</li>
 * </ul>
 * Every bad row counts in {@code parse-errors-total}.
 */
final class BadRecordHandler {

    private static final Logger log = LoggerFactory.getLogger(BadRecordHandler.class);

    /** What becomes of a bad row that does not fail the task. */
    enum Action {
        /** Left out; the position moves past it with the next record. */
        SKIP,
        /** Sent to the error topic. */
        EMIT
    }

    private final BadRecordPolicy policy;
    private final String errorTopic;
    private final String connectorName;
    private final CsvSourceMetrics metrics;

    BadRecordHandler(BadRecordPolicy policy, String errorTopic, String connectorName, CsvSourceMetrics metrics) {
        this.policy = policy;
        this.errorTopic = errorTopic;
        this.connectorName = connectorName;
        this.metrics = metrics;
    }

    /**
     * @param file   the file holding the row
     * @param line   the 1-based line where the row starts
     * @param reason what is wrong with it
     * @return whether to skip the row or emit an error record
     * @throws ConnectException under the fail policy
     */
    Action onBadRow(FileSplit file, long line, String reason) {
        metrics.parseError();
        switch (policy) {
            case SKIP:
                log.warn("CsvSourceConnector {}: skipping bad row {}:{}: {} (bad.record.policy=skip)",
                        connectorName, file, line, reason);
                return Action.SKIP;
            case ERROR_TOPIC:
                log.debug("CsvSourceConnector {}: sending bad row {}:{} to {}: {}",
                        connectorName, file, line, errorTopic, reason);
                return Action.EMIT;
            default:
                throw new ConnectException("CsvSourceConnector " + connectorName + ": " + file + ":" + line + ": "
                        + reason + ". Fix the row, or set bad.record.policy=skip or error_topic");
        }
    }

    /**
     * @param partition the file's source partition
     * @param offset    the offset to resume after the row
     * @param file      the file
     * @param line      the 1-based line where the row starts
     * @param position  the byte position where the row starts
     * @param rawText   the row as written
     * @param reason    what is wrong with it
     * @return the record for the error topic
     */
    SourceRecord errorRecord(Map<String, ?> partition, Map<String, ?> offset, FileSplit file, long line,
                             long position, String rawText, String reason) {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString(BadRecordConfig.HEADER_REASON, reason)
                .addString(BadRecordConfig.HEADER_SOURCE, file.path().toString())
                .addLong(BadRecordConfig.HEADER_LINE, line)
                .addLong(BadRecordConfig.HEADER_POSITION, position)
                .addString(BadRecordConfig.HEADER_CONNECTOR, connectorName);
        return new SourceRecord(partition, offset, errorTopic, null, null, null, Schema.STRING_SCHEMA, rawText,
                null, headers);
    }
}
