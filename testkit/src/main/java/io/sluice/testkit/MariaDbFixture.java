package io.sluice.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A MariaDB server for integration tests.
 *
 * <p>Found in this order: {@code SLUICE_TEST_MARIADB_URL} (e.g.
 * {@code jdbc:mariadb://db:3306/test?user=root&password=secret}), a {@code mariadb:11} container when a Docker
 * engine answers, then {@code 127.0.0.1:3306} as {@code root} without a password, database {@code test}.
 * When none answers, {@link #get()} throws with how to start one.
 *
 * <p>The testkit declares the driver and Testcontainers as optional dependencies: a module using this fixture
 * adds {@code org.mariadb.jdbc:mariadb-java-client} and {@code org.testcontainers:testcontainers} in test scope
 * (without Testcontainers the container step is left out).
 */
public final class MariaDbFixture {

    /** Environment variable naming the server to use. */
    public static final String ENV_URL = "SLUICE_TEST_MARIADB_URL";

    private static final int PORT = 3306;
    private static MariaDbFixture instance;

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;

    private MariaDbFixture(String host, int port, String database, String user, String password) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
    }

    /** The server for this JVM, found on first use and shared by every test. */
    public static synchronized MariaDbFixture get() {
        if (instance == null) {
            instance = new ServerLocator<MariaDbFixture>("MariaDB", ENV_URL,
                    "jdbc:mariadb://host:3306/test?user=root&password=...",
                    "127.0.0.1:" + PORT + " (user root without password, database test)")
                    .fromEnv(url -> new MariaDbFixture(url.host(), url.portOr(PORT), url.pathOr("test"),
                            url.userOr("root"), url.passwordOr("")))
                    .fromContainer(MariaDbFixture::startContainer)
                    .local(() -> new MariaDbFixture("127.0.0.1", PORT, "test", "root", ""))
                    .probe(server -> {
                        try (Connection c = server.connect(); Statement s = c.createStatement()) {
                            s.execute("SELECT 1");
                        }
                    })
                    .locate();
        }
        return instance;
    }

    private static MariaDbFixture startContainer() {
        Containers.Endpoint container = Containers.mariadb();
        return new MariaDbFixture(container.host(), container.port(), "test", "root", "");
    }

    /** A new connection; the caller closes it. */
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl(), props);
    }

    /** {@code jdbc:mariadb://host:port/database}, without credentials. */
    public String jdbcUrl() {
        return "jdbc:mariadb://" + host + ":" + port + "/" + database;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    /** The password; empty for the local server's root. */
    public String password() {
        return password;
    }

    @Override
    public String toString() {
        return "mariadb://" + user + "@" + host + ":" + port + "/" + database;
    }
}
