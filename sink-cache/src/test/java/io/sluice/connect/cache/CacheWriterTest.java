package io.sluice.connect.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.connect.common.errors.Retrier;
import io.sluice.connect.common.errors.RetryPolicy;
import io.sluice.connect.common.metrics.SluiceMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/** The loss, retry and dead-letter decisions of one {@code put()}, against a scripted pipeline. */
class CacheWriterTest {

    private static final String CONNECTOR = "cache-writer-test";
    /** The configured policy: 10 attempts, backoff 2 s doubling to 30 s, no jitter so waits are exact. */
    private static final RetryPolicy CONFIGURED = RetryPolicy.builder().maxAttempts(10)
            .initialBackoff(Duration.ofSeconds(2)).maxBackoff(Duration.ofSeconds(30)).jitter(0).build();

    private final List<Duration> sleeps = new ArrayList<>();
    private final List<Long> timeouts = new ArrayList<>();
    private final List<SinkRecord> reported = new ArrayList<>();
    private final List<List<CacheCommand>> sent = new ArrayList<>();
    private final Deque<Function<List<CacheCommand>, PipelineWriter.Attempt>> replies = new ArrayDeque<>();
    private final CacheSinkMetrics metrics = new CacheSinkMetrics(SluiceMetrics.local());

    @AfterEach
    void forgetStatus() {
        metrics.close();
        WriteStatus.remove(CONNECTOR);
    }

    /** A pipeline that records what it is sent and answers with the next scripted reply. */
    private final PipelineWriter pipeline = new PipelineWriter(null, null) {
        @Override
        Attempt write(List<CacheCommand> commands) {
            sent.add(List.copyOf(commands));
            return replies.removeFirst().apply(commands);
        }
    };

    private CacheWriter writer(ErrantRecordReporter reporter) {
        Retrier retrier = new Retrier(RedeliveryBackoff.inPut(CONFIGURED), Clock.systemUTC(), sleeps::add,
                new SplittableRandom(1), RedisErrors::classify);
        RedeliveryBackoff redelivery = new RedeliveryBackoff(CONFIGURED, new SplittableRandom(1), timeouts::add);
        RecordMapper mapper = new RedisCacheSinkConfig(Map.of("name", CONNECTOR, "key.template", "k:${key}"))
                .recordMapper(Clock.systemUTC());
        return new CacheWriter(mapper, pipeline, retrier, redelivery,
                new BadRecordHandler(CONNECTOR, reporter, metrics), metrics, () -> WriteStatus.of(CONNECTOR), "test");
    }

    private ErrantRecordReporter reporting(Future<Void> outcome) {
        return (record, error) -> {
            reported.add(record);
            return outcome;
        };
    }

    private static List<SinkRecord> records(int count) {
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(Records.of("k" + i, "v" + i));
        }
        return records;
    }

    private static PipelineWriter.Attempt allWritten(List<CacheCommand> commands) {
        return new PipelineWriter.Attempt(commands.size(), 0, 0, List.of(), List.of(), null);
    }

    @Test
    void transientFailuresSpendAShortBudgetInPutThenLeaveTheBackoffToTheWorker() {
        for (int i = 0; i < 6; i++) {
            replies.add(commands -> {
                throw new JedisConnectionException("Connection refused");
            });
        }
        replies.add(CacheWriterTest::allWritten);
        replies.add(commands -> {
            throw new JedisConnectionException("Connection refused");
        });
        replies.add(commands -> {
            throw new JedisConnectionException("Connection refused");
        });
        replies.add(commands -> {
            throw new JedisConnectionException("Connection refused");
        });
        CacheWriter writer = writer(reporting(CompletableFuture.completedFuture(null)));
        List<SinkRecord> batch = records(2);

        assertThatThrownBy(() -> writer.write(batch)).isInstanceOf(RetriableException.class)
                .hasMessageContaining("after 3 attempts");
        assertThat(sent).as("attempts within one put()").hasSize(3);
        assertThat(sleeps).as("short waits within put()").containsExactly(Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        assertThat(timeouts).as("the worker waits the configured initial backoff").containsExactly(2_000L);
        assertThat(WriteStatus.of(CONNECTOR).currentError()).contains("Connection refused");

        assertThatThrownBy(() -> writer.write(batch)).isInstanceOf(RetriableException.class);
        assertThat(timeouts).as("then longer, as configured").containsExactly(2_000L, 4_000L);

        writer.write(batch);
        assertThat(sent).hasSize(7);
        assertThat(WriteStatus.of(CONNECTOR).currentError()).isNull();
        assertThatThrownBy(() -> writer.write(batch)).isInstanceOf(RetriableException.class);
        assertThat(timeouts).as("a success starts the backoff again").containsExactly(2_000L, 4_000L, 2_000L);
        assertThat(reported).isEmpty();
    }

    @Test
    void aServerWideRefusalFailsTheTaskAtOnceAndReportsNoRecord() {
        replies.add(commands -> {
            throw RedisErrors.serverRefusal(new JedisAccessControlException("NOPERM this user has no permissions "
                    + "to run the 'set' command"), "redis://cache:6379");
        });
        CacheWriter writer = writer(reporting(CompletableFuture.completedFuture(null)));

        assertThatThrownBy(() -> writer.write(records(3))).isInstanceOf(ConnectException.class)
                .isNotInstanceOf(RetriableException.class).hasMessageContaining("NOPERM")
                .hasMessageContaining("ACL SETUSER");
        assertThat(sent).hasSize(1);
        assertThat(reported).isEmpty();
        assertThat(timeouts).isEmpty();
    }

    @Test
    void aValueOutsideConnectDataIsABadRecordNotATaskFailure() {
        replies.add(CacheWriterTest::allWritten);
        CacheWriter writer = writer(reporting(CompletableFuture.completedFuture(null)));
        SinkRecord odd = Records.of("odd", Map.of("initial", 'x'));

        writer.write(List.of(Records.of("a", "1"), odd, Records.of("b", "2")));

        assertThat(reported).containsExactly(odd);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).extracting(c -> c.record().key()).containsExactly("a", "b");
    }

    @Test
    void aFailedDeadLetterWriteFailsThePut() {
        replies.add(CacheWriterTest::allWritten);
        CacheWriter writer = writer(reporting(CompletableFuture.failedFuture(new IllegalStateException("DLQ down"))));

        assertThatThrownBy(() -> writer.write(List.of(Records.of("a", "1"), Records.of(null, "2"))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("cannot report a bad record")
                .hasMessageContaining("DLQ down");
        assertThat(reported).hasSize(1);
        assertThat(sent).as("the good record was written first").hasSize(1);
    }

    @Test
    void withoutAReporterABadRecordFailsTheTaskOnlyAfterTheGoodOnesAreWritten() {
        replies.add(CacheWriterTest::allWritten);
        CacheWriter writer = writer(null);
        SinkRecord bad = Records.of(null, "2");

        assertThatThrownBy(() -> writer.write(List.of(Records.of("a", "1"), bad, Records.of("c", "3"))))
                .isInstanceOf(ConnectException.class).hasMessageContaining(CONNECTOR)
                .hasMessageContaining("errors.tolerance=all");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).extracting(c -> c.record().key()).containsExactly("a", "c");
    }

    @Test
    void refusalsBeforeATransientReplyAreReportedExactlyOnce() {
        replies.add(commands -> new PipelineWriter.Attempt(0, 0, 0,
                List.of(new PipelineWriter.Failure(commands.get(0), new JedisDataException("WRONGTYPE Operation"))),
                List.copyOf(commands.subList(1, commands.size())), new JedisDataException("LOADING Redis is loading")));
        replies.add(CacheWriterTest::allWritten);
        CacheWriter writer = writer(reporting(CompletableFuture.completedFuture(null)));
        List<SinkRecord> batch = records(3);

        writer.write(batch);

        assertThat(reported).containsExactly(batch.get(0));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1)).as("only the commands from the transient reply on are sent again")
                .extracting(CacheCommand::record).containsExactly(batch.get(1), batch.get(2));
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
    }
}
