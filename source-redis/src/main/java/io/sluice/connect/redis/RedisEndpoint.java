package io.sluice.connect.redis;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the Redis server is and how to log in: parsed from {@code redis.uri}, {@code redis.user} and
 * {@code redis.password}. {@link #toString()} never shows the password.
 *
 * @param host      the server's host
 * @param port      its port
 * @param database  the logical database (the URI path)
 * @param tls       whether the scheme is {@code rediss}
 * @param user      the ACL user, or null for the default user
 * @param password  the password, or null for none; a {@link Password}, so that it shows as {@code [hidden]}
 * @param timeoutMs connection and command timeout
 */
public record RedisEndpoint(String host, int port, int database, boolean tls, String user, Password password,
                            int timeoutMs) {

    private static final int DEFAULT_PORT = 6379;

    /**
     * @param uri       {@code redis://host[:port][/db]} or {@code rediss://...}
     * @param user      the ACL user; blank for the default user
     * @param password  the password; null or empty for none
     * @param timeoutMs connection and command timeout
     * @return the endpoint
     * @throws ConfigException naming {@code redis.uri} and the accepted form
     */
    public static RedisEndpoint parse(String uri, String user, String password, int timeoutMs) {
        URI parsed = toUri(uri);
        String path = parsed.getPath() == null ? "" : parsed.getPath().replaceFirst("^/", "");
        int database;
        try {
            database = path.isEmpty() ? 0 : Integer.parseInt(path);
        } catch (NumberFormatException e) {
            throw invalid(uri, "the path must be a database number, e.g. redis://host:6379/0");
        }
        return new RedisEndpoint(parsed.getHost(), parsed.getPort() < 0 ? DEFAULT_PORT : parsed.getPort(), database,
                parsed.getScheme().equalsIgnoreCase("rediss"),
                user == null || user.isBlank() ? null : user.trim(),
                password == null || password.isEmpty() ? null : new Password(password), timeoutMs);
    }

    /** @return the validator of {@code redis.uri} */
    static ConfigDef.Validator validator() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (value != null) {
                    parse(value.toString(), null, null, 1);
                }
            }

            @Override
            public String toString() {
                return "redis://host:port[/db] or rediss://host:port[/db]";
            }
        };
    }

    private static URI toUri(String uri) {
        if (uri == null || uri.isBlank()) {
            throw invalid(uri, "it is empty");
        }
        URI parsed;
        try {
            parsed = new URI(uri.trim());
        } catch (URISyntaxException e) {
            throw invalid(uri, e.getReason());
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw invalid(uri, "the scheme must be redis:// or rediss:// (TLS)");
        }
        if (parsed.getHost() == null) {
            throw invalid(uri, "it names no host");
        }
        if (parsed.getUserInfo() != null) {
            throw invalid(uri, "put the user and password in redis.user and redis.password, not in the URI");
        }
        return parsed;
    }

    private static ConfigException invalid(String uri, String why) {
        // the value is left out of the message: a URI with credentials must not reach the logs
        return new ConfigException("Invalid value for configuration " + RedisStreamSourceConfig.REDIS_URI_CONFIG
                + ": " + why + ". Expected redis://host:port[/db] or rediss://host:port[/db]");
    }

    /**
     * Opens a connection whose reads may block for up to {@code blockMs} on top of the timeout.
     *
     * @param clientName the CLIENT SETNAME value, to find the connection in CLIENT LIST
     * @param blockMs    the longest BLOCK of a command sent on it; 0 for none
     * @return a connected client; the caller closes it
     */
    public Jedis open(String clientName, int blockMs) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMs)
                .socketTimeoutMillis(timeoutMs + blockMs)
                .database(database)
                .ssl(tls)
                .clientName(clientName.replaceAll("\\s", "_"));
        if (user != null) {
            config.user(user);
        }
        if (password != null) {
            config.password(password.value());
        }
        Jedis jedis = new Jedis(new HostAndPort(host, port), config.build());
        try {
            jedis.connect();
            return jedis;
        } catch (RuntimeException e) {
            jedis.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return (tls ? "rediss://" : "redis://") + host + ":" + port + "/" + database
                + (user == null ? "" : " as " + user);
    }
}
