package com.callbackcloser.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.ServiceUnderTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real service (embedded PostgreSQL, Twilio fake, signature validation on), one per test class: started in
 * {@code @BeforeAll}, stopped in {@code @AfterAll}, shared by every try of the class's properties.
 *
 * <p>The rate limits are raised out of the way: a barrage from one address would otherwise be answered 429
 * after a few dozen requests, and the parsers behind the limiter would never see the rest.
 */
final class HostileService {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> UNTHROTTLED = List.of(
            "rateLimits.twilioUnauthorized.limit", "1000000",
            "rateLimits.stripeInvalid.limit", "1000000",
            "rateLimits.stripeValid.limit", "1000000",
            "rateLimits.billingActions.limit", "1000000");

    final ServiceUnderTest service;
    private final HttpClient http = HttpClient.newHttpClient();

    private HostileService(ServiceUnderTest service) {
        this.service = service;
    }

    static HostileService start(String... overrides) {
        List<String> settings = new ArrayList<>(UNTHROTTLED);
        settings.addAll(List.of(overrides));
        HostileService hostile = new HostileService(ServiceUnderTest.withSignatures(settings.toArray(String[]::new)));
        try {
            hostile.service.app.before();
        } catch (Exception e) {
            throw new IllegalStateException("the service did not start", e);
        }
        hostile.service.twilio.acceptMessages();
        return hostile;
    }

    void stop() {
        service.app.after();
        service.twilio.close();
    }

    int port() {
        return service.app.getLocalPort();
    }

    RawHttp.Answer send(RawHttp.Request request) {
        return RawHttp.exchange(port(), request);
    }

    /** Every health check on the admin port passes. */
    void assertHealthy() {
        try {
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(
                                    URI.create("http://localhost:" + service.app.getAdminPort() + "/healthcheck"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            JsonNode checks = JSON.readTree(health.body());
            assertThat(checks.size()).as(health.body()).isGreaterThanOrEqualTo(3);
            for (Map.Entry<String, JsonNode> check : checks.properties()) {
                assertThat(check.getValue().path("healthy").asBoolean())
                        .as("health check %s: %s", check.getKey(), check.getValue())
                        .isTrue();
            }
        } catch (IOException e) {
            throw new AssertionError("the admin port does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
