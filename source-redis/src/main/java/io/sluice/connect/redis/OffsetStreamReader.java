package io.sluice.connect.redis;

import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamInfo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code delivery.mode=offset}: {@code XREAD} from the id after the last entry handed to Connect, which each record
 * carries as its offset. A restarted task resumes at the committed offset; with exactly-once support the records and
 * their offsets commit in one transaction, so nothing is written twice. Redis keeps no state for this reader.
 */
final class OffsetStreamReader implements StreamReader {

    private static final Logger log = LoggerFactory.getLogger(OffsetStreamReader.class);

    private final RedisStreamSourceConfig config;
    private final TaskAssignment assignment;
    private final List<String> streams;
    private final RedisSession session;
    private final EntryConverter converter;
    private final BadEntryHandler badEntries;
    private final RedisStreamMetrics metrics;
    /** The last entry id read per stream. */
    private final Map<String, StreamEntryID> positions = new LinkedHashMap<>();
    /** Streams resuming at a committed offset, checked against the stream once before the first read. */
    private final Map<String, StreamEntryID> toCheck = new LinkedHashMap<>();

    OffsetStreamReader(RedisStreamSourceConfig config, TaskAssignment assignment, RedisSession session,
                       EntryConverter converter, BadEntryHandler badEntries, RedisStreamMetrics metrics,
                       OffsetStorageReader offsets) {
        this.config = config;
        this.assignment = assignment;
        this.streams = assignment.streams();
        this.session = session;
        this.converter = converter;
        this.badEntries = badEntries;
        this.metrics = metrics;
        loadOffsets(offsets);
    }

    private void loadOffsets(OffsetStorageReader reader) {
        List<Map<String, Object>> partitions = streams.stream().map(s -> new StreamPartition(s).toMap()).toList();
        Map<Map<String, Object>, Map<String, Object>> committed = reader.offsets(partitions);
        for (String stream : streams) {
            Map<String, Object> offset = committed == null ? null : committed.get(new StreamPartition(stream).toMap());
            if (offset != null) {
                positions.put(stream, StreamOffset.fromMap(offset).id());
                toCheck.put(stream, positions.get(stream));
                log.info("RedisStreamSourceConnector {}: stream '{}' resumes after entry {}", config.connectorName(),
                        stream, positions.get(stream));
            } else {
                positions.put(stream, assignment.startAfter(stream, config.startPosition()));
            }
        }
    }

    @Override
    public List<SourceRecord> poll() {
        if (streams.isEmpty()) {
            return List.of();
        }
        if (!toCheck.isEmpty()) {
            session.call("inspect streams " + toCheck.keySet(), this::checkResumePoints);
            toCheck.clear();
        }
        Map<String, StreamEntryID> from = new LinkedHashMap<>(positions);
        List<Map.Entry<String, List<StreamEntry>>> batches = session.call("read streams " + from.keySet(),
                jedis -> jedis.xread(XReadParams.xReadParams().count(config.batchSize()).block(config.pollBlockMs()),
                        from));
        return toRecords(batches);
    }

    /**
     * Warns when a committed offset no longer fits its stream: entries after it were trimmed before they were read,
     * or the stream was deleted and created again with lower ids. Reading goes on; the warning says what was skipped.
     */
    private Void checkResumePoints(Jedis jedis) {
        for (Map.Entry<String, StreamEntryID> check : toCheck.entrySet()) {
            String stream = check.getKey();
            StreamEntryID offset = check.getValue();
            StreamInfo info;
            try {
                info = jedis.xinfoStream(stream);
            } catch (JedisDataException e) {
                if (StreamInfos.isMissing(e)) {
                    continue;
                }
                throw e;
            }
            String problem = StreamInfos.resumeProblem(stream, offset,
                    info.getFirstEntry() == null ? null : info.getFirstEntry().getID(), info.getLastGeneratedId(),
                    maxDeleted(info));
            if (problem != null) {
                log.warn("RedisStreamSourceConnector {}: {}", config.connectorName(), problem);
            }
        }
        return null;
    }

    /** Redis 7 reports the highest deleted id; null when it does not. */
    private static StreamEntryID maxDeleted(StreamInfo info) {
        Object maxDeleted = info.getStreamInfo().get("max-deleted-entry-id");
        if (maxDeleted == null) {
            return null;
        }
        try {
            String text = maxDeleted instanceof byte[] bytes
                    ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : maxDeleted.toString();
            return EntryIds.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private List<SourceRecord> toRecords(Collection<Map.Entry<String, List<StreamEntry>>> batches) {
        if (batches == null) {
            return List.of();
        }
        List<SourceRecord> records = new ArrayList<>();
        for (Map.Entry<String, List<StreamEntry>> batch : batches) {
            String stream = batch.getKey();
            for (StreamEntry entry : batch.getValue()) {
                SourceRecord record = StreamInfos.toRecord(converter, badEntries, stream, entry);
                if (record != null) {
                    records.add(record);
                }
                positions.put(stream, entry.getID());
            }
            metrics.entries().record(batch.getValue().size());
        }
        if (!records.isEmpty()) {
            log.debug("RedisStreamSourceConnector {}: read {} entries", config.connectorName(), records.size());
        }
        return records;
    }

    @Override
    public void refreshStats() {
        metrics.lagMs(StreamInfos.lagMs(session, positions));
    }
}
