package io.sluice.connect.cache;

import io.sluice.connect.common.errors.Retrier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one {@code put()} batch: maps each record to its write (bad ones to the {@link BadRecordHandler}), sends
 * them in one pipeline, and retries transient failures with backoff; when the attempts are used up the
 * {@link Retrier} throws Connect's {@code RetriableException}, and the worker delivers the batch again.
 */
final class CacheWriter {

    private static final Logger log = LoggerFactory.getLogger(CacheWriter.class);

    private final RecordMapper mapper;
    private final PipelineWriter pipeline;
    private final Retrier retrier;
    private final BadRecordHandler badRecords;
    private final CacheSinkMetrics metrics;
    private final WriteStatus status;
    private final String target;

    CacheWriter(RecordMapper mapper, PipelineWriter pipeline, Retrier retrier, BadRecordHandler badRecords,
                CacheSinkMetrics metrics, WriteStatus status, String target) {
        this.mapper = mapper;
        this.pipeline = pipeline;
        this.retrier = retrier;
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
            } catch (RuntimeException e) {
                status.failed(e.getMessage());
                throw e;
            }
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            metrics.batch(elapsedMs);
            status.succeeded();
            log.debug("Wrote {} of {} records to Redis at {} in one pipeline in {} ms", commands.size(),
                    records.size(), target, elapsedMs);
        }
        badRecords.finishBatch();
    }
}
