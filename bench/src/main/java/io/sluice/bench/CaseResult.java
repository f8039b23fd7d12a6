package io.sluice.bench;

/**
 * What one case measured.
 *
 * @param kind the case
 * @param settings the producer settings it ran at
 * @param description its other settings
 * @param expected records the topic had to reach
 * @param minimum records the topic had to reach at least (see {@link BenchCase#tailTolerance()})
 * @param reached records the topic held when the case ended
 * @param elapsedNanos from the start (connector creation, or the producer's creation) until the
 *     topic last grew
 * @param firstRecordNanos from the start until the first record was visible; -1 if none was
 * @param avgValueBytes average value size of the first records
 * @param avgHeaderBytes average size of their headers (keys and values)
 * @param failure why the case did not complete, or null
 */
public record CaseResult(BenchCase.Kind kind, ProducerSettings settings, String description, long expected,
                         long minimum, long reached, long elapsedNanos, long firstRecordNanos, double avgValueBytes,
                         double avgHeaderBytes, String failure) {

    /** @return of two runs of a case, the faster; a completed run beats one that did not complete */
    public static CaseResult faster(CaseResult a, CaseResult b) {
        if (a.completed() != b.completed()) {
            return a.completed() ? a : b;
        }
        return b.recordsPerSecond() > a.recordsPerSecond() ? b : a;
    }

    /** Whether the records it had to send reached the topic. */
    public boolean completed() {
        return failure == null && reached >= minimum;
    }

    /** Records that reached the topic over the elapsed time; 0 for a case that did not complete. */
    public double recordsPerSecond() {
        return completed() && elapsedNanos > 0 ? reached * 1e9 / elapsedNanos : 0;
    }

    /**
     * Records over the time from the first record to the last: the rate once the connector has
     * started, found the file and produced its first batch.
     */
    public double steadyRecordsPerSecond() {
        long span = elapsedNanos - firstRecordNanos;
        return completed() && firstRecordNanos >= 0 && span > 0 ? reached * 1e9 / span : 0;
    }

    /** The elapsed time in seconds. */
    public double seconds() {
        return elapsedNanos / 1e9;
    }
}
