package io.sluice.connect.redis;

import io.sluice.connect.common.errors.BadRecordConfig;
import io.sluice.connect.common.errors.BadRecordPolicy;
import io.sluice.connect.common.metrics.Counter;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.resps.StreamEntry;

import java.util.Map;

/** Applies {@code bad.record.policy} to an entry that cannot become a record. */
final class BadEntryHandler {

    private static final Logger log = LoggerFactory.getLogger(BadEntryHandler.class);

    private final String connectorName;
    private final BadRecordPolicy policy;
    private final String errorTopic;
    private final Counter badEntries;

    BadEntryHandler(RedisStreamSourceConfig config, Counter badEntries) {
        this.connectorName = config.connectorName();
        this.policy = config.badRecordPolicy();
        this.errorTopic = config.badRecordTopic();
        this.badEntries = badEntries;
    }

    /**
     * @param stream the stream key
     * @param entry  the bad entry
     * @param offset the source offset of the entry, carried by an error record so the position advances with it
     * @param reason why it is bad
     * @return the error-topic record, or null when the entry is skipped
     * @throws ConnectException under {@code fail}, naming the connector, stream, entry and the fix
     */
    SourceRecord handle(String stream, StreamEntry entry, Map<String, ?> offset, BadEntryException reason) {
        badEntries.increment();
        String where = "entry " + entry.getID() + " of stream '" + stream + "'";
        switch (policy) {
            case SKIP -> {
                log.warn("RedisStreamSourceConnector {}: skipping {}: {}", connectorName, where, reason.getMessage());
                return null;
            }
            case ERROR_TOPIC -> {
                ConnectHeaders headers = new ConnectHeaders();
                headers.addString(BadRecordConfig.HEADER_REASON, reason.getMessage());
                headers.addString(BadRecordConfig.HEADER_SOURCE, stream);
                headers.addString(BadRecordConfig.HEADER_POSITION, entry.getID().toString());
                headers.addString(BadRecordConfig.HEADER_CONNECTOR, connectorName);
                headers.addString(EntryConverter.HEADER_STREAM, stream);
                headers.addString(EntryConverter.HEADER_ENTRY_ID, entry.getID().toString());
                return new SourceRecord(new StreamPartition(stream).toMap(), offset, errorTopic, null,
                        Schema.STRING_SCHEMA, entry.getID().toString(), Schema.STRING_SCHEMA,
                        EntryConverter.fieldsAsJson(entry.getFields()), entry.getID().getTime(), headers);
            }
            default -> throw new ConnectException("RedisStreamSourceConnector " + connectorName + ": " + where
                    + " cannot be read: " + reason.getMessage() + ". Fix the entry (XDEL it), or set "
                    + "bad.record.policy=skip or error_topic");
        }
    }
}
