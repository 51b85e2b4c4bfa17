package com.callbackcloser.api.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.core.port.out.WebhookRequest;
import com.callbackcloser.core.port.out.WebhookResponse;
import com.callbackcloser.core.service.EndpointUrlPolicy;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sender connects to the addresses the URL policy approved, from the one lookup the policy made, never to
 * what a second lookup of the name says: otherwise a name with a zero TTL could answer a public address to the
 * check and an internal one to the connection (DNS rebinding). Only loopback is ever connected to here; the
 * "internal" answers are refused before any connection is made.
 */
class HttpWebhookSenderTest {
    private WireMockServer receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        receiver.start();
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop();
    }

    @Test
    void aNameThatPointsElsewhereBetweenTheCheckAndTheConnectionIsNotCalled() {
        // The answers a rebinding name gives: loopback (allowed in development) to the check, then the network.
        List<String> answers = new CopyOnWriteArrayList<>(List.of("127.0.0.1", "10.0.0.1", "10.0.0.1"));
        EndpointUrlPolicy policy = new EndpointUrlPolicy(true, host ->
                new InetAddress[] {InetAddress.getByName(answers.size() > 1 ? answers.remove(0) : answers.get(0))});
        String url = "http://localhost:" + receiver.port() + "/hook";
        assertThat(policy.checkBeforeSend(URI.create(url))).isEmpty();

        WebhookResponse response = sender(policy).send(request(url));

        assertThat(receiver.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(response.statusCode()).isNull();
        assertThat(response.error()).contains("localhost").doesNotContain("10.0.0.1");
    }

    @Test
    void theConnectionGoesWhereThePolicysLookupSaid() {
        EndpointUrlPolicy policy = new EndpointUrlPolicy(true, host -> {
            if (!host.equals("receiver.example")) {
                throw new java.net.UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByAddress(new byte[] {127, 0, 0, 1})};
        });

        WebhookResponse response = sender(policy).send(request("http://receiver.example:" + receiver.port() + "/hook"));

        assertThat(response.statusCode()).as(String.valueOf(response.error())).isEqualTo(204);
        assertThat(receiver.findAll(anyRequestedFor(anyUrl()))).singleElement().satisfies(request -> {
            assertThat(request.getHeader("Host")).isEqualTo("receiver.example:" + receiver.port());
            assertThat(request.getHeader("User-Agent")).isEqualTo("CallbackCloser-Webhooks/1");
            assertThat(request.getHeader("CallbackCloser-Signature")).isEqualTo("t=1,v1=ab");
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
            assertThat(request.getBodyAsString()).isEqualTo("{\"type\":\"lead.created\",\"name\":\"Zoë\"}");
        });
    }

    @Test
    void redirectsAreNotFollowedAndAnErrorAnswersFirstBytesAreKept() {
        receiver.stubFor(post(urlEqualTo("/moved"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", "http://127.0.0.1:9/metrics")));
        receiver.stubFor(
                post(urlEqualTo("/bad")).willReturn(aResponse().withStatus(400).withBody("x".repeat(1000))));
        EndpointUrlPolicy policy = new EndpointUrlPolicy(true, InetAddress::getAllByName);

        WebhookResponse moved = sender(policy).send(request("http://127.0.0.1:" + receiver.port() + "/moved"));
        WebhookResponse bad = sender(policy).send(request("http://127.0.0.1:" + receiver.port() + "/bad"));

        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.error()).hasSize(300);
        assertThat(receiver.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsATimeout() {
        receiver.stubFor(
                post(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
        EndpointUrlPolicy policy = new EndpointUrlPolicy(true, InetAddress::getAllByName);

        WebhookResponse response = new HttpWebhookSender(Duration.ofMillis(300), policy)
                .send(request("http://127.0.0.1:" + receiver.port() + "/slow"));

        assertThat(response.statusCode()).isNull();
        assertThat(response.error()).contains("timed out");
    }

    private static HttpWebhookSender sender(EndpointUrlPolicy policy) {
        return new HttpWebhookSender(Duration.ofSeconds(10), policy);
    }

    private static WebhookRequest request(String url) {
        return new WebhookRequest(
                url,
                Map.of("Content-Type", "application/json", "CallbackCloser-Signature", "t=1,v1=ab"),
                "{\"type\":\"lead.created\",\"name\":\"Zoë\"}");
    }
}
