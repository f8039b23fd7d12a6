package io.sluice.connect.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The example configurations shipped in the ZIP's {@code etc/} are valid and say the same. */
class ExampleConfigsTest {

    @Test
    void propertiesAndRestExamplesParseToTheSameConfiguration() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("config/postgres-source.properties"))) {
            properties.load(in);
        }
        Map<String, String> fromProperties = new HashMap<>();
        properties.stringPropertyNames().forEach(k -> fromProperties.put(k, properties.getProperty(k)));

        JsonNode json = new ObjectMapper().readTree(Path.of("config/postgres-source.json").toFile());
        Map<String, String> fromJson = new HashMap<>();
        json.get("config").fields().forEachRemaining(e -> fromJson.put(e.getKey(), e.getValue().asText()));
        fromJson.put("name", json.get("name").asText());

        PostgresSourceConfig a = new PostgresSourceConfig(fromProperties);
        PostgresSourceConfig b = new PostgresSourceConfig(fromJson);
        assertThat(a.connection().url()).isEqualTo(b.connection().url())
                .isEqualTo("jdbc:postgresql://db.example.com:5432/shop");
        assertThat(a.includeTables().toString()).isEqualTo(b.includeTables().toString())
                .isEqualTo("[public\\.orders_.*, public\\.customers]");
        assertThat(a.defaults()).isEqualTo(b.defaults());
        assertThat(a.defaults().mode()).isEqualTo(SyncMode.INCREMENTAL);
        assertThat(a.settings("public.customers")).isEqualTo(b.settings("public.customers"));
        assertThat(a.settings("public.customers").mode()).isEqualTo(SyncMode.FULL_REFRESH);
        assertThat(a.badRecordTopic()).isEqualTo(b.badRecordTopic()).isEqualTo("shop-bad-rows");
    }
}
