package io.sluice.connect.common.errors;

/** What a source does with a record it cannot read or convert. */
public enum BadRecordPolicy {
    /** Stop the task with an error that names the record's location. */
    FAIL,
    /** Log the record's location and reason at WARN, count it, and continue. */
    SKIP,
    /** Send the raw record with headers naming its location and reason to the error topic, and continue. */
    ERROR_TOPIC
}
