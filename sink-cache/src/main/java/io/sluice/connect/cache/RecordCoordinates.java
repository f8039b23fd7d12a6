package io.sluice.connect.cache;

import org.apache.kafka.connect.sink.SinkRecord;

/** How messages name a record: its original topic, partition and offset, as a user finds it with a consumer. */
final class RecordCoordinates {

    private RecordCoordinates() {
    }

    /**
     * @param record a sink record
     * @return e.g. {@code topic 'users' partition 0 offset 42}
     */
    static String of(SinkRecord record) {
        return "topic '" + record.originalTopic() + "' partition " + record.originalKafkaPartition()
                + " offset " + record.originalKafkaOffset();
    }
}
