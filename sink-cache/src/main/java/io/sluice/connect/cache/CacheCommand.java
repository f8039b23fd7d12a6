package io.sluice.connect.cache;

import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The Redis write one record becomes.
 *
 * @param record  the record, for errant-record reports and messages
 * @param kind    what to do
 * @param key     the Redis key
 * @param value   the string value for {@link Kind#SET}; null otherwise
 * @param fields  the hash fields for {@link Kind#HSET}; null otherwise
 * @param ttlMs   the TTL in milliseconds; {@link TtlPolicy#NONE} for none
 * @param expireAtMs the absolute expiry in epoch milliseconds, which Redis is given instead of {@code ttlMs} when
 *                the record set one ({@code ttl.field.type=expire_at}); 0 otherwise
 * @param version the newer-wins version; null when newer-wins is off or a tombstone has none
 */
record CacheCommand(SinkRecord record, Kind kind, byte[] key, byte[] value, Map<byte[], byte[]> fields, long ttlMs,
                    long expireAtMs, Long version) {

    /** @return whether the key expires: after {@link #ttlMs()}, or at {@link #expireAtMs()} */
    boolean expires() {
        return ttlMs > 0;
    }

    /** @return the expiry argument of SET: {@code PXAT} for an absolute expiry, else {@code PX} */
    String expiryUnit() {
        return expireAtMs > 0 ? "PXAT" : "PX";
    }

    /** @return the number that goes with {@link #expiryUnit()} */
    long expiryValue() {
        return expireAtMs > 0 ? expireAtMs : ttlMs;
    }

    /** The kind of write. */
    enum Kind {
        /** Store a string. */
        SET,
        /** Replace a hash. */
        HSET,
        /** Delete the key (a tombstone, or a record already past its expiry). */
        DELETE
    }
}
