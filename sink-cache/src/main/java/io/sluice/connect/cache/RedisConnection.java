package io.sluice.connect.cache;

import redis.clients.jedis.Jedis;

/**
 * A task's one connection to Redis, opened on first use and dropped after a connection failure, so that the next
 * attempt (after a Redis restart, say) opens a fresh one.
 */
final class RedisConnection implements AutoCloseable {

    private final RedisEndpoint endpoint;
    private Jedis jedis;

    RedisConnection(RedisEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    RedisEndpoint endpoint() {
        return endpoint;
    }

    /** @return the open client, connecting first if needed */
    Jedis client() {
        if (jedis == null) {
            jedis = endpoint.connect();
        }
        return jedis;
    }

    /** Drops the connection after a failure; the next {@link #client()} opens a new one. */
    void reset() {
        close();
    }

    @Override
    public void close() {
        if (jedis != null) {
            try {
                jedis.close();
            } catch (RuntimeException alreadyBroken) {
                // the connection failed; there is nothing left to close cleanly
            } finally {
                jedis = null;
            }
        }
    }
}
