package io.sluice.connect.redis;

import io.sluice.connect.common.errors.Retrier;
import io.sluice.connect.common.errors.RetryPolicy;
import io.sluice.connect.common.errors.Sleeper;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

import java.time.Clock;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One task's connection to Redis, used from the thread that reads (the poll thread, or the read-ahead thread).
 * Every command runs through a {@link Retrier}: a lost connection (a Redis restart, a network blip) is dropped and
 * opened again with capped exponential backoff. {@link #signalStop()} ends a backoff wait at once, so stopping a task is never held up by it.
 */
final class RedisSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisSession.class);

    private final RedisEndpoint endpoint;
    private final String clientName;
    private final int blockMs;
    private final Retrier retrier;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicLong connections = new AtomicLong();
    private volatile Jedis jedis;
    private volatile boolean closed;
    private volatile Throwable lastError;
    private Runnable onReconnect = () -> { };

    RedisSession(RedisEndpoint endpoint, String clientName, int blockMs, RetryPolicy policy, Clock clock) {
        this.endpoint = endpoint;
        this.clientName = clientName;
        this.blockMs = blockMs;
        Sleeper sleeper = duration -> {
            if (stopping.await(Math.max(0, duration.toMillis()), TimeUnit.MILLISECONDS)) {
                throw new InterruptedException("the task is stopping");
            }
        };
        this.retrier = new Retrier(policy, clock, sleeper, new Random(), RedisErrors::classify);
    }

    /**
     * Runs {@code command}, reconnecting and retrying on transient failures.
     *
     * @param what    what the command does, for messages, e.g. {@code "read streams [a, b]"}
     * @param command the command
     * @param <T>     its result
     * @return the command's result
     * @throws org.apache.kafka.connect.errors.RetriableException when every attempt failed transiently
     * @throws org.apache.kafka.connect.errors.ConnectException   on a permanent failure or when closed meanwhile
     */
    <T> T call(String what, Function<Jedis, T> command) {
        return retrier.call(what, () -> {
            try {
                T result = command.apply(connection());
                if (lastError != null) {
                    log.info("Redis at {} answers again", endpoint);
                    lastError = null;
                }
                return result;
            } catch (JedisConnectionException e) {
                lastError = e;
                disconnect();
                throw e;
            }
        });
    }

    /**
     * Runs {@code command} once, without retrying: for the last acknowledgements of a stopping task.
     *
     * @param command the command
     * @param <T>     its result
     * @return the command's result
     */
    <T> T callOnce(Function<Jedis, T> command) {
        try {
            return command.apply(connection());
        } catch (JedisConnectionException e) {
            disconnect();
            throw e;
        }
    }

    /** @param onReconnect called each time a connection is opened again after one was lost, e.g. to count it */
    void onReconnect(Runnable onReconnect) {
        this.onReconnect = onReconnect;
    }

    /** Ends any backoff wait at once and makes further retries fail: the task is stopping. */
    void signalStop() {
        stopping.countDown();
    }

    /**
     * Waits {@code ms}, or less when the task stops meanwhile: a task without streams idles here between polls.
     *
     * @param ms how long to wait
     * @throws InterruptedException if the thread is interrupted
     */
    void idle(long ms) throws InterruptedException {
        stopping.await(ms, TimeUnit.MILLISECONDS);
    }

    /** @return how many connections were opened so far; a change means the previous one was lost */
    long connectionCount() {
        return connections.get();
    }

    private Jedis connection() {
        Jedis current = jedis;
        if (current == null || current.isBroken() || !current.isConnected()) {
            disconnect();
            if (closed) {
                throw new ConnectException("The connection to Redis at " + endpoint + " is closed: the task stopped");
            }
            current = endpoint.open(clientName, blockMs);
            if (closed) {
                // closed while this thread was connecting: nobody would close the new connection
                current.close();
                throw new ConnectException("The connection to Redis at " + endpoint + " is closed: the task stopped");
            }
            if (connections.incrementAndGet() > 1) {
                onReconnect.run();
            }
            jedis = current;
        }
        return current;
    }

    private void disconnect() {
        Jedis current = jedis;
        jedis = null;
        if (current != null) {
            try {
                current.close();
            } catch (RuntimeException e) {
                log.debug("Closing a broken Redis connection failed: {}", e.toString());
            }
        }
    }

    /** Stops retrying and closes the connection; no new one is opened after this. */
    @Override
    public void close() {
        closed = true;
        signalStop();
        disconnect();
    }
}
