package io.sluice.connect.csv;

import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FilePartitionTest {

    /**
     * Connect finds a committed offset by the bytes of the serialized partition. The partition the task builds must
     * serialize exactly as the one Connect reads back from its offsets topic, or a restarted task re-reads its files.
     */
    @Test
    void thePartitionSerializesToTheSameKeyAsThePartitionConnectReadsBack() {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), true);
        FilePartition partition = new FilePartition("/data/in/orders.csv", "(dev=803,ino=1234)");

        byte[] written = converter.fromConnectData("offsets", null, partition.toMap());
        Object readBack = converter.toConnectData("offsets", written).value();
        byte[] rewritten = converter.fromConnectData("offsets", null, readBack);

        assertThat(new String(rewritten, StandardCharsets.UTF_8)).isEqualTo(new String(written, StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        Map<String, ?> map = (Map<String, ?>) readBack;
        assertThat(FilePartition.fromMap(map)).isEqualTo(partition);
    }
}
