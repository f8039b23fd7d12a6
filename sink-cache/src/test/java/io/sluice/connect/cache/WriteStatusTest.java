package io.sluice.connect.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WriteStatusTest {

    @Test
    void reportsTheLastFailureUntilABatchSucceeds() {
        WriteStatus status = WriteStatus.of("status-test");
        try {
            assertThat(status.currentError()).isNull();
            status.failed("Failed to write 3 records");
            assertThat(status.currentError()).contains("Failed to write 3 records");
            assertThat(WriteStatus.of("status-test")).as("shared by the connector's tasks").isSameAs(status);
            status.succeeded();
            assertThat(status.currentError()).isNull();
        } finally {
            WriteStatus.remove("status-test");
        }
    }

    @Test
    void aConnectorCreatedAgainUnderTheSameNameStartsWithoutTheOldError() {
        RedisCacheSinkConnector connector = new RedisCacheSinkConnector();
        Map<String, String> props = Map.of("name", "status-recreated", "topics", "users", "key.template", "u:${key}");
        connector.start(props);
        WriteStatus.of("status-recreated").failed("Failed to write 3 records");
        connector.stop();
        RedisCacheSinkConnector again = new RedisCacheSinkConnector();
        again.start(props);
        try {
            assertThat(WriteStatus.of("status-recreated").currentError()).isNull();
        } finally {
            again.stop();
        }
    }
}
