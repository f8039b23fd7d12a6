package io.sluice.connect.jdbc;

import io.sluice.connect.jdbc.it.Backend;
import io.sluice.testkit.ConnectClusterExtension;
import io.sluice.testkit.ConnectClusterFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Rows fewer than {@code batch.size} are written once the topic goes quiet, not at the worker's next offset
 * commit: this worker commits every ten minutes, far beyond the wait below.
 */
class JdbcSinkIdleWriteIT {

    private static final Backend POSTGRES = Backend.postgres();

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = new ConnectClusterExtension(ConnectClusterFixture.builder()
            .workerProp("plugin.discovery", "service_load").offsetFlushInterval(Duration.ofMinutes(10)));

    @Test
    void rowsOfAQuietTopicAreWrittenWithoutWaitingForTheNextOffsetCommit() throws SQLException {
        String topic = "jdbcsink-idle-write";
        POSTGRES.drop(topic);
        CONNECT.cluster().createTopic(topic, 1);
        Map<String, String> config = new HashMap<>(POSTGRES.credentials());
        config.put("connector.class", AbstractJdbcSinkIT.CONNECTOR_CLASS);
        config.put("topics", topic);
        config.put("connection.url", POSTGRES.url());
        config.put("insert.mode", "upsert");
        config.put("pk.mode", "record_value");
        config.put("pk.fields", "id");
        config.put("auto.create", "true");
        config.put("value.converter", AbstractJdbcSinkIT.JSON_CONVERTER);
        config.put("value.converter.schemas.enable", "false");
        CONNECT.cluster().createConnector(topic, config);
        CONNECT.cluster().awaitRunning(topic, 1);
        for (int i = 1; i <= 7; i++) {
            CONNECT.cluster().cluster().kafka().produce(topic, null, "{\"id\":" + i + ",\"v\":\"r" + i + "\"}");
        }

        ConnectClusterFixture.await(() -> POSTGRES.count(topic) == 7, Duration.ofSeconds(60),
                () -> "table " + topic + " has " + POSTGRES.count(topic) + " of 7 rows a minute after they were sent "
                        + "(batch.size is 3000 and the next offset commit ten minutes away): "
                        + CONNECT.cluster().describeConnectors());
        CONNECT.cluster().deleteConnector(topic);
        POSTGRES.drop(topic);
    }
}
