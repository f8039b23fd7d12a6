package io.sluice.testkit;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * A Redis server for integration tests.
 *
 * <p>Found in this order: {@code SLUICE_TEST_REDIS_URL} (e.g. {@code redis://:secret@cache:6379/0}), a
 * {@code redis:7} container when a Docker engine answers, then {@code 127.0.0.1:6379} without a password.
 * When none answers, {@link #get()} throws with how to start one.
 *
 * <p>The testkit declares Jedis and Testcontainers as optional dependencies: a module using this fixture adds
 * {@code redis.clients:jedis} and {@code org.testcontainers:testcontainers} in test scope (without
 * Testcontainers the container step is left out).
 */
public final class RedisFixture {

    /** Environment variable naming the server to use. */
    public static final String ENV_URL = "SLUICE_TEST_REDIS_URL";

    private static final int PORT = 6379;
    private static RedisFixture instance;

    private final String host;
    private final int port;
    private final String password;
    private final int database;

    private RedisFixture(String host, int port, String password, int database) {
        this.host = host;
        this.port = port;
        this.password = password;
        this.database = database;
    }

    /** The server for this JVM, found on first use and shared by every test. */
    public static synchronized RedisFixture get() {
        if (instance == null) {
            instance = new ServerLocator<RedisFixture>("Redis", ENV_URL, "redis://[:password@]host:6379[/db]",
                    "127.0.0.1:" + PORT)
                    .fromEnv(url -> new RedisFixture(url.host(), url.portOr(PORT), url.password(),
                            Integer.parseInt(url.pathOr("0"))))
                    .fromContainer(RedisFixture::startContainer)
                    .local(() -> new RedisFixture("127.0.0.1", PORT, null, 0))
                    .probe(server -> {
                        try (Jedis jedis = server.jedis()) {
                            String pong = jedis.ping();
                            if (!"PONG".equals(pong)) {
                                throw new IllegalStateException("PING answered " + pong);
                            }
                        }
                    })
                    .locate();
        }
        return instance;
    }

    private static RedisFixture startContainer() {
        Containers.Endpoint container = Containers.redis();
        return new RedisFixture(container.host(), container.port(), null, 0);
    }

    /** A new client on the configured database; the caller closes it. */
    public Jedis jedis() {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .database(database)
                .connectionTimeoutMillis(5_000)
                .socketTimeoutMillis(10_000);
        if (password != null && !password.isEmpty()) {
            config.password(password);
        }
        return new Jedis(new HostAndPort(host, port), config.build());
    }

    /** {@code redis://host:port/db}, without the password. */
    public String uri() {
        return "redis://" + host + ":" + port + "/" + database;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The password, or null when the server has none. */
    public String password() {
        return password;
    }

    public int database() {
        return database;
    }

    @Override
    public String toString() {
        return uri();
    }
}
