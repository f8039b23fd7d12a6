package io.sluice.connect.postgres;

import io.sluice.connect.postgres.it.PgConnector;
import io.sluice.connect.postgres.it.Records;
import io.sluice.connect.postgres.it.TestDatabase;
import io.sluice.testkit.TopicTail;
import io.sluice.testkit.ConnectClusterExtension;
import io.sluice.testkit.ConnectClusterFixture;
import io.sluice.testkit.ConnectRest;
import io.sluice.testkit.PostgresFixture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.sluice.connect.postgres.it.PgConnector.timeout;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failures of the PostgreSQL source: a database restarted mid-sync (retried on a new connection, resuming at the
 * last position, no row lost or repeated), a login the server refuses (the connector fails at once), and values
 * that cannot be converted under each bad.record.policy.
 */
class PostgresSourceErrorsIT {

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = new ConnectClusterExtension(PgConnector.clusterBuilder());

    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass("pgsrc_err");

    @AfterEach
    void deleteConnectors() {
        CONNECT.cluster().deleteAllConnectors();
    }

    @Test
    void databaseRestartedMidSyncIsRetriedAndResumesAtTheLastPosition() throws Exception {
        ConnectClusterFixture cluster = CONNECT.cluster();
        int rows = 20_000;
        db.execute("CREATE TABLE restart_rows (id bigint PRIMARY KEY, payload text)",
                "INSERT INTO restart_rows SELECT g, repeat('x', 50) FROM generate_series(1, " + rows + ") g");
        Map<String, String> config = PgConnector.incremental(PgConnector.config(db.schema(), "rs."), "id");
        config.put("table.include.list", ".*\\.restart_rows");
        config.put("batch.size", "200");
        config.put("retry.backoff.initial.ms", "200");
        config.put("retry.backoff.max.ms", "2000");
        config.put("retry.max.attempts", "30");
        config.put("producer.override.batch.size", "1024");
        config.put("producer.override.linger.ms", "0");
        config.put("producer.override.buffer.memory", "16384");
        cluster.createConnector("restart", config);
        String topic = "rs." + db.schema() + ".restart_rows";
        try (TopicTail<Long> tail = TopicTail.follow(cluster, topic, Records::id)) {
            tail.awaitAtLeast(rows / 10, timeout());
            try {
                restartDatabase();
            } finally {
                awaitDatabaseReady();
            }
        }
        // rows written after the restart can only arrive through a new connection, from the last position
        db.execute("INSERT INTO restart_rows SELECT g, 'after' FROM generate_series(" + (rows + 1) + ", "
                + (rows + 500) + ") g");
        List<Long> ids = cluster.consumeExactly(topic, rows + 500, timeout()).stream().map(Records::id).toList();
        assertThat(Records.checkIds(ids, 1, rows + 500, true)).isEmpty();
        cluster.awaitRunning("restart", 1);
    }

    private static void restartDatabase() throws IOException, InterruptedException {
        String version;
        try (var dirs = Files.list(Path.of("/etc/postgresql"))) {
            version = dirs.map(p -> p.getFileName().toString()).findFirst().orElseThrow();
        }
        run("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart");
    }

    private static void awaitDatabaseReady() {
        PostgresFixture server = PostgresFixture.get();
        ConnectClusterFixture.await(() -> run("pg_isready", "-h", server.host(), "-p",
                Integer.toString(server.port())) == 0, timeout(), () -> "PostgreSQL did not come back");
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish");
        }
        return process.exitValue();
    }

    @Test
    void unknownRoleIsRejectedByValidationOnTheUserKey() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        Map<String, String> config = PgConnector.config(db.schema(), "auth.");
        config.put("connection.user", "sluice_no_such_role");
        ConnectRest.Response response = cluster.rest().put("connectors/auth-unknown/config", config);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("role \\\"sluice_no_such_role\\\" does not exist")
                .contains("Check connection.user and connection.password");
    }

    @Test
    void refusedLoginFailsTheTaskAtOnceWithoutRetrying() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        String role = db.schema() + "_reader";
        db.execute("CREATE TABLE auth_rows (id int PRIMARY KEY)", "INSERT INTO auth_rows VALUES (1)",
                "CREATE ROLE " + role + " LOGIN", "GRANT USAGE ON SCHEMA " + db.schema() + " TO " + role,
                "GRANT SELECT ON auth_rows TO " + role);
        try {
            Map<String, String> config = PgConnector.incremental(PgConnector.config(db.schema(), "auth."), "id");
            config.put("connection.user", role);
            config.put("table.include.list", ".*\\.auth_rows");
            config.remove("connection.password");
            cluster.createConnector("auth", config);
            cluster.consumeExactly("auth." + db.schema() + ".auth_rows", 1, timeout());

            db.execute("ALTER ROLE " + role + " NOLOGIN");
            cluster.restartTask("auth", 0);
            ConnectorStateInfo status = cluster.awaitTaskFailed("auth", timeout());
            assertThat(status.tasks().get(0).trace()).contains("is not permitted to log in")
                    .doesNotContain("attempts");
        } finally {
            cluster.deleteAllConnectors();
            db.execute("DROP OWNED BY " + role, "DROP ROLE " + role);
        }
    }

    @Test
    void unconvertibleValueGoesToTheErrorTopicWithItsPosition() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        db.execute("CREATE TABLE bad_rows (id int PRIMARY KEY, amount numeric(8,2))",
                "INSERT INTO bad_rows SELECT g, CASE WHEN g = 5 THEN 'NaN'::numeric ELSE g END "
                        + "FROM generate_series(1, 10) g");
        Map<String, String> config = PgConnector.incremental(PgConnector.config(db.schema(), "bad."), "id");
        config.put("table.include.list", ".*\\.bad_rows");
        config.put("bad.record.policy", "error_topic");
        config.put("bad.record.topic", "bad-rows-errors");
        cluster.createConnector("bad", config);
        List<Long> ids = cluster.consumeExactly("bad." + db.schema() + ".bad_rows", 9, timeout()).stream()
                .map(Records::id).toList();
        assertThat(ids).containsExactly(1L, 2L, 3L, 4L, 6L, 7L, 8L, 9L, 10L);
        ConsumerRecord<byte[], byte[]> error = cluster.consumeExactly("bad-rows-errors", 1, timeout()).get(0);
        assertThat(new String(error.value(), StandardCharsets.UTF_8)).contains("\\\"amount\\\":\\\"NaN\\\"");
        assertThat(header(error, "sluice.error.reason")).contains("column amount").contains("numeric.mapping");
        assertThat(header(error, "sluice.error.source")).isEqualTo(db.schema() + ".bad_rows");
        assertThat(header(error, "sluice.error.connector")).isEqualTo("bad");
    }

    @Test
    void unconvertibleValueFailsTheTaskUnderTheDefaultPolicy() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        db.execute("CREATE TABLE fail_rows (id int PRIMARY KEY, at date)",
                "INSERT INTO fail_rows VALUES (1, '2024-01-01'), (2, 'infinity')");
        Map<String, String> config = PgConnector.incremental(PgConnector.config(db.schema(), "fail."), "id");
        config.put("table.include.list", ".*\\.fail_rows");
        cluster.createConnector("fail", config);
        ConnectorStateInfo status = cluster.awaitTaskFailed("fail", timeout());
        assertThat(status.tasks().get(0).trace()).contains("PostgresSourceConnector fail")
                .contains("fail_rows row at cursor [2]").contains("bad.record.policy=skip or error_topic");
    }

    @Test
    void unconvertibleValueIsSkippedAndCountedUnderSkip() {
        ConnectClusterFixture cluster = CONNECT.cluster();
        db.execute("CREATE TABLE skip_rows (id int PRIMARY KEY, at timestamptz)",
                "INSERT INTO skip_rows SELECT g, CASE WHEN g IN (3, 7) THEN 'infinity'::timestamptz ELSE now() END "
                        + "FROM generate_series(1, 10) g");
        Map<String, String> config = PgConnector.incremental(PgConnector.config(db.schema(), "skip."), "id");
        config.put("table.include.list", ".*\\.skip_rows");
        config.put("bad.record.policy", "skip");
        cluster.createConnector("skip", config);
        List<Long> ids = cluster.consumeExactly("skip." + db.schema() + ".skip_rows", 8, timeout()).stream()
                .map(Records::id).toList();
        assertThat(ids).containsExactly(1L, 2L, 4L, 5L, 6L, 8L, 9L, 10L);
        cluster.awaitRunning("skip", 1);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
