package io.sluice.connect.redis;

import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamGroupInfo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code delivery.mode=group}: one consumer of the group per task, named {@code <connector>-<task>} so that a
 * restarted task finds its own pending entries.
 *
 * <ul>
 *   <li>The group is created where missing ({@code XGROUP CREATE ... MKSTREAM} at {@code start.id}).</li>
 *   <li>The consumer's own pending entries are read first ({@code XREADGROUP} from id 0 until none is left), then new
 *       ones ({@code >}). After a lost connection it reads its pending entries after the last one it handed out
 *       again, which recovers entries whose delivery reply was lost.</li>
 *   <li>An entry is acknowledged ({@code XACK}, batched per stream) only once Kafka acknowledged its record.</li>
 *   <li>Every {@code group.claim.interval.ms} it takes over ({@code XAUTOCLAIM}) entries idle longer than
 *       {@code group.claim.min.idle.ms}, so a dead consumer's entries are delivered again.</li>
 * </ul>
 */
final class GroupStreamReader implements StreamReader {

    private static final Logger log = LoggerFactory.getLogger(GroupStreamReader.class);
    private static final int MAX_CLAIM_ROUNDS = 10;

    private final RedisStreamSourceConfig config;
    private final TaskAssignment assignment;
    private final List<String> streams;
    private final String group;
    private final String consumer;
    private final RedisSession session;
    private final EntryConverter converter;
    private final BadEntryHandler badEntries;
    private final RedisStreamMetrics metrics;
    private final Clock clock;
    private final PendingAcks acks = new PendingAcks();
    /**
     * Entries handed to Connect and not yet acknowledged by Kafka (filled on the poll thread, emptied from the
     * producer's): XAUTOCLAIM also returns this consumer's own entries once idle, which must not be sent twice.
     */
    private final Set<PendingAcks.Ack> inFlight = ConcurrentHashMap.newKeySet();
    /** Streams whose own pending entries are still being read, with the id to read after. */
    private final Map<String, StreamEntryID> history = new LinkedHashMap<>();
    /** The highest id handed out per stream. */
    private final Map<String, StreamEntryID> highest = new HashMap<>();
    private long connectionSeen = -1;
    /** Set once a group was found missing: groups created from then on start at 0-0, whatever start.id says. */
    private boolean groupLost;
    private long nextClaimMs;

    GroupStreamReader(RedisStreamSourceConfig config, TaskAssignment assignment, String consumer,
                      RedisSession session, EntryConverter converter, BadEntryHandler badEntries,
                      RedisStreamMetrics metrics, Clock clock) {
        this.config = config;
        this.assignment = assignment;
        this.streams = assignment.streams();
        this.group = config.groupName();
        this.consumer = consumer;
        this.session = session;
        this.converter = converter;
        this.badEntries = badEntries;
        this.metrics = metrics;
        this.clock = clock;
        this.streams.forEach(s -> history.put(s, EntryIds.ZERO));
        nextClaimMs = clock.millis() + config.claimIntervalMs();
    }

    /** @return the consumer name of task {@code task} of connector {@code connector} */
    static String consumerName(String connector, int task) {
        return connector + "-" + task;
    }

    @Override
    public List<SourceRecord> poll() {
        if (streams.isEmpty()) {
            return List.of();
        }
        acks.flush(session, group);
        if (clock.millis() >= nextClaimMs) {
            nextClaimMs = clock.millis() + config.claimIntervalMs();
            List<SourceRecord> claimed = session.call("reclaim idle entries", this::reclaim);
            if (!claimed.isEmpty()) {
                return claimed;
            }
        }
        return session.call("read streams " + streams + " as " + consumer + " in group '" + group + "'",
                this::read);
    }

    /** Creates missing groups on a new connection, and rereads what the lost one may have delivered. */
    private void prepare(Jedis jedis) {
        long count = session.connectionCount();
        if (count == connectionSeen) {
            return;
        }
        for (String stream : streams) {
            createGroup(jedis, stream);
        }
        if (connectionSeen >= 0) {
            for (String stream : streams) {
                history.putIfAbsent(stream, highest.getOrDefault(stream, EntryIds.ZERO));
            }
            log.info("RedisStreamSourceConnector {}: reconnected; {} reads its pending entries again",
                    config.connectorName(), consumer);
        }
        connectionSeen = count;
    }

    /**
     * Creates the group where missing: at the id {@code start.id} stands for, or at 0-0 once a group was lost, since
     * every entry of a stream created again is new to the connector.
     */
    private void createGroup(Jedis jedis, String stream) {
        StreamEntryID id = groupLost ? EntryIds.ZERO : assignment.startAfter(stream, config.startPosition());
        try {
            jedis.xgroupCreate(stream, group, id, true);
            log.info("RedisStreamSourceConnector {}: created consumer group '{}' on stream '{}' after entry {}",
                    config.connectorName(), group, stream, id);
        } catch (JedisDataException e) {
            if (!"BUSYGROUP".equals(RedisErrors.firstWord(e))) {
                throw e;
            }
        }
    }

    private List<SourceRecord> read(Jedis jedis) {
        prepare(jedis);
        Map<String, StreamEntryID> from = new LinkedHashMap<>();
        for (String stream : streams) {
            from.put(stream, history.getOrDefault(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        }
        XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(config.batchSize());
        if (history.isEmpty()) {
            // reading history answers at once; only new entries are worth waiting for
            params.block(config.pollBlockMs());
        }
        List<Map.Entry<String, List<StreamEntry>>> batches;
        try {
            batches = jedis.xreadGroup(group, consumer, params, from);
        } catch (JedisDataException e) {
            if ("NOGROUP".equals(RedisErrors.firstWord(e))) {
                // the stream or group was deleted (or Redis lost it): create it again on the next poll
                log.warn("RedisStreamSourceConnector {}: {}; creating the group again at 0-0, so that no entry of "
                        + "the stream created again is skipped", config.connectorName(), e.getMessage());
                groupLost = true;
                connectionSeen = -2;
                return List.of();
            }
            throw e;
        }
        List<SourceRecord> records = new ArrayList<>();
        if (batches != null) {
            for (Map.Entry<String, List<StreamEntry>> batch : batches) {
                String stream = batch.getKey();
                List<StreamEntry> entries = batch.getValue();
                if (history.containsKey(stream)) {
                    if (entries.isEmpty()) {
                        history.remove(stream);
                    } else {
                        history.put(stream, entries.get(entries.size() - 1).getID());
                    }
                }
                records.addAll(toRecords(stream, entries));
            }
        }
        return records;
    }

    private List<SourceRecord> reclaim(Jedis jedis) {
        prepare(jedis);
        List<SourceRecord> records = new ArrayList<>();
        for (String stream : streams) {
            StreamEntryID start = EntryIds.ZERO;
            for (int round = 0; round < MAX_CLAIM_ROUNDS; round++) {
                Map.Entry<StreamEntryID, List<StreamEntry>> claimed = jedis.xautoclaim(stream, group, consumer,
                        config.claimMinIdleMs(), start, XAutoClaimParams.xAutoClaimParams().count(config.batchSize()));
                List<StreamEntry> entries = claimed.getValue().stream()
                        .filter(e -> !inFlight.contains(new PendingAcks.Ack(stream, e.getID()))).toList();
                if (!entries.isEmpty()) {
                    log.info("RedisStreamSourceConnector {}: {} reclaimed {} entries of stream '{}' idle for over "
                            + "{} ms", config.connectorName(), consumer, entries.size(), stream,
                            config.claimMinIdleMs());
                    metrics.reclaimed().add(entries.size());
                    records.addAll(toRecords(stream, entries));
                }
                start = claimed.getKey();
                if (start == null || EntryIds.ZERO.equals(start)) {
                    break;
                }
            }
        }
        return records;
    }

    private List<SourceRecord> toRecords(String stream, List<StreamEntry> entries) {
        List<SourceRecord> records = new ArrayList<>(entries.size());
        for (StreamEntry entry : entries) {
            StreamEntryID id = entry.getID();
            highest.merge(stream, id, (a, b) -> a.compareTo(b) >= 0 ? a : b);
            if (entry.getFields() == null) {
                // deleted (XDEL) after it was delivered: nothing to send, but it must leave the pending list
                acks.add(stream, id);
                continue;
            }
            SourceRecord record = StreamInfos.toRecord(converter, badEntries, stream, entry);
            if (record == null) {
                acks.add(stream, id);
            } else {
                inFlight.add(new PendingAcks.Ack(stream, id));
                records.add(record);
            }
        }
        metrics.entries().record(entries.size());
        if (!records.isEmpty()) {
            log.debug("RedisStreamSourceConnector {}: {} read {} entries of stream '{}'", config.connectorName(),
                    consumer, records.size(), stream);
        }
        return records;
    }

    @Override
    public void committed(SourceRecord record) {
        Object id = record.sourceOffset() == null ? null : record.sourceOffset().get(StreamOffset.ID_KEY);
        Object stream = record.sourcePartition() == null ? null
                : record.sourcePartition().get(StreamPartition.STREAM_KEY);
        if (id != null && stream != null) {
            StreamEntryID entryId = EntryIds.parse(id.toString());
            acks.add(stream.toString(), entryId);
            inFlight.remove(new PendingAcks.Ack(stream.toString(), entryId));
        }
    }

    @Override
    public void finish() {
        acks.flushOnce(session, group);
    }

    @Override
    public void stopped() {
        int unacknowledged = acks.size();
        int unsent = inFlight.size();
        if (unacknowledged + unsent > 0) {
            log.warn("RedisStreamSourceConnector {}: {} stopped with {} entries Kafka has but Redis was not told "
                    + "(XACK) and {} entries Kafka had not confirmed; they stay pending in group '{}' and are "
                    + "delivered again when the task restarts", config.connectorName(), consumer, unacknowledged,
                    unsent, group);
        }
    }

    @Override
    public void refreshStats() {
        long pending = 0;
        for (String stream : streams) {
            Map<String, Long> byConsumer = session.callOnce(jedis ->
                    jedis.xpending(stream, group).getConsumerMessageCount());
            pending += byConsumer == null ? 0 : byConsumer.getOrDefault(consumer, 0L);
        }
        metrics.pending(pending);
        metrics.lagMs(StreamInfos.lagMs(session, highest));
        metrics.lagEntries(groupLag());
    }

    /** The sum of the group's lag over the streams, from XINFO GROUPS (Redis 7+); null when not reported. */
    private Long groupLag() {
        long sum = 0;
        for (String stream : streams) {
            for (StreamGroupInfo info : session.callOnce(jedis -> jedis.xinfoGroups(stream))) {
                if (info.getName().equals(group)) {
                    Object lag = info.getGroupInfo().get("lag");
                    if (!(lag instanceof Number n)) {
                        return null;
                    }
                    sum += n.longValue();
                }
            }
        }
        return sum;
    }
}
