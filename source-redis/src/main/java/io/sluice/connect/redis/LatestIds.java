package io.sluice.connect.redis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code start.id=latest} stands for: the last entry id of each stream that exists when the connector starts.
 * Looked up once by the connector (not by each task start), so that a task restarted before its first commit, a
 * stream found later or a group created again never skips entries.
 */
final class LatestIds {

    private static final Logger log = LoggerFactory.getLogger(LatestIds.class);

    private LatestIds() {
    }

    /**
     * @param config  the connector's config
     * @param streams the streams found at start
     * @return the last generated id by stream, for the streams that exist; retried on transient failures
     */
    static Map<String, StreamEntryID> resolve(RedisStreamSourceConfig config, List<String> streams) {
        if (streams.isEmpty()) {
            return Map.of();
        }
        try (RedisSession session = new RedisSession(config.endpoint(), config.connectorName() + "-start", 0,
                config.retryPolicy(), Clock.systemUTC())) {
            Map<String, StreamEntryID> ids = session.call("read the last entry ids of streams " + streams,
                    jedis -> lastIds(jedis, streams));
            log.info("RedisStreamSourceConnector {}: start.id=latest starts after {}; streams created later start "
                    + "at their first entry", config.connectorName(), ids);
            return ids;
        }
    }

    private static Map<String, StreamEntryID> lastIds(Jedis jedis, List<String> streams) {
        Map<String, StreamEntryID> ids = new TreeMap<>();
        for (String stream : streams) {
            try {
                ids.put(stream, jedis.xinfoStream(stream).getLastGeneratedId());
            } catch (JedisDataException e) {
                if (!StreamInfos.isMissing(e)) {
                    throw e;
                }
                // not created yet: every entry it will get is new
            }
        }
        return ids;
    }
}
