package io.sluice.connect.cache;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import javax.net.ssl.SSLParameters;
import org.apache.kafka.common.config.types.Password;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Where and as whom to connect: {@code redis.uri} ({@code redis://host:port/db}, or {@code rediss://} for TLS),
 * {@code redis.user} and {@code redis.password}. The password never appears in {@link #toString()}.
 */
final class RedisEndpoint {

    private final URI uri;
    private final String user;
    private final Password password;
    private final int timeoutMs;
    private final String clientName;

    RedisEndpoint(URI uri, String user, Password password, int timeoutMs, String clientName) {
        this.uri = uri;
        this.user = user == null || user.isBlank() ? null : user.trim();
        this.password = password;
        this.timeoutMs = timeoutMs;
        this.clientName = clientName;
    }

    /**
     * @param text a configured URI
     * @return the parsed URI
     * @throws IllegalArgumentException naming the fix when it is not a {@code redis://} or {@code rediss://} URI
     *                                  with a host, or when it carries a password
     */
    static URI parseUri(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URI (" + e.getReason() + "): use redis://host:6379/0");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new IllegalArgumentException("must start with redis:// (or rediss:// for TLS), e.g. "
                    + "redis://host:6379/0");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("has no host: use redis://host:6379/0");
        }
        if (uri.getUserInfo() != null && uri.getUserInfo().contains(":")) {
            throw new IllegalArgumentException("must not carry a password, which would be shown in clear with the "
                    + "configuration: remove it from the URI and set redis.password");
        }
        String path = uri.getPath();
        if (path != null && path.length() > 1 && !path.substring(1).matches("\\d+")) {
            throw new IllegalArgumentException("has path '" + path + "', but the only path a Redis URI may have is "
                    + "the database number, e.g. redis://host:6379/2");
        }
        return uri;
    }

    /**
     * @param text a configured URI
     * @return it with any password in its user info replaced by {@code *****}, for messages
     */
    static String redact(String text) {
        return text.replaceFirst("^([A-Za-z]+://[^:/@]*):[^@]*@", "$1:*****@");
    }

    /** @return a new, connected client; the caller closes it */
    Jedis connect() {
        Jedis jedis = new Jedis(hostAndPort(), clientConfig());
        jedis.connect();
        return jedis;
    }

    HostAndPort hostAndPort() {
        HostAndPort hp = JedisURIHelper.getHostAndPort(uri);
        return new HostAndPort(hp.getHost(), uri.getPort() < 0 ? 6379 : hp.getPort());
    }

    /** TLS that checks the certificate names the host in redis.uri, as HTTPS does, not merely that it is trusted. */
    private static SSLParameters verifyingHostname() {
        SSLParameters parameters = new SSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        return parameters;
    }

    JedisClientConfig clientConfig() {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMs)
                .socketTimeoutMillis(timeoutMs)
                .database(uri.getPath() == null || uri.getPath().length() <= 1 ? 0 : JedisURIHelper.getDBIndex(uri))
                .ssl(JedisURIHelper.isRedisSSLScheme(uri))
                .sslParameters(verifyingHostname())
                .clientName(clientName);
        String uriUser = uri.getUserInfo() == null || uri.getUserInfo().isBlank() ? null : uri.getUserInfo();
        String effectiveUser = user != null ? user : uriUser;
        if (effectiveUser != null) {
            config.user(effectiveUser);
        }
        if (password != null && password.value() != null && !password.value().isEmpty()) {
            config.password(password.value());
        }
        return config.build();
    }

    @Override
    public String toString() {
        return uri.getScheme() + "://" + hostAndPort() + (user == null ? "" : " as " + user);
    }
}
