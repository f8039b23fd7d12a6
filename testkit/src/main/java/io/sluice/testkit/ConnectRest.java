package io.sluice.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A plain HTTP client for a worker's REST API, for the calls a test wants to see exactly as a user would
 * (status code and JSON body), such as {@code GET /connector-plugins} or
 * {@code PUT /connector-plugins/{type}/config/validate}.
 */
public final class ConnectRest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final Supplier<URI> baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** @param baseUrl the worker's REST root, such as {@code http://localhost:8083/}; asked on every call */
    public ConnectRest(Supplier<URI> baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A status code and body returned by the worker. */
    public record Response(int status, String body) {

        /** The body parsed as JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("Response body is not JSON (status " + status + "): " + body, e);
            }
        }

        /** This response, or an AssertionError naming the status and body when it is not a 2xx. */
        public Response ok() {
            if (status < 200 || status > 299) {
                throw new AssertionError("Connect REST call failed with HTTP " + status + ": " + body);
            }
            return this;
        }
    }

    /** GET {@code path} (relative to the REST root, e.g. {@code connector-plugins}). */
    public Response get(String path) {
        return send("GET", path, null);
    }

    /** PUT {@code body} serialized as JSON to {@code path}. */
    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    /** POST {@code body} (may be null) serialized as JSON to {@code path}. */
    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    /** DELETE {@code path}. */
    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** Sends one request; {@code body} is serialized with Jackson unless it is already a String. */
    public Response send(String method, String path, Object body) {
        URI uri = baseUrl.get().resolve(path.startsWith("/") ? path.substring(1) : path);
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : toJson(body));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, publisher)
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + uri + " interrupted", e);
        }
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialize " + value, e);
        }
    }
}
