package io.sluice.connect.common.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthResourceTest {

    private static final Instant AT = Instant.parse("2026-01-05T10:15:30Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HealthResource resource = new HealthResource();

    @Test
    void oneHealthyConnectorIs200WithItsReport() {
        HealthReport report = HealthReport.healthy(7, AT, List.of("cdc"));
        try (HealthRegistry.Registration ignored = HealthRegistry.register("rest-ok", () -> report)) {
            Response response = resource.connector("rest-ok");

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
            assertThat(response.getEntity()).isEqualTo(report.toJson());
        }
    }

    @Test
    void oneUnhealthyConnectorIs503WithItsReport() {
        HealthReport report = HealthReport.unhealthy(false, 7, AT, List.of(), "Connection refused");
        try (HealthRegistry.Registration ignored = HealthRegistry.register("rest-down", () -> report)) {
            Response response = resource.connector("rest-down");

            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.getEntity()).isEqualTo(report.toJson());
        }
    }

    @Test
    void anUnknownConnectorIs404() throws Exception {
        Response response = resource.connector("rest-nobody");

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(JSON.readTree((String) response.getEntity()).get("error").asText()).contains("'rest-nobody'");
    }

    @Test
    void allIs503WhenAnyConnectorIsUnhealthy() throws Exception {
        HealthReport ok = HealthReport.healthy(1, AT, List.of());
        HealthReport down = HealthReport.unhealthy(false, 1, AT, List.of(), "down");
        try (HealthRegistry.Registration a = HealthRegistry.register("rest-all-a", () -> ok)) {
            Response healthy = resource.all();
            JsonNode healthyBody = JSON.readTree((String) healthy.getEntity());
            assertThat(healthy.getStatus()).isEqualTo(200);
            assertThat(healthyBody.get("status").asText()).isEqualTo("healthy");
            assertThat(healthyBody.get("connectors").get("rest-all-a")).isEqualTo(JSON.readTree(ok.toJson()));

            try (HealthRegistry.Registration b = HealthRegistry.register("rest-all-b", () -> down)) {
                Response unhealthy = resource.all();
                JsonNode body = JSON.readTree((String) unhealthy.getEntity());

                assertThat(unhealthy.getStatus()).isEqualTo(503);
                assertThat(body.get("status").asText()).isEqualTo("unhealthy");
                assertThat(body.get("connectors").get("rest-all-b").get("error").asText()).isEqualTo("down");
            }
        }
    }
}
