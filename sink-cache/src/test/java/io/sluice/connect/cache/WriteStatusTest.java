package io.sluice.connect.cache;

import static org.assertj.core.api.Assertions.assertThat;

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
}
