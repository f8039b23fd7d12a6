package io.sluice.connect.redis;

/** How a task reads its streams and where the position it resumes at lives. */
public enum DeliveryMode {
    /**
     * No consumer group: {@code XREAD} from the last entry id kept in Connect's offsets. Exactly once with
     * {@code exactly.once.source.support=enabled}.
     */
    OFFSET,
    /**
     * A consumer group: {@code XREADGROUP}, one consumer per task, {@code XACK} once Kafka has the record, pending
     * entries of dead consumers reclaimed with {@code XAUTOCLAIM}. At least once.
     */
    GROUP
}
