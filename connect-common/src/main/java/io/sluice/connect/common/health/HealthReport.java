package io.sluice.connect.common.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The outcome of one health check of a connector, in the seed specifications' format:
 * <pre>{@code
 * {"status":"healthy","connected":true,"response_time_ms":12,"last_check":"2026-01-05T10:15:30Z",
 *  "capabilities":["cdc","incremental"]}
 * }</pre>
 * An unhealthy report adds {@code "error"}; a healthy one never carries it.
 *
 * @param status         healthy or not
 * @param connected      whether the connector could reach the system it reads or writes
 * @param responseTimeMs how long the check's round trip took
 * @param lastCheck      when the check ran
 * @param capabilities   what the connector can do against this system, sorted; never null
 * @param error          why the connector is unhealthy; null when healthy
 */
public record HealthReport(Status status, boolean connected, long responseTimeMs, Instant lastCheck,
                           SortedSet<String> capabilities, String error) {

    static final String UNKNOWN_ERROR = "unknown error";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether a connector can do its work. */
    public enum Status {
        /** Connected and working. */
        HEALTHY,
        /** Not working; the report says why. */
        UNHEALTHY
    }

    /** Normalises the report: capabilities sorted and immutable, an error only when unhealthy. */
    public HealthReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastCheck, "lastCheck");
        capabilities = Collections.unmodifiableSortedSet(
                capabilities == null ? new TreeSet<>() : new TreeSet<>(capabilities));
        if (status == Status.HEALTHY) {
            error = null;
        } else if (error == null || error.isBlank()) {
            error = UNKNOWN_ERROR;
        }
    }

    /**
     * @param responseTimeMs how long the check's round trip took
     * @param lastCheck      when the check ran
     * @param capabilities   what the connector can do
     * @return a healthy, connected report
     */
    public static HealthReport healthy(long responseTimeMs, Instant lastCheck, Collection<String> capabilities) {
        return new HealthReport(Status.HEALTHY, true, responseTimeMs, lastCheck, toSet(capabilities), null);
    }

    /**
     * @param connected      whether the system could be reached at all
     * @param responseTimeMs how long the check took until it failed
     * @param lastCheck      when the check ran
     * @param capabilities   what the connector can do
     * @param error          what is wrong, for the user
     * @return an unhealthy report
     */
    public static HealthReport unhealthy(boolean connected, long responseTimeMs, Instant lastCheck,
                                         Collection<String> capabilities, String error) {
        return new HealthReport(Status.UNHEALTHY, connected, responseTimeMs, lastCheck, toSet(capabilities), error);
    }

    /** @return whether the status is {@link Status#HEALTHY} */
    public boolean isHealthy() {
        return status == Status.HEALTHY;
    }

    /** @return the report as JSON with exactly the seed format's field names, in its order */
    public String toJson() {
        try {
            return JSON.writeValueAsString(toJsonNode());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a health report", e);
        }
    }

    /** @return the report as a JSON tree, for embedding in a larger document */
    public ObjectNode toJsonNode() {
        ObjectNode node = JSON.createObjectNode();
        node.put("status", status.name().toLowerCase(Locale.ROOT));
        node.put("connected", connected);
        node.put("response_time_ms", responseTimeMs);
        node.put("last_check", lastCheck.toString());
        ArrayNode caps = node.putArray("capabilities");
        capabilities.forEach(caps::add);
        if (status == Status.UNHEALTHY) {
            node.put("error", error);
        }
        return node;
    }

    /**
     * Reads a report written by {@link #toJson()}, e.g. by another plugin's copy of this class.
     *
     * @param json the report
     * @return the report
     * @throws IllegalArgumentException if {@code json} is not a health report
     */
    public static HealthReport fromJson(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("A health report must be a JSON object: " + json);
            }
            Status status = Status.valueOf(require(node, "status").asText().toUpperCase(Locale.ROOT));
            SortedSet<String> caps = new TreeSet<>();
            node.path("capabilities").forEach(c -> caps.add(c.asText()));
            JsonNode error = node.get("error");
            return new HealthReport(status, require(node, "connected").asBoolean(),
                    require(node, "response_time_ms").asLong(), Instant.parse(require(node, "last_check").asText()),
                    caps, error == null || error.isNull() ? null : error.asText());
        } catch (JsonProcessingException | DateTimeParseException e) {
            throw new IllegalArgumentException("Not a health report: " + json, e);
        }
    }

    private static JsonNode require(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("A health report needs '" + field + "'");
        }
        return value;
    }

    private static SortedSet<String> toSet(Collection<String> capabilities) {
        return capabilities == null ? new TreeSet<>() : new TreeSet<>(capabilities);
    }
}
