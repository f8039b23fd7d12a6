package io.sluice.connect.common.jdbc;

import io.sluice.connect.common.config.Aliases;
import io.sluice.connect.common.config.ConfigFragment;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The connection keys of every connector that talks to a database through JDBC, and the parsed connection.
 *
 * <p>A user gives either a whole JDBC URL ({@value #URL_CONFIG}) or its parts, as the seed specs do
 * ({@code host}, {@code port}, {@code database}, {@code username}, {@code password}, {@code ssl_mode}, mapped by
 * {@link #addAliases}). The password is a {@link Type#PASSWORD} and never part of {@link #url()}'s logged form.
 *
 * <pre>{@code
 * ConfigDef def = new ConfigDef();
 * JdbcConnectionConfig.fragment("Connection").define(def);
 * JdbcConnectionConfig connection = new JdbcConnectionConfig(parsed, "postgresql");
 * try (Connection c = connection.open()) { ... }
 * }</pre>
 */
public final class JdbcConnectionConfig {

    public static final String URL_CONFIG = "connection.url";
    static final String URL_DOC = "JDBC URL of the database, e.g. 'jdbc:postgresql://db:5432/shop' or "
            + "'jdbc:mariadb://db:3306/shop'. Leave empty to build it from connection.host, connection.port and "
            + "connection.database. Put credentials in connection.user and connection.password, not in the URL.";

    public static final String USER_CONFIG = "connection.user";
    static final String USER_DOC = "Database user name. Alias: 'username'.";

    public static final String PASSWORD_CONFIG = "connection.password";
    static final String PASSWORD_DOC = "Database password; never logged. Use a config provider (e.g. "
            + "${file:/etc/secrets/db.properties:password}) to keep it out of the connector config. Alias: "
            + "'password'.";

    public static final String HOST_CONFIG = "connection.host";
    static final String HOST_DOC = "Database host, used when connection.url is empty. Alias: 'host'.";

    public static final String PORT_CONFIG = "connection.port";
    static final String PORT_DOC = "Database port, used when connection.url is empty; empty for the database's "
            + "standard port (5432 for PostgreSQL, 3306 for MariaDB/MySQL). Alias: 'port'.";

    public static final String DATABASE_CONFIG = "connection.database";
    static final String DATABASE_DOC = "Database name (for SQLite: the database file's path), used when "
            + "connection.url is empty. Alias: 'database'.";

    public static final String SSL_MODE_CONFIG = "connection.ssl.mode";
    static final String SSL_MODE_DOC = "TLS mode, in PostgreSQL's terms: 'disable', 'allow', 'prefer', 'require', "
            + "'verify-ca' or 'verify-full'; empty leaves the driver's default or what the URL says. For MariaDB/MySQL "
            + "'require' means TLS without certificate checks and 'allow'/'prefer' leave the driver's default. "
            + "Alias: 'ssl_mode'.";

    /** The PostgreSQL sslmode values, which this key takes for every database. */
    static final String[] SSL_MODES = {"", "disable", "allow", "prefer", "require", "verify-ca", "verify-full"};

    /** 1 to 65535, or not set; {@code Range} itself refuses the null that means "the standard port". */
    private static final ConfigDef.Validator PORT_RANGE = ConfigDef.LambdaValidator.with((name, value) -> {
        if (value != null) {
            ConfigDef.Range.between(1, 65535).ensureValid(name, value);
        }
    }, () -> "[1,...,65535], or empty");

    private final String url;
    private final String user;
    private final Password password;
    private final String scheme;
    private final String sslMode;

    /**
     * @param parsed        a parsed config whose definition includes {@link #fragment(String)}
     * @param defaultScheme the JDBC sub-protocol to build a URL with when {@value #URL_CONFIG} is empty:
     *                      {@code postgresql}, {@code mariadb}, {@code mysql} or {@code sqlite}
     * @throws ConfigException on {@value #URL_CONFIG} when neither a URL nor a host and database are given
     */
    public JdbcConnectionConfig(AbstractConfig parsed, String defaultScheme) {
        String givenUrl = parsed.getString(URL_CONFIG).trim();
        this.url = givenUrl.isEmpty() ? buildUrl(parsed, defaultScheme) : givenUrl;
        this.scheme = schemeOf(url);
        this.user = parsed.getString(USER_CONFIG);
        this.password = parsed.getPassword(PASSWORD_CONFIG);
        this.sslMode = parsed.getString(SSL_MODE_CONFIG);
    }

    /** @param group the group to show the keys under in the config reference */
    public static ConfigFragment fragment(String group) {
        return def -> {
            int order = 0;
            def.define(URL_CONFIG, Type.STRING, "", Importance.HIGH, URL_DOC, group, ++order, Width.LONG,
                            "JDBC URL")
                    .define(USER_CONFIG, Type.STRING, null, Importance.HIGH, USER_DOC, group, ++order,
                            Width.MEDIUM, "User")
                    .define(PASSWORD_CONFIG, Type.PASSWORD, null, Importance.HIGH, PASSWORD_DOC, group, ++order,
                            Width.MEDIUM, "Password")
                    .define(HOST_CONFIG, Type.STRING, "", Importance.MEDIUM, HOST_DOC, group, ++order,
                            Width.MEDIUM, "Host")
                    .define(PORT_CONFIG, Type.INT, null, PORT_RANGE, Importance.MEDIUM,
                            PORT_DOC, group, ++order, Width.SHORT, "Port")
                    .define(DATABASE_CONFIG, Type.STRING, "", Importance.MEDIUM, DATABASE_DOC, group, ++order,
                            Width.MEDIUM, "Database")
                    .define(SSL_MODE_CONFIG, Type.STRING, "", ConfigDef.ValidString.in(SSL_MODES), Importance.MEDIUM,
                            SSL_MODE_DOC, group, ++order, Width.SHORT, "TLS mode");
        };
    }

    /**
     * Adds the seed specs' connection names: {@code host}, {@code port}, {@code database}, {@code username},
     * {@code password} and {@code ssl_mode}.
     *
     * @param builder the connector's aliases
     * @return {@code builder}
     */
    public static Aliases.Builder addAliases(Aliases.Builder builder) {
        return builder.alias("host", HOST_CONFIG)
                .alias("port", PORT_CONFIG)
                .alias("database", DATABASE_CONFIG)
                .alias("username", USER_CONFIG)
                .alias("password", PASSWORD_CONFIG)
                .alias("ssl_mode", SSL_MODE_CONFIG);
    }

    /** @return the JDBC URL: {@value #URL_CONFIG}, or the one built from host, port and database */
    public String url() {
        return url;
    }

    /**
     * @return the URL with the values of password-like parameters and the password of a {@code user:password@}
     *         authority masked, for logs and error messages
     */
    public String redactedUrl() {
        return url.replaceAll("(?i)((?:password|passwd|pwd)=)[^&;]*", "$1****")
                .replaceAll("(//[^/@:]*:)[^@/]*@", "$1****@");
    }

    /** @return the JDBC sub-protocol of {@link #url()}, such as {@code postgresql} */
    public String scheme() {
        return scheme;
    }

    /** @return the configured user, or null */
    public String user() {
        return user;
    }

    /** @return user, password and TLS mode, under the property names of {@link #scheme()}'s driver */
    public Properties driverProperties() {
        Properties props = new Properties();
        if (user != null && !user.isEmpty()) {
            props.setProperty("user", user);
        }
        if (password != null && password.value() != null && !password.value().isEmpty()) {
            props.setProperty("password", password.value());
        }
        sslProperty().forEach(props::setProperty);
        return props;
    }

    /**
     * Opens a connection with {@link #driverProperties()}.
     *
     * @return a new connection, to be closed by the caller
     * @throws SQLException as the driver throws it (classify it with {@code ErrorClassifier})
     */
    public Connection open() throws SQLException {
        return DriverManager.getConnection(url, driverProperties());
    }

    private Map<String, String> sslProperty() {
        if (sslMode == null || sslMode.isEmpty()) {
            return Map.of();
        }
        switch (scheme) {
            case "postgresql":
                return Map.of("sslmode", sslMode);
            case "mariadb":
            case "mysql":
                return switch (sslMode) {
                    case "disable" -> Map.of("sslMode", "disable");
                    case "require" -> Map.of("sslMode", "trust");
                    case "verify-ca", "verify-full" -> Map.of("sslMode", sslMode);
                    default -> Map.of();
                };
            default:
                return Map.of();
        }
    }

    private static String buildUrl(AbstractConfig parsed, String scheme) {
        String host = parsed.getString(HOST_CONFIG).trim();
        String database = parsed.getString(DATABASE_CONFIG).trim();
        Integer port = parsed.getInt(PORT_CONFIG);
        if ("sqlite".equals(scheme)) {
            if (database.isEmpty()) {
                throw new ConfigException(URL_CONFIG, "", "Set " + URL_CONFIG + " (e.g. jdbc:sqlite:/data/app.db) "
                        + "or " + DATABASE_CONFIG + " to the SQLite file's path");
            }
            return "jdbc:sqlite:" + database;
        }
        if (host.isEmpty() || database.isEmpty()) {
            throw new ConfigException(URL_CONFIG, "", "Set " + URL_CONFIG + " (e.g. jdbc:" + scheme
                    + "://db:" + standardPort(scheme) + "/shop), or both " + HOST_CONFIG + " and " + DATABASE_CONFIG
                    + " ('host' and 'database')");
        }
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:" + scheme + "://" + hostPart + ":" + (port != null ? port : standardPort(scheme)) + "/"
                + database;
    }

    private static int standardPort(String scheme) {
        return "postgresql".equals(scheme) ? 5432 : 3306;
    }

    private static String schemeOf(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:")) {
            // the value is left out of the message: a URL may hold a password
            throw new ConfigException("Invalid value for configuration " + URL_CONFIG + ": a JDBC URL starts "
                    + "with 'jdbc:', e.g. jdbc:postgresql://db:5432/shop");
        }
        int end = lower.indexOf(':', 5);
        return end < 0 ? lower.substring(5) : lower.substring(5, end);
    }
}
