package io.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {

    @Test
    void theRawProducerIsConfiguredAsConnectConfiguresASourceTasksProducer() {
        Map<String, Object> props = ProducerSettings.DEFAULT.rawProducerConfig("localhost:9092");

        assertThat(props).containsEntry("acks", "all")
            .containsEntry("max.in.flight.requests.per.connection", "1")
            .containsEntry("enable.idempotence", "false")
            .containsEntry("bootstrap.servers", "localhost:9092")
            .doesNotContainKeys("linger.ms", "batch.size");
    }

    @Test
    void tunedSettingsReachTheRawProducerAndTheConnectorAlike() {
        assertThat(ProducerSettings.TUNED.rawProducerConfig("b:1"))
            .containsEntry("linger.ms", "10").containsEntry("batch.size", "262144")
            .containsEntry("max.in.flight.requests.per.connection", "1");
        assertThat(ProducerSettings.TUNED.connectorOverrides()).containsExactly(
            Map.entry("producer.override.linger.ms", "10"), Map.entry("producer.override.batch.size", "262144"));
        assertThat(ProducerSettings.DEFAULT.connectorOverrides()).isEmpty();
    }
}
