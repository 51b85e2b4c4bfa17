package com.callbackcloser.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.Eventually;
import com.callbackcloser.api.testing.JwtIssuer;
import com.callbackcloser.api.testing.OwnerApiClient;
import com.callbackcloser.api.testing.ServiceUnderTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The owner API reads at most 1 MiB of a request body, whether or not it says its length: beyond that it answers
 * 413 at once, without waiting for (or holding) the rest. The sockets are raw so a server that waits for the whole
 * body shows as no answer; the 60 s read timeout only bounds a failure.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RequestBodyLimitIT {
    private static final int MIB = 1024 * 1024;
    private static final JwtIssuer IDP = new JwtIssuer();
    private static final ServiceUnderTest SERVICE =
            ServiceUnderTest.withSignatures("auth.jwtIssuer", JwtIssuer.ISSUER, "auth.jwksUrl", IDP.jwksUrl());

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String token;

    @BeforeAll
    static void signIn() {
        token = IDP.token("owner_" + System.nanoTime());
        // The identity provider's keys are fetched on first use.
        Eventually.within(
                Duration.ofSeconds(30),
                () -> assertThat(SERVICE.owner().get(token, "/api/businesses").status())
                        .isEqualTo(200));
    }

    @AfterAll
    static void stopIdp() {
        IDP.close();
    }

    @Test
    void aDeclaredLengthOverTheCapIs413BeforeTheBodyIsSent() throws Exception {
        String answer =
                exchange("Content-Length: 50000000\r\n", "{\"name\":\"".getBytes(StandardCharsets.UTF_8), false);

        assertIsPayloadTooLarge(answer);
    }

    @Test
    void aChunkedBodyWithoutALengthIsCutOffOnceItPassesTheCap() throws Exception {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        byte[] start = "{\"name\":\"".getBytes(StandardCharsets.UTF_8);
        chunk(chunks, start);
        byte[] filler = "a".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
        for (int sent = start.length; sent <= MIB + 8 * 1024; sent += filler.length) {
            chunk(chunks, filler);
        }
        // No last chunk: a server that reads the whole body before deciding never answers.
        String answer = exchange("Transfer-Encoding: chunked\r\n", chunks.toByteArray(), false);

        assertIsPayloadTooLarge(answer);
    }

    @Test
    void aWholeBodyOverTheCapIs413WithDropwizardsErrorJson() throws Exception {
        byte[] body = ("{\"name\":\"" + "a".repeat(2 * MIB) + "\",\"forwardingNumber\":\"+14155550199\"}")
                .getBytes(StandardCharsets.UTF_8);

        String answer = exchange("Content-Length: " + body.length + "\r\n", body, true);

        assertIsPayloadTooLarge(answer);
    }

    @Test
    void aBodyJustUnderTheCapIsReadAndJudgedOnItsContent() {
        String name = "a".repeat(MIB - 1024);

        OwnerApiClient.Answer answer = SERVICE.owner()
                .post(token, "/api/businesses", Map.of("name", name, "forwardingNumber", "+14155550199"));

        assertThat(answer.status()).isNotEqualTo(413).isBetween(200, 499);
    }

    private static void assertIsPayloadTooLarge(String answer) throws IOException {
        assertThat(answer).startsWith("HTTP/1.1 413");
        // The JSON, whether the answer is sized or chunked.
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        JsonNode error = JSON.readTree(body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1));
        assertThat(error.get("code").asInt()).isEqualTo(413);
        assertThat(error.get("message").asText()).contains("1 MiB");
    }

    /**
     * Sends a POST to /api/businesses with these framing headers and body bytes, then reads the whole answer. The
     * body is written on its own thread so an early answer is heard; {@code wholeBodyMayBeRefused}: a write that
     * fails because the server has answered and closed is expected.
     */
    private static String exchange(String framing, byte[] body, boolean wholeBodyMayBeRefused) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), SERVICE.app.getLocalPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/businesses HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                            + "Content-Type: application/json\r\nAuthorization: Bearer " + token + "\r\n" + framing
                            + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread writer = new Thread(() -> {
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException e) {
                    if (!wholeBodyMayBeRefused) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            writer.start();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    answer.write(buffer, 0, read);
                }
            } catch (java.net.SocketException e) {
                // A reset after the answer (the rest of a refused body unread) still leaves the answer.
                if (answer.size() == 0) {
                    throw e;
                }
            }
            writer.join();
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static void chunk(ByteArrayOutputStream chunks, byte[] data) {
        chunks.writeBytes((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        chunks.writeBytes(data);
        chunks.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
}
