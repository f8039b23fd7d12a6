package io.sluice.connect.postgres;

import io.sluice.connect.common.errors.BadRecordConfig;
import io.sluice.connect.common.errors.BadRecordPolicy;
import io.sluice.connect.common.offsets.PartitionMap;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * Makes the source records of a split's rows and applies {@code bad.record.policy} to a row with a value that cannot
 * be converted:
 * <ul>
 *   <li>{@code fail}: the task fails with {@code PostgresSourceConnector <name>: <split> row at <position>: <reason>}
 *       before any row of that page is handed out; after a fix and a restart the page is read again;</li>
 *   <li>{@code skip}: a WARN naming the split, the row's position and the reason;</li>
 *   <li>{@code error_topic}: a record to {@code bad.record.topic} whose value is the row as JSON text (each column in
 *       PostgreSQL's text form), with the {@link BadRecordConfig} headers. It carries the split's partition and the
 *       row's offset like any other record, so the position moves past the row exactly once.</li>
 * </ul>
 */
final class RecordFactory {

    private static final Logger log = LoggerFactory.getLogger(RecordFactory.class);

    private final String connectorName;
    private final Split split;
    // one instance for all the split's records: Connect hashes each record's partition
    private final Map<String, Object> partition;
    private final String topic;
    private final BadRecordPolicy policy;
    private final String errorTopic;
    private final PostgresSourceMetrics metrics;

    RecordFactory(PostgresSourceConfig config, Split split, PostgresSourceMetrics metrics) {
        this.connectorName = config.connectorName();
        this.split = split;
        this.partition = PartitionMap.of(split.partition());
        this.topic = split.topic(config.topicPrefix());
        this.policy = config.badRecordPolicy();
        this.errorTopic = config.badRecordTopic();
        this.metrics = metrics;
    }

    /** Fails under the fail policy when any row of the page is bad, before a record of the page is made. */
    void checkPage(List<RowReader.Row> rows) {
        if (policy != BadRecordPolicy.FAIL) {
            return;
        }
        for (RowReader.Row row : rows) {
            if (row.badReason() != null) {
                metrics.badValue();
                throw new ConnectException("PostgresSourceConnector " + connectorName + ": " + split + " row at "
                        + position(row) + ": " + row.badReason() + ". Fix the value, change numeric.mapping, or set "
                        + "bad.record.policy=skip or error_topic");
            }
        }
    }

    /** @return the record of {@code row} with {@code offset}, or null when a bad row is skipped */
    SourceRecord record(RowReader reader, RowReader.Row row, Map<String, ?> offset) {
        if (row.badReason() == null) {
            return new SourceRecord(partition, offset, topic, null, reader.keySchema(), row.key(),
                    reader.valueSchema(), row.value());
        }
        metrics.badValue();
        if (policy == BadRecordPolicy.SKIP) {
            log.warn("PostgresSourceConnector {}: skipping {} row at {}: {} (bad.record.policy=skip)", connectorName,
                    split, position(row), row.badReason());
            return null;
        }
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString(BadRecordConfig.HEADER_REASON, row.badReason())
                .addString(BadRecordConfig.HEADER_SOURCE, split.name())
                .addString(BadRecordConfig.HEADER_POSITION, position(row))
                .addString(BadRecordConfig.HEADER_CONNECTOR, connectorName);
        return new SourceRecord(partition, offset, errorTopic, null, null, null, Schema.STRING_SCHEMA,
                row.raw(), null, headers);
    }

    private static String position(RowReader.Row row) {
        return row.cursor().isEmpty() ? "key " + row.position() : "cursor " + row.cursor() + " key " + row.position();
    }
}
