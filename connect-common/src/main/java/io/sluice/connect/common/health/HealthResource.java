package io.sluice.connect.common.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /sluice/health} and {@code GET /sluice/health/{connector}}: the reports of the health checks
 * registered in this worker's JVM through {@link HealthRegistry}. Answers 503 when a report is unhealthy, so that
 * load balancers and probes need not parse the body, and 404 for a connector with no check here.
 */
@Path("/sluice/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @return {@code {"status":"healthy"|"unhealthy","connectors":{"<name>":<report>,...}}}, unhealthy (503) when
     *         any connector is
     */
    @GET
    public Response all() {
        ObjectNode connectors = JSON.createObjectNode();
        boolean healthy = true;
        for (Map.Entry<String, String> entry : HealthRegistry.readAll().entrySet()) {
            JsonNode report = parse(entry.getValue());
            healthy &= isHealthy(report);
            connectors.set(entry.getKey(), report);
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("status", healthy ? "healthy" : "unhealthy");
        body.set("connectors", connectors);
        return json(healthy, body.toString());
    }

    /**
     * @param connector the connector's name
     * @return its report, 503 when unhealthy, 404 when no check is registered for it on this worker
     */
    @GET
    @Path("{connector}")
    public Response connector(@PathParam("connector") String connector) {
        Optional<String> report = HealthRegistry.read(connector);
        if (report.isEmpty()) {
            ObjectNode body = JSON.createObjectNode();
            body.put("error", "No health check is registered for connector '" + connector + "' on this worker; "
                    + "check the name, or ask the worker that runs the connector");
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
                    .entity(body.toString()).build();
        }
        return json(isHealthy(parse(report.get())), report.get());
    }

    private static Response json(boolean healthy, String body) {
        Response.Status status = healthy ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE;
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    private static boolean isHealthy(JsonNode report) {
        return "healthy".equals(report.path("status").asText());
    }

    /** Reads a report JSON; one this code cannot read (e.g. from a different release) counts as unhealthy. */
    private static JsonNode parse(String report) {
        try {
            JsonNode node = JSON.readTree(report);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        ObjectNode unreadable = JSON.createObjectNode();
        unreadable.put("status", "unhealthy");
        unreadable.put("error", "unreadable health report: " + report);
        return unreadable;
    }
}
