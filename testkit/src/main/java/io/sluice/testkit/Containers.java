package io.sluice.testkit;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;

/**
 * The Testcontainers side of the server fixtures, kept apart so that a module without Testcontainers on its
 * test classpath can still use the fixtures against a local server or an explicit URL.
 *
 * <p>Containers live as long as the test JVM; Testcontainers removes them when it exits.
 */
final class Containers {

    /** Host and mapped port of a started container. */
    record Endpoint(String host, int port) {
    }

    private Containers() {
    }

    /** True when Testcontainers is on the classpath and a Docker engine answers. */
    static boolean dockerAvailable() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, Containers.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return false;
        }
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** PostgreSQL 16 with logical decoding, user/password postgres, database test. */
    static Endpoint postgres() {
        return start(new GenericContainer<>(DockerImageName.parse("postgres:16-alpine"))
                .withEnv("POSTGRES_USER", "postgres")
                .withEnv("POSTGRES_PASSWORD", "postgres")
                .withEnv("POSTGRES_DB", "test")
                .withCommand("postgres", "-c", "wal_level=logical", "-c", "max_replication_slots=10",
                        "-c", "max_wal_senders=10")
                .withExposedPorts(5432)
                // The entrypoint starts the server twice (init, then for real): wait for the second.
                .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 2)
                        .withStartupTimeout(Duration.ofMinutes(2))), 5432);
    }

    /** MariaDB 11, root without password, database test. */
    static Endpoint mariadb() {
        return start(new GenericContainer<>(DockerImageName.parse("mariadb:11"))
                .withEnv("MARIADB_ALLOW_EMPTY_ROOT_PASSWORD", "1")
                .withEnv("MARIADB_DATABASE", "test")
                .withExposedPorts(3306)
                .waitingFor(Wait.forLogMessage(".*ready for connections.*\\s", 2)
                        .withStartupTimeout(Duration.ofMinutes(2))), 3306);
    }

    /** Redis 7 without a password. */
    static Endpoint redis() {
        return start(new GenericContainer<>(DockerImageName.parse("redis:7-alpine"))
                .withExposedPorts(6379)
                .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*\\s", 1)
                        .withStartupTimeout(Duration.ofMinutes(1))), 6379);
    }

    @SuppressWarnings("resource") // lives as long as the JVM
    private static Endpoint start(GenericContainer<?> container, int port) {
        container.start();
        return new Endpoint(container.getHost(), container.getMappedPort(port));
    }
}
