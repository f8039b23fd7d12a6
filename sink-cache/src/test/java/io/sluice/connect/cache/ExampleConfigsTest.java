package io.sluice.connect.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The example configurations shipped in the ZIP's {@code etc/}. */
class ExampleConfigsTest {

    @Test
    void theShippedExamplesParseAndBuildKeysThatTombstonesCanDelete() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("config", "redis-cache-sink.properties"),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> fromProperties = new HashMap<>();
        properties.stringPropertyNames().forEach(k -> fromProperties.put(k, properties.getProperty(k)));

        JsonNode rest = new ObjectMapper().readTree(Path.of("config", "redis-cache-sink.json").toFile());
        Map<String, String> fromJson = new HashMap<>();
        rest.get("config").fields().forEachRemaining(e -> fromJson.put(e.getKey(), e.getValue().asText()));
        fromJson.put("name", rest.get("name").asText());

        for (Map<String, String> example : java.util.List.of(fromProperties, fromJson)) {
            RedisCacheSinkConfig config = new RedisCacheSinkConfig(example);
            assertThat(config.keyTemplate().readsValue()).as("key.template " + config.keyTemplate()
                    + " must not read the value, or tombstones cannot delete").isFalse();
        }
        assertThat(fromJson).as("both examples say the same").isEqualTo(fromProperties);
    }
}
