package io.sluice.connect.postgres;

import io.sluice.connect.common.Version;
import io.sluice.connect.common.metrics.SluiceMetrics;
import io.sluice.connect.common.source.ReadAhead;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A task of {@link PostgresSourceConnector}: reads the splits its {@link TaskAssignment} gives it. The work is done by
 * {@link SplitPoller}; this class only connects it to Connect.
 *
 * <p>With {@code read.ahead.batches} above 0 the poller runs on a thread of its own ({@link ReadAhead}), which then
 * alone uses its connection: while Connect converts and sends one page, the next is queried and built. Its failures
 * reach {@link #poll()} in order with the pages, and pages read ahead when the task stops were never handed to
 * Connect, so the next start reads them again from the committed offsets.
 */
public class PostgresSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(PostgresSourceTask.class);
    /** Connect's poll returns this often at the most, so that a stop is not held up by the wait for a page. */
    private static final long MAX_POLL_WAIT_MS = 200L;
    /**
     * How long a stop waits for the reading thread: a wait or a backoff ends at once, a page being converted soon; a
     * query still running then fails when the connection is closed right after.
     */
    private static final long STOP_JOIN_WAIT_MS = 2_000L;

    private SplitPoller poller;
    private ReadAhead ahead;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        PostgresSourceConfig config = new PostgresSourceConfig(props);
        List<Split> splits = TaskAssignment.splits(props, config);
        Integer index = TaskAssignment.index(props);
        poller = new SplitPoller(config, splits, context.offsetStorageReader(),
                p -> new PostgresSourceMetrics(SluiceMetrics.of(() -> context.pluginMetrics()), p::splitsBehind,
                        p::waitingMs, p::cursorLag),
                Clock.systemUTC());
        if (config.readAheadBatches() > 0) {
            String thread = "sluice-postgres-read-" + config.connectorName() + (index == null ? "" : "-" + index);
            ahead = new ReadAhead(poller::poll, config.readAheadBatches(),
                    Math.min(config.pollIntervalMs(), MAX_POLL_WAIT_MS), thread, "Reading ahead from PostgreSQL");
        }
        log.info("PostgresSourceConnector {} task{} started on {}: {}; {}", config.connectorName(),
                index == null ? "" : " " + index, config.connection().redactedUrl(), splits, ahead == null
                        ? "reading on Connect's poll thread"
                        : "reading up to " + config.readAheadBatches() + " batches ahead on " + ahead.threadName());
        if (ahead != null) {
            ahead.start();
        }
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        List<SourceRecord> records = ahead == null ? poller.poll() : ahead.poll();
        return records.isEmpty() ? null : records;
    }

    /**
     * Wakes the poller (a wait for {@code poll.interval.ms} or a backoff returns), lets the reading thread end, and
     * closes the connection: a query still running on it then fails, and is not retried.
     */
    @Override
    public void stop() {
        if (poller == null) {
            return;
        }
        poller.wakeup();
        if (ahead != null && !ahead.stop(STOP_JOIN_WAIT_MS)) {
            log.info("The read-ahead thread {} is still in a query or a page after {} ms; its connection is closed "
                    + "under it", ahead.threadName(), STOP_JOIN_WAIT_MS);
        }
        poller.close();
    }
}
