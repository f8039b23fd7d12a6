package io.sluice.connect.redis;

import org.apache.kafka.connect.source.SourceRecord;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.resps.StreamEntry;

import java.util.ArrayList;
import java.util.Map;

/** What both readers share: turning an entry into its record, and the lag gauge from XINFO STREAM. */
final class StreamInfos {

    private StreamInfos() {
    }

    /**
     * @param e a failed XINFO or XPENDING
     * @return whether it failed because the stream does not exist
     */
    static boolean isMissing(JedisDataException e) {
        return e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("no such key");
    }

    /**
     * @param converter  the entry converter
     * @param badEntries the policy for entries that cannot be converted
     * @param stream     the stream key
     * @param entry      the entry
     * @return its record, the error-topic record of a bad entry, or null when the policy skips it
     */
    static SourceRecord toRecord(EntryConverter converter, BadEntryHandler badEntries, String stream,
                                 StreamEntry entry) {
        Map<String, Object> offset = new StreamOffset(entry.getID()).toMap();
        try {
            return converter.convert(stream, entry, offset);
        } catch (BadEntryException e) {
            return badEntries.handle(stream, entry, offset, e);
        }
    }

    /**
     * The milliseconds between the newest entry of each stream and the entry read last, at most over the streams;
     * a missing stream fails the refresh (the caller keeps the last values).
     *
     * @param session   the task's session
     * @param positions the last id read by stream
     * @return the lag in milliseconds
     */
    static long lagMs(RedisSession session, Map<String, StreamEntryID> positions) {
        long lag = 0;
        for (Map.Entry<String, StreamEntryID> position : new ArrayList<>(positions.entrySet())) {
            StreamEntryID last = session.callOnce(jedis -> jedis.xinfoStream(position.getKey()).getLastGeneratedId());
            if (last != null && last.compareTo(position.getValue()) > 0) {
                lag = Math.max(lag, last.getTime() - position.getValue().getTime());
            }
        }
        return lag;
    }

    /**
     * Whether a committed offset still fits its stream, for a task about to resume after it.
     *
     * @param stream     the stream key
     * @param offset     the committed offset: the last entry read
     * @param first      the stream's first entry now, or null when it is empty
     * @param last       the stream's last generated id
     * @param maxDeleted the highest deleted id (Redis 7+), or null when not reported
     * @return what went wrong and what to do, for a WARN; null when the offset fits
     */
    static String resumeProblem(String stream, StreamEntryID offset, StreamEntryID first, StreamEntryID last,
                                StreamEntryID maxDeleted) {
        if (last != null && last.compareTo(offset) < 0) {
            return "stream '" + stream + "' ends at " + last + ", before the committed offset " + offset + ": it was "
                    + "deleted and created again, and its entries up to " + offset + " will be skipped. To read "
                    + "them, stop the connector and reset the offset of {\"stream\": \"" + stream + "\"} (DELETE "
                    + "/connectors/<name>/offsets)";
        }
        // a trim up to the offset itself loses nothing; Redis 7 tells it apart through the highest deleted id
        boolean deletedAfter = maxDeleted == null || maxDeleted.compareTo(offset) > 0;
        if (first != null && first.compareTo(offset) > 0 && deletedAfter) {
            return "stream '" + stream + "' now starts at " + first + ", after the committed offset " + offset
                    + ": entries between them were trimmed (XTRIM/MAXLEN) or deleted before they were read and are "
                    + "not delivered. Keep the stream longer than the connector may lag behind, or check that they "
                    + "were removed on purpose";
        }
        return null;
    }
}
