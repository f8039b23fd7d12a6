package io.sluice.connect.cache;

import io.sluice.connect.common.errors.Retrier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one {@code put()} batch: maps each record to its write (bad ones to the {@link BadRecordHandler}), sends
 * them in one pipeline, and retries transient failures a few times with short waits; when those attempts are used
 * up the {@link Retrier} throws Connect's {@code RetriableException}, the {@link RedeliveryBackoff} asks the worker
 * to wait, and the worker delivers the batch again.
 */
final class CacheWriter {

    private static final Logger log = LoggerFactory.getLogger(CacheWriter.class);

    private final RecordMapper mapper;
    private final PipelineWriter pipeline;
    private final Retrier retrier;
    private final RedeliveryBackoff redelivery;
    private final BadRecordHandler badRecords;
    private final CacheSinkMetrics metrics;
    private final Supplier<WriteStatus> status;
    private final String target;

    /**
     * @param retrier    retries within one {@code put()}; its policy keeps to a short budget
     *                   ({@link RedeliveryBackoff#inPut})
     * @param redelivery spaces the deliveries of a batch that keeps failing
     * @param status     the connector's current status, looked up per batch: a connector restarted on its own
     *                   starts a new one, which the running tasks must report to
     */
    CacheWriter(RecordMapper mapper, PipelineWriter pipeline, Retrier retrier, RedeliveryBackoff redelivery,
                BadRecordHandler badRecords, CacheSinkMetrics metrics, Supplier<WriteStatus> status,
                String target) {
        this.mapper = mapper;
        this.pipeline = pipeline;
        this.retrier = retrier;
        this.redelivery = redelivery;
        this.badRecords = badRecords;
        this.metrics = metrics;
        this.status = status;
        this.target = target;
    }

    void write(Collection<SinkRecord> records) {
        badRecords.startBatch();
        List<CacheCommand> commands = new ArrayList<>(records.size());
        for (SinkRecord record : records) {
            try {
                commands.add(mapper.map(record));
            } catch (BadRecordException e) {
                badRecords.report(record, e.getMessage());
            } catch (RuntimeException e) {
                // a value no rule foresaw (a type outside Connect data, say) is this record's problem alone
                badRecords.report(record, "cannot turn it into a Redis write: " + e);
            }
        }
        if (!commands.isEmpty()) {
            long start = System.nanoTime();
            AtomicReference<List<CacheCommand>> pending = new AtomicReference<>(commands);
            try {
                retrier.run("write " + commands.size() + " records to Redis at " + target, () -> {
                    PipelineWriter.Attempt attempt = pipeline.write(pending.get());
                    metrics.attempt(attempt);
                    for (PipelineWriter.Failure failure : attempt.failed()) {
                        badRecords.report(failure.command().record(), "Redis refused the write to key '"
                                + new String(failure.command().key(), StandardCharsets.UTF_8) + "': "
                                + failure.error().getMessage() + ". Fix or delete that key (a version marker "
                                + "ends with newer.wins.marker.suffix), or change key.template");
                    }
                    pending.set(attempt.retry());
                    if (!attempt.retry().isEmpty()) {
                        throw new RedisErrors.TransientReplyException(attempt.retry().size(), attempt.retryCause());
                    }
                });
            } catch (RetriableException e) {
                status.get().failed(e.getMessage());
                long waitMs = redelivery.failed();
                log.warn("{}; Connect delivers the batch again in {} ms", e.getMessage(), waitMs);
                throw e;
            } catch (RuntimeException e) {
                status.get().failed(e.getMessage());
                throw e;
            }
            redelivery.succeeded();
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            metrics.batch(elapsedMs);
            status.get().succeeded();
            log.debug("Wrote {} of {} records to Redis at {} in one pipeline in {} ms", commands.size(),
                    records.size(), target, elapsedMs);
        }
        badRecords.finishBatch();
    }
}
