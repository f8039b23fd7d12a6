package io.sluice.connect.postgres;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The position up to which an incremental split may be read without missing a row of a transaction that is still
 * open: the gap-free rule.
 *
 * <p>Each observation is taken in one statement, hence one snapshot S: the largest (cursor, key) position M visible
 * in S and the largest transaction id that S saw in progress. M becomes safe once every transaction that was in
 * progress at S, or at the next observation S' (at least the settle time later), has ended; that is known when a later
 * snapshot's xmin (the oldest transaction still running) is above all of them. Rows of those transactions are
 * visible by then, so reading up to M misses none of them. S' is included for a transaction that took its cursor
 * value (a {@code nextval}, a clock reading) before S but was assigned its transaction id, at its first write,
 * after S: if that write came within the settle time, by S' it is either committed (and visible) or in progress with
 * an id. Rows of every other
 * transaction are assumed to sort after M: see the README's "Delivery guarantees".
 *
 * <p>Positions are PostgreSQL text values that this class does not compare: a safe position is only ever used as
 * an upper bound of a query, so a smaller one (after a delete of the newest rows) merely delays reading.
 */
final class SnapshotWatermark {

    /** Observations kept at most; when more are waiting the oldest is dropped, which only delays reading. */
    static final int MAX_PENDING = 1000;

    private static final long NONE = Long.MIN_VALUE;

    /**
     * @param maxInProgress the largest transaction id in progress at the observation (and, once confirmed, at the
     *                      next one); {@link #NONE} when there was none
     * @param position      the newest position visible at the observation
     * @param observedMs    when it was observed
     * @param confirmed     whether the next observation has been taken
     */
    private record Pending(long maxInProgress, Position position, long observedMs, boolean confirmed) {
    }

    /**
     * A row position in text form.
     *
     * @param cursor the cursor values
     * @param key    the key values
     */
    record Position(List<String> cursor, List<String> key) {
    }

    private final Deque<Pending> pending = new ArrayDeque<>();
    private final long settleMs;
    private Position safe;
    /** When the oldest waiting observation was taken, or {@link #NONE}: kept apart for the gauge's thread. */
    private volatile long oldestObservedMs = NONE;

    /**
     * @param settleMs the least time between an observation and the later one that confirms it: a transaction that
     *                 took its cursor value up to this long before its first write is still waited for
     */
    SnapshotWatermark(long settleMs) {
        this.settleMs = settleMs;
    }

    /**
     * Records an observation. An observation taken sooner than the settle time after the last unconfirmed one only
     * adds its transactions in progress to that one, so a confirmation always comes at least the settle time later.
     *
     * @param xmin          the snapshot's xmin: every transaction below it has ended
     * @param maxInProgress the largest transaction id in progress in the snapshot, or null when there was none
     * @param newest        the newest position visible in the snapshot, or null when the split had no row
     * @param nowMs         when it was observed
     */
    void observe(long xmin, Long maxInProgress, Position newest, long nowMs) {
        long inProgress = maxInProgress == null ? NONE : maxInProgress;
        Pending last = pending.peekLast();
        boolean settling = false;
        if (last != null && !last.confirmed()) {
            settling = nowMs - last.observedMs() < settleMs;
            pending.removeLast();
            pending.addLast(new Pending(Math.max(last.maxInProgress(), inProgress), last.position(),
                    last.observedMs(), !settling));
        }
        while (!pending.isEmpty() && pending.peekFirst().confirmed() && pending.peekFirst().maxInProgress() < xmin) {
            safe = pending.removeFirst().position();
        }
        if (newest != null && !settling) {
            pending.addLast(new Pending(inProgress, newest, nowMs, false));
            if (pending.size() > MAX_PENDING) {
                pending.removeFirst();
            }
        }
        Pending oldest = pending.peekFirst();
        oldestObservedMs = oldest == null ? NONE : oldest.observedMs();
    }

    /** @return the newest position known to be safe, or null when none is yet */
    Position safe() {
        return safe;
    }

    /** @return how long the oldest waiting observation has waited, or 0; may be called from any thread */
    long waitingMs(long nowMs) {
        long oldest = oldestObservedMs;
        return oldest == NONE ? 0 : Math.max(0, nowMs - oldest);
    }
}
