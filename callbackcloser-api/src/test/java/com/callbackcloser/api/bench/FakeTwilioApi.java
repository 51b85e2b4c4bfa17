package com.callbackcloser.api.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Twilio's Messages API on loopback, light enough for a load test: it answers a create as Twilio does (201 and
 * the message JSON), after a configurable delay or with a configurable failure, and records when each send
 * arrived. It also lists messages (To/From filters), which the service uses to settle interrupted sends.
 */
public final class FakeTwilioApi implements AutoCloseable {
    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "bench-auth-token-0123456789abcdef";
    private static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    private static final String RECORDINGS_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Recordings/";

    /** A send as it reached Twilio, with the bench clock's time of arrival. */
    public record Received(
            String sid, String from, String to, String body, long arrivedNanos, Instant arrivedAt, boolean accepted) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger creates = new AtomicInteger();
    private final Map<String, Recording> recordings = new java.util.concurrent.ConcurrentHashMap<>();

    /** A recording's answer: its media type and bytes (a class, not a record: records compare arrays by identity). */
    private static final class Recording {
        private final String contentType;
        private final byte[] audio;

        Recording(String contentType, byte[] audio) {
            this.contentType = contentType;
            this.audio = audio.clone();
        }

        String contentType() {
            return contentType;
        }

        byte[] audio() {
            return audio.clone();
        }
    }

    private volatile Duration delay = Duration.ZERO;
    /**
     * Given the create's number (from 1): null for a normal 201; an HTTP status to fail with; 0 to hang up without
     * an answer; a negative number to accept the message but answer only after that many milliseconds (past the
     * client's timeout, the service cannot know the text went out).
     */
    private volatile IntFunction<Integer> failures = attempt -> null;

    public FakeTwilioApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.createContext(MESSAGES_PATH, this::messages);
        server.createContext(RECORDINGS_PATH, this::recording);
        server.setExecutor(threads);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Twilio's media URL of a recording ({@code …/Recordings/RE….mp3}) answers with this audio. */
    public void hasRecording(String recordingSid, String contentType, byte[] audio) {
        recordings.put(recordingSid, new Recording(contentType, audio));
    }

    /** The URL Twilio's callbacks carry for a recording (the service asks for its .mp3 rendition). */
    public static String recordingUrl(String recordingSid) {
        return "https://api.twilio.com" + RECORDINGS_PATH + recordingSid;
    }

    public void answerAfter(Duration delay) {
        this.delay = delay;
    }

    public void fail(IntFunction<Integer> failures) {
        this.failures = failures;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public List<Received> accepted() {
        return received.stream().filter(Received::accepted).toList();
    }

    public int createRequests() {
        return creates.get();
    }

    public void clear() {
        received.clear();
        creates.set(0);
    }

    private void messages(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod())) {
                list(exchange);
                return;
            }
            long arrived = System.nanoTime();
            Instant arrivedAt = Instant.now();
            Map<String, String> form =
                    form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int attempt = creates.incrementAndGet();
            sleep(delay);
            Integer failure = failures.apply(attempt);
            String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
            if (failure != null && failure < 0) {
                received.add(new Received(
                        sid, form.get("From"), form.get("To"), form.get("Body"), arrived, arrivedAt, true));
                sleep(Duration.ofMillis(-failure));
                respond(exchange, 201, messageJson(sid, form.get("From"), form.get("To"), form.get("Body"), arrivedAt));
                return;
            }
            if (failure != null) {
                received.add(new Received(
                        sid, form.get("From"), form.get("To"), form.get("Body"), arrived, arrivedAt, false));
                if (failure == 0) {
                    // 0: hang up without an answer, like a connection reset.
                    exchange.close();
                    return;
                }
                respond(
                        exchange,
                        failure,
                        "{\"code\":20500,\"message\":\"Internal Server Error\",\"more_info\":"
                                + "\"https://www.twilio.com/docs/errors/20500\",\"status\":" + failure + "}");
                return;
            }
            received.add(
                    new Received(sid, form.get("From"), form.get("To"), form.get("Body"), arrived, arrivedAt, true));
            respond(exchange, 201, messageJson(sid, form.get("From"), form.get("To"), form.get("Body"), arrivedAt));
        }
    }

    private void recording(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring(RECORDINGS_PATH.length());
            Recording recording = recordings.get(name.replaceAll("\\.(mp3|wav)$", ""));
            String expected = "Basic "
                    + java.util.Base64.getEncoder()
                            .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
                return;
            }
            if (recording == null) {
                respond(exchange, 404, "{\"code\":20404,\"message\":\"not found\",\"status\":404}");
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", recording.contentType());
            exchange.sendResponseHeaders(200, recording.audio().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(recording.audio());
            }
        }
    }

    private void list(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(
                exchange.getRequestURI().getRawQuery() == null
                        ? ""
                        : exchange.getRequestURI().getRawQuery());
        StringBuilder messages = new StringBuilder();
        for (Received message : received) {
            if (message.accepted()
                    && message.to().equals(query.getOrDefault("To", message.to()))
                    && message.from().equals(query.getOrDefault("From", message.from()))) {
                messages.append(messages.length() == 0 ? "" : ",")
                        .append(messageJson(
                                message.sid(), message.from(), message.to(), message.body(), message.arrivedAt()));
            }
        }
        respond(
                exchange,
                200,
                "{\"messages\":[" + messages + "],\"end\":0,\"first_page_uri\":\"" + MESSAGES_PATH
                        + "?PageSize=50&Page=0\",\"next_page_uri\":null,\"page\":0,\"page_size\":50,"
                        + "\"previous_page_uri\":null,\"start\":0,\"uri\":\"" + MESSAGES_PATH
                        + "?PageSize=50&Page=0\"}");
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String messageJson(String sid, String from, String to, String body, Instant created) {
        return """
                {"account_sid":"%s","api_version":"2010-04-01","body":%s,\
                "date_created":"%s","date_sent":null,\
                "date_updated":"%s","direction":"outbound-api","error_code":null,\
                "error_message":null,"from":"%s","messaging_service_sid":null,"num_media":"0","num_segments":"1",\
                "price":null,"price_unit":"USD","sid":"%s","status":"queued",\
                "subresource_uris":{"media":"/2010-04-01/Accounts/%s/Messages/%s/Media.json"},\
                "to":"%s","uri":"/2010-04-01/Accounts/%s/Messages/%s.json"}""".formatted(
                        ACCOUNT_SID,
                        quote(body),
                        rfc1123(created),
                        rfc1123(created),
                        from,
                        sid,
                        ACCOUNT_SID,
                        sid,
                        to,
                        ACCOUNT_SID,
                        sid);
    }

    private static final DateTimeFormatter TWILIO_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", java.util.Locale.US);

    /** Twilio's dates ("Thu, 26 Nov 2026 12:00:00 +0000"); the service compares them with when it claimed a send. */
    private static String rfc1123(Instant time) {
        return TWILIO_DATE.format(time.atZone(ZoneOffset.UTC));
    }

    private static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : encoded.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
