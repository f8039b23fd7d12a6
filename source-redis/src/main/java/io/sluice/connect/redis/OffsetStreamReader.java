package io.sluice.connect.redis;

import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
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
    private final List<String> streams;
    private final RedisSession session;
    private final EntryConverter converter;
    private final BadEntryHandler badEntries;
    private final RedisStreamMetrics metrics;
    /** The last entry id read per stream; absent while a 'latest' start is not yet resolved. */
    private final Map<String, StreamEntryID> positions = new LinkedHashMap<>();

    OffsetStreamReader(RedisStreamSourceConfig config, List<String> streams, RedisSession session,
                       EntryConverter converter, BadEntryHandler badEntries, RedisStreamMetrics metrics,
                       OffsetStorageReader offsets) {
        this.config = config;
        this.streams = List.copyOf(streams);
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
                log.info("RedisStreamSourceConnector {}: stream '{}' resumes after entry {}", config.connectorName(),
                        stream, positions.get(stream));
            } else if (config.startPosition().earliest()) {
                positions.put(stream, EntryIds.ZERO);
            } else if (config.startPosition().id() != null) {
                positions.put(stream, config.startPosition().id());
            }
        }
    }

    @Override
    public List<SourceRecord> poll() {
        if (streams.isEmpty()) {
            return List.of();
        }
        resolveLatest();
        Map<String, StreamEntryID> from = new LinkedHashMap<>(positions);
        List<Map.Entry<String, List<StreamEntry>>> batches = session.call("read streams " + from.keySet(),
                jedis -> jedis.xread(XReadParams.xReadParams().count(config.batchSize()).block(config.pollBlockMs()),
                        from));
        return toRecords(batches);
    }

    /** 'latest' means after the newest entry present when the stream is first seen, fixed before reading. */
    private void resolveLatest() {
        for (String stream : streams) {
            if (!positions.containsKey(stream)) {
                StreamEntryID last = session.call("read the last id of stream '" + stream + "'", jedis ->
                        jedis.exists(stream) ? jedis.xinfoStream(stream).getLastGeneratedId() : EntryIds.ZERO);
                positions.put(stream, last);
            }
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
                Map<String, Object> offset = new StreamOffset(entry.getID()).toMap();
                try {
                    records.add(converter.convert(stream, entry, offset));
                } catch (BadEntryException e) {
                    SourceRecord error = badEntries.handle(stream, entry, offset, e);
                    if (error != null) {
                        records.add(error);
                    }
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
        long lag = 0;
        for (Map.Entry<String, StreamEntryID> position : new ArrayList<>(positions.entrySet())) {
            StreamInfo info = session.callOnce(jedis ->
                    jedis.exists(position.getKey()) ? jedis.xinfoStream(position.getKey()) : null);
            if (info != null && info.getLastGeneratedId() != null
                    && info.getLastGeneratedId().compareTo(position.getValue()) > 0) {
                lag = Math.max(lag, info.getLastGeneratedId().getTime() - position.getValue().getTime());
            }
        }
        metrics.lagMs(lag);
    }
}
