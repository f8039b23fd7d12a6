package io.sluice.connect.csv;

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
 * A task of {@link CsvSourceConnector}: reads the files its {@link TaskAssignment} owns. The work is done by
 * {@link FileIngestor}; this class only connects it to Connect. By default the ingestor runs on Connect's poll
 * thread; with {@code read.ahead.batches} above 0 it runs on a thread of its own ({@link ReadAhead}), reading and
 * building the next batches while Connect's poll thread converts and sends the one before.
 */
public class CsvSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(CsvSourceTask.class);

    /** How long {@link #poll()} waits for a batch read ahead, so that a stopping task is not held up. */
    private static final long POLL_WAIT_MS = 200L;
    /** How long a stop waits for the reading thread to finish the batch it is reading. */
    private static final long JOIN_WAIT_MS = 5_000L;

    private FileIngestor ingestor;
    private ReadAhead ahead;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        CsvSourceConfig config = new CsvSourceConfig(props);
        TaskAssignment assignment = TaskAssignment.fromTaskProps(props);
        SluiceMetrics metrics = SluiceMetrics.of(() -> context.pluginMetrics());
        ingestor = new FileIngestor(config, assignment, context.offsetStorageReader(), metrics, Clock.systemUTC());
        if (config.readAheadBatches() > 0) {
            ahead = new ReadAhead(ingestor::poll, config.readAheadBatches(), POLL_WAIT_MS,
                    "sluice-csv-read-" + config.connectorName() + "-" + assignment.index(),
                    "CsvSourceConnector " + config.connectorName() + ": reading files ahead").start();
        }
        log.info("CsvSourceConnector {} task {} of {} started, reading {}", config.connectorName(),
                assignment.index(), assignment.count(), config.inputPaths());
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (ahead == null) {
            return ingestor.poll();
        }
        List<SourceRecord> records = ahead.poll();
        return records.isEmpty() ? null : records;
    }

    /** Called once Connect has committed the offsets of the records handed out so far. */
    @Override
    public void commit() {
        ingestor.commit();
    }

    @Override
    public void stop() {
        if (ingestor == null) {
            return;
        }
        if (ahead != null) {
            // ends the reading thread's wait for the next scan, then the thread itself
            ingestor.wakeup();
            if (!ahead.stop(JOIN_WAIT_MS)) {
                log.warn("The CSV read-ahead thread {} is still reading; its file is closed once it is done",
                        ahead.threadName());
            }
        }
        ingestor.stop();
    }

    /** @return the task's metric values, for tests */
    Map<String, Number> metricValues() {
        return ingestor.metrics().snapshot();
    }
}
