package io.sluice.connect.csv;

import io.sluice.connect.common.Version;
import io.sluice.connect.common.metrics.SluiceMetrics;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A task of {@link CsvSourceConnector}: reads the files its {@link TaskAssignment} owns. The work is done by
 * {@link FileIngestor}; this class only connects it to Connect.
 */
public class CsvSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(CsvSourceTask.class);

    private FileIngestor ingestor;

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
        log.info("CsvSourceConnector {} task {} of {} started, reading {}", config.connectorName(),
                assignment.index(), assignment.count(), config.inputPaths());
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        return ingestor.poll();
    }

    /** Called once Connect has committed the offsets of the records handed out so far. */
    @Override
    public void commit() {
        ingestor.commit();
    }

    @Override
    public void stop() {
        if (ingestor != null) {
            ingestor.stop();
        }
    }

    /** @return the task's metric values, for tests */
    Map<String, Number> metricValues() {
        return ingestor.metrics().snapshot();
    }
}
