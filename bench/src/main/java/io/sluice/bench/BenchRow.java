package io.sluice.bench;

/**
 * One measured case of a benchmark whose cases are set against named baselines.
 *
 * @param part the part of the benchmark (source, sink, insert, upsert, ...)
 * @param label the case
 * @param settings what it ran with, for the table
 * @param records records it moved
 * @param seconds how long it took
 * @param baseline the label of the baseline it is compared to (the one measured last before it), or null
 * @param failure why it did not complete, or null
 */
public record BenchRow(String part, String label, String settings, long records, double seconds, String baseline,
                       String failure) {

    /** Records per second; 0 for a case that did not complete. */
    public double perSecond() {
        return failure == null && seconds > 0 ? records / seconds : 0;
    }
}
