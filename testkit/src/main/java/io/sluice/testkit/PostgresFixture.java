package io.sluice.testkit;

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
public final class PostgresFixture extends JdbcServerFixture {

    /** Environment variable naming the server to use. */
    public static final String ENV_URL = "SLUICE_TEST_POSTGRES_URL";

    private static final int PORT = 5432;
    private static PostgresFixture instance;

    private PostgresFixture(String host, int port, String database, String user, String password) {
        super("postgresql", host, port, database, user, password);
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
                    .probe(JdbcServerFixture::probe)
                    .locate();
        }
        return instance;
    }

    private static PostgresFixture startContainer() {
        Containers.Endpoint container = Containers.postgres();
        return new PostgresFixture(container.host(), container.port(), "test", "postgres", "postgres");
    }
}
