package io.sluice.connect.cache;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;

/** Sink records for unit tests. */
final class Records {

    private Records() {
    }

    static SinkRecord of(Object key, Object value) {
        return new SinkRecord("users", 3, null, key, null, value, 42L);
    }

    static SinkRecord of(Schema valueSchema, Object key, Object value) {
        return new SinkRecord("users", 3, null, key, valueSchema, value, 42L);
    }

    static SinkRecord withTimestamp(Object key, Object value, Long timestamp) {
        return new SinkRecord("users", 3, null, key, null, value, 42L, timestamp,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME);
    }
}
