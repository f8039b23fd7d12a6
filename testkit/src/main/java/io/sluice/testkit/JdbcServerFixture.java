package io.sluice.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** What the JDBC server fixtures share: where the server is, how to log in, and a connection. */
public abstract class JdbcServerFixture {

    private final String scheme;
    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;

    JdbcServerFixture(String scheme, String host, int port, String database, String user, String password) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
    }

    /** Checks that the server answers a query; the locator's probe. */
    static void probe(JdbcServerFixture server) throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
        }
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

    /** {@code jdbc:<scheme>://host:port/database}, without credentials. */
    public String jdbcUrl() {
        return "jdbc:" + scheme + "://" + host + ":" + port + "/" + database;
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

    /** The password; empty when the server lets the user in without one. */
    public String password() {
        return password;
    }

    @Override
    public String toString() {
        return scheme + "://" + user + "@" + host + ":" + port + "/" + database;
    }
}
