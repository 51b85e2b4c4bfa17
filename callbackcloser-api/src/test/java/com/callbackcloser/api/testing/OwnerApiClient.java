package com.callbackcloser.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** The owner API over HTTP with a bearer credential, answers parsed as JSON. */
public final class OwnerApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public OwnerApiClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /** An answer: status, parsed body (null when not JSON), raw response. */
    public record Answer(int status, JsonNode json, HttpResponse<byte[]> raw) {
        public String text(String field) {
            return json == null || json.get(field) == null || json.get(field).isNull()
                    ? null
                    : json.get(field).asText();
        }
    }

    public Answer get(String token, String path) {
        return send(token, "GET", path, null, Map.of());
    }

    public Answer post(String token, String path, Object body) {
        return send(token, "POST", path, body, Map.of());
    }

    public Answer patch(String token, String path, Object body) {
        return send(token, "PATCH", path, body, Map.of());
    }

    public Answer delete(String token, String path) {
        return send(token, "DELETE", path, null, Map.of());
    }

    public Answer send(String token, String method, String path, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(
                                            body instanceof String s ? s : JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = null;
            if (response.headers().firstValue("Content-Type").orElse("").contains("json")
                    && response.body().length > 0) {
                json = JSON.readTree(response.body());
            }
            return new Answer(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
