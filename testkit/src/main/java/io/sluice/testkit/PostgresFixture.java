package io.sluice.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A PostgreSQL server for integration tests, with {@code wal_level=logical} for change data capture.
 *
 * <p>Found in this order: {@code SLUICE_TEST_POSTGRES_URL} (e.g.
 * {@code jdbc:postgresql://db:5432/test?user=postgres&password=secret}), a {@code postgres:16} container when a
 * Docker engine answers, then {@code 127.0.0.1:5432} as user {@code postgres} (trust auth), database
 * {@code test}. When none answers, {@link #get()} throws with how to start one.
 *
 * <p>The testkit declares the driver and Testcontainers as optional dependencies: a module using this fixture
 * adds {@code org.postgresql:postgresql} and {@code org.testcontainers:testcontainers} in test scope (without
 * Testcontainers the container step is left out).
 */
public final class PostgresFixture {

    /** Environment variable naming the server to use. */
    public static final String ENV_URL = "SLUICE_TEST_POSTGRES_URL";

    private static final int PORT = 5432;
    private static PostgresFixture instance;

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;

    private PostgresFixture(String host, int port, String database, String user, String password) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
    }

    /** The server for this JVM, found on first use and shared by every test. */
    public static synchronized PostgresFixture get() {
        if (instance == null) {
            instance = new ServerLocator<PostgresFixture>("PostgreSQL", ENV_URL,
                    "jdbc:postgresql://host:5432/test?user=postgres&password=...",
                    "127.0.0.1:" + PORT + " (user postgres, database test)")
                    .fromEnv(url -> new PostgresFixture(url.host(), url.portOr(PORT), url.pathOr("test"),
                            url.userOr("postgres"), url.passwordOr("")))
                    .fromContainer(PostgresFixture::startContainer)
                    .local(() -> new PostgresFixture("127.0.0.1", PORT, "test", "postgres", ""))
                    .probe(server -> {
                        try (Connection c = server.connect(); Statement s = c.createStatement()) {
                            s.execute("SELECT 1");
                        }
                    })
                    .locate();
        }
        return instance;
    }

    private static PostgresFixture startContainer() {
        Containers.Endpoint container = Containers.postgres();
        return new PostgresFixture(container.host(), container.port(), "test", "postgres", "postgres");
    }

    /** A new connection; the caller closes it. */
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection(jdbcUrl(), props);
    }

    /** {@code jdbc:postgresql://host:port/database}, without credentials. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
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

    /** The password; empty when the server trusts the user. */
    public String password() {
        return password;
    }

    @Override
    public String toString() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }
}
