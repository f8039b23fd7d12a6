package io.sluice.connect.redis;

import org.apache.kafka.common.config.ConfigException;
import redis.clients.jedis.StreamEntryID;

import java.util.Locale;

/**
 * Where reading starts when nothing was read before: the first entry of a stream that has no committed offset
 * (offset mode), or the id a new consumer group is created at (group mode).
 *
 * @param earliest whether to start before the first entry
 * @param latest   whether to start after the last entry present at start
 * @param id       an explicit id to start after; null unless neither earliest nor latest
 */
public record StartPosition(boolean earliest, boolean latest, StreamEntryID id) {

    static final String EARLIEST = "earliest";
    static final String LATEST = "latest";

    /**
     * @param key   the config key, for the error
     * @param value {@code earliest}, {@code latest} or an entry id such as {@code 1700000000000-0}
     * @return the position
     * @throws ConfigException naming the key and the accepted forms
     */
    public static StartPosition parse(String key, String value) {
        String text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (text.equals(EARLIEST) || text.equals("0") || text.equals("0-0")) {
            return new StartPosition(true, false, null);
        }
        if (text.equals(LATEST) || text.equals("$")) {
            return new StartPosition(false, true, null);
        }
        try {
            return new StartPosition(false, false, EntryIds.parse(text));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, value, "must be 'earliest', 'latest' or an entry id such as "
                    + "1700000000000-0");
        }
    }

    @Override
    public String toString() {
        return earliest ? EARLIEST : latest ? LATEST : id.toString();
    }
}
