package io.sluice.connect.redis;

import org.apache.kafka.connect.connector.ConnectorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The connector's thread that looks for streams matching {@code streams.pattern} every
 * {@code streams.discovery.interval.ms} and asks Connect to reassign the tasks when the set changed.
 */
final class StreamMonitor implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(StreamMonitor.class);

    private final RedisStreamSourceConfig config;
    private final StreamDiscovery discovery;
    private final ConnectorContext context;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile List<String> streams;
    private volatile String lastError;
    private Thread thread;

    StreamMonitor(RedisStreamSourceConfig config, StreamDiscovery discovery, ConnectorContext context) {
        this.config = config;
        this.discovery = discovery;
        this.context = context;
        this.streams = discovery.initial();
    }

    /** Looks once now, so the first task configs see the streams, then starts the thread when there is a pattern. */
    void start() {
        if (!discovery.dynamic()) {
            return;
        }
        lookOnce();
        thread = new Thread(this, "redis-stream-monitor-" + config.connectorName());
        thread.setDaemon(true);
        thread.start();
    }

    /** @return the streams found last */
    List<String> streams() {
        return streams;
    }

    /** @return the last discovery failure, or null when the last discovery worked */
    String lastError() {
        return lastError;
    }

    @Override
    public void run() {
        try {
            while (!stopped.await(config.discoveryIntervalMs(), TimeUnit.MILLISECONDS)) {
                List<String> before = streams;
                lookOnce();
                if (!streams.equals(before)) {
                    log.info("RedisStreamSourceConnector {}: streams changed from {} to {}; reassigning tasks",
                            config.connectorName(), before, streams);
                    context.requestTaskReconfiguration();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void lookOnce() {
        try (Jedis jedis = config.endpoint().open(config.connectorName() + "-discovery", 0)) {
            streams = discovery.discover(jedis);
            lastError = null;
        } catch (RuntimeException e) {
            if (lastError == null) {
                log.warn("RedisStreamSourceConnector {}: cannot look for streams matching '{}' at {}: {}; keeping "
                        + "{} and trying again in {} ms", config.connectorName(), config.streamsPattern(),
                        config.endpoint(), e.getMessage(), streams, config.discoveryIntervalMs());
            }
            lastError = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        }
    }

    void stop() {
        stopped.countDown();
        if (thread != null) {
            try {
                thread.join(config.endpoint().timeoutMs() * 2L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
