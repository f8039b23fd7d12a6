package io.sluice.testkit;

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
public final class MariaDbFixture extends JdbcServerFixture {

    /** Environment variable naming the server to use. */
    public static final String ENV_URL = "SLUICE_TEST_MARIADB_URL";

    private static final int PORT = 3306;
    private static MariaDbFixture instance;

    private MariaDbFixture(String host, int port, String database, String user, String password) {
        super("mariadb", host, port, database, user, password);
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
                    .probe(JdbcServerFixture::probe)
                    .locate();
        }
        return instance;
    }

    private static MariaDbFixture startContainer() {
        Containers.Endpoint container = Containers.mariadb();
        return new MariaDbFixture(container.host(), container.port(), "test", "root", "");
    }
}
