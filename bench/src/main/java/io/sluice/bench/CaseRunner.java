package io.sluice.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one case on a fresh topic and times it: from {@link BenchCase#start} until the topic's end
 * offset, polled through the Admin client, reaches the expected count (or, within the case's tail
 * tolerance of it, stops growing; the time is then taken at its last growth).
 */
public final class CaseRunner {

    // Fine enough for runs of seconds, coarse enough that polling costs the broker nothing.
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int SAMPLE_RECORDS = 1000;
    // A case short of its total by no more than its tail tolerance is done once the topic stops
    // growing for this long; its time is taken at the last growth.
    private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(3);

    private final BenchCluster cluster;
    private final Duration timeout;
    private final PrintStream log;
    private final AtomicInteger topics = new AtomicInteger();

    /** A runner on {@code cluster} giving each case at most {@code timeout}, reporting to {@code log}. */
    public CaseRunner(BenchCluster cluster, Duration timeout, PrintStream log) {
        this.cluster = cluster;
        this.timeout = timeout;
        this.log = log;
    }

    /** Runs {@code c} at {@code settings}; a failure of the case is reported in the result. */
    public CaseResult run(BenchCase c, ProducerSettings settings) throws Exception {
        String name = c.kind().label() + "-" + settings.label();
        String topic = "bench-" + name + "-" + topics.incrementAndGet();
        cluster.createTopic(topic);
        log.printf(Locale.ROOT, "%s: started at %s (%s; %s)%n", name, LocalTime.now().withNano(0),
            settings.describe(), c.description());
        long start = System.nanoTime();
        Progress p = new Progress(start);
        try {
            c.start(topic);
            await(c, name, topic, p);
        } catch (RuntimeException e) {
            p.failure = c.kind().label() + " could not start: " + e;
        }
        c.stop();
        BenchCluster.RecordSample sample = cluster.sample(topic, SAMPLE_RECORDS);
        cluster.deleteTopic(topic);
        CaseResult result = new CaseResult(c.kind(), settings, c.description(), c.expectedRecords(),
            c.expectedRecords() - c.tailTolerance(), p.reached, p.lastGrowth - start,
            p.first < 0 ? -1 : p.first - start, sample.avgValueBytes(), sample.avgHeaderBytes(), p.failure);
        log.printf(Locale.ROOT, "%s: ended at %s%n", name, LocalTime.now().withNano(0));
        report(name, result, sample);
        return result;
    }

    private void await(BenchCase c, String name, String topic, Progress p) throws Exception {
        long minimum = c.expectedRecords() - c.tailTolerance();
        long deadline = p.start + timeout.toNanos();
        long nextProgress = p.start + PROGRESS_NANOS;
        while (p.reached < c.expectedRecords()) {
            Optional<String> failed = c.failure();
            if (failed.isPresent()) {
                p.failure = failed.get();
                return;
            }
            long now = System.nanoTime();
            if (now > deadline || p.reached >= minimum && now - p.lastGrowth > SETTLE_NANOS) {
                return;
            }
            if (now > nextProgress) {
                log.printf(Locale.ROOT, "%s: %,d of %,d records after %.0f s%n",
                    name, p.reached, c.expectedRecords(), (now - p.start) / 1e9);
                nextProgress = now + PROGRESS_NANOS;
            }
            LockSupport.parkNanos(POLL_NANOS);
            long reached = cluster.endOffset(topic);
            if (reached > p.reached) {
                p.lastGrowth = System.nanoTime();
                p.first = p.first < 0 ? p.lastGrowth : p.first;
                p.reached = reached;
            }
        }
    }

    /** What the end-offset polling has seen of one case. */
    private static final class Progress {
        final long start;
        long first = -1;
        long lastGrowth;
        long reached;
        String failure;

        Progress(long start) {
            this.start = start;
            this.lastGrowth = start;
        }
    }

    private void report(String name, CaseResult r, BenchCluster.RecordSample sample) {
        if (r.completed()) {
            log.printf(Locale.ROOT, "%s: %,d records in %.2f s = %,.0f records/s (first record after %.2f s)%n",
                name, r.reached(), r.seconds(), r.recordsPerSecond(), r.firstRecordNanos() / 1e9);
        } else if (r.failure() != null) {
            log.printf(Locale.ROOT, "%s: FAILED after %,d records: %s%n", name, r.reached(), r.failure());
        } else {
            log.printf(Locale.ROOT, "%s: TIMED OUT with %,d of %,d records%n", name, r.reached(), r.expected());
        }
        if (sample.example() != null) {
            String ex = sample.example();
            log.printf(Locale.ROOT, "%s: example value (%d bytes): %s%n", name, ex.length(),
                ex.length() > 300 ? ex.substring(0, 300) + "..." : ex);
        }
    }
}
