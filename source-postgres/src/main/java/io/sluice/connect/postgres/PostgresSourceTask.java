package io.sluice.connect.postgres;

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
 * A task of {@link PostgresSourceConnector}: reads the splits its {@link TaskAssignment} gives it. The work is done by
 * {@link SplitPoller}; this class only connects it to Connect.
 */
public class PostgresSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(PostgresSourceTask.class);

    private SplitPoller poller;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        PostgresSourceConfig config = new PostgresSourceConfig(props);
        List<Split> splits = TaskAssignment.splits(props, config);
        poller = new SplitPoller(config, splits, context.offsetStorageReader(),
                p -> new PostgresSourceMetrics(SluiceMetrics.of(() -> context.pluginMetrics()), p::splitsBehind,
                        p::waitingMs, p::cursorLag),
                Clock.systemUTC());
        log.info("PostgresSourceConnector {} task started on {}: {}", config.connectorName(),
                config.connection().redactedUrl(), splits);
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        return poller.poll();
    }

    @Override
    public void stop() {
        if (poller != null) {
            poller.wakeup();
            poller.close();
        }
    }
}
