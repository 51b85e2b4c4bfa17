package com.callbackcloser.api.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: bodies that are not UTF-8, request targets with bad
 * escapes, control characters and megabytes in header values, which {@code java.net.http} refuses to send.
 * One request per connection ({@code Connection: close}); the body is written on its own thread, so a server
 * that answers before reading it all (a 413) is heard rather than deadlocked on.
 */
final class RawHttp {
    private static final int TIMEOUT_MILLIS = 30_000;

    private RawHttp() {}

    /** A request; header values are sent as ISO-8859-1 bytes, so any byte can be put in one. */
    @SuppressWarnings("ArrayRecordComponent") // never compared: the bytes are what is sent
    record Request(String method, String target, Map<String, String> headers, byte[] body) {
        static Request post(String target, Map<String, String> headers, byte[] body) {
            return new Request("POST", target, headers, body);
        }

        static Request get(String target, Map<String, String> headers) {
            return new Request("GET", target, headers, new byte[0]);
        }

        byte[] bytes(int port) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 512);
            StringBuilder head = new StringBuilder()
                    .append(method)
                    .append(' ')
                    .append(target)
                    .append(" HTTP/1.1\r\n")
                    .append("Host: localhost:")
                    .append(port)
                    .append("\r\n")
                    .append("Connection: close\r\n");
            head.append("Content-Length: ").append(body.length).append("\r\n");
            headers.forEach((name, value) ->
                    head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(body);
            return out.toByteArray();
        }

        /** For failure messages: the start of the request, printable. */
        String describe() {
            String shownBody = new String(body, 0, Math.min(body.length, 300), StandardCharsets.ISO_8859_1);
            Map<String, String> shownHeaders = new LinkedHashMap<>();
            headers.forEach((name, value) ->
                    shownHeaders.put(name, value.length() > 200 ? value.substring(0, 200) + "…" : value));
            return method + " " + (target.length() > 300 ? target.substring(0, 300) + "…" : target) + " headers="
                    + printable(shownHeaders.toString()) + " body(" + body.length + " bytes)="
                    + printable(shownBody);
        }
    }

    /** An answer; header names lower-cased. */
    @SuppressWarnings("ArrayRecordComponent") // never compared: the bytes are what came back
    record Answer(int status, Map<String, List<String>> headers, byte[] body) {
        Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String describe() {
            return status + " " + headers + " " + printable(text().length() > 500 ? text().substring(0, 500) : text());
        }
    }

    static Answer exchange(int port, Request request) {
        byte[] bytes = request.bytes(port);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            Thread writer = new Thread(() -> write(socket, bytes), "raw-http-writer");
            writer.setDaemon(true);
            writer.start();
            byte[] response = readAll(socket.getInputStream());
            writer.join(TIMEOUT_MILLIS);
            return parse(response, request);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within " + TIMEOUT_MILLIS + " ms to " + request.describe(), e);
        } catch (IOException e) {
            throw new IllegalStateException("could not talk to the service: " + request.describe(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(Socket socket, byte[] bytes) {
        try {
            OutputStream out = socket.getOutputStream();
            for (int offset = 0; offset < bytes.length; offset += 16_384) {
                out.write(bytes, offset, Math.min(16_384, bytes.length - offset));
            }
            out.flush();
        } catch (IOException e) {
            // The server answered and closed before reading everything (a 413, a 431): what it said is read.
        }
    }

    /** Everything until the server closes; a reset after the answer has arrived keeps what was read. */
    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16_384];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            if (out.size() == 0) {
                throw e;
            }
        }
        return out.toByteArray();
    }

    private static Answer parse(byte[] whole, Request request) {
        byte[] response = whole;
        // Interim answers (100 Continue to an Expect header) come first; the final one is what counts.
        while (new String(response, 0, Math.min(response.length, 12), StandardCharsets.ISO_8859_1)
                .matches("HTTP/1\\.1 1\\d\\d.*")) {
            int interimEnd = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            response = java.util.Arrays.copyOfRange(response, interimEnd + 4, response.length);
        }
        int headEnd = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (headEnd < 0) {
            throw new AssertionError("not an HTTP answer ("
                    + printable(new String(response, StandardCharsets.ISO_8859_1)) + ") to " + request.describe());
        }
        String[] lines = new String(response, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n", -1);
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(
                            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        byte[] body = java.util.Arrays.copyOfRange(response, headEnd + 4, response.length);
        List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
        if (encoding.stream().anyMatch(e -> e.equalsIgnoreCase("chunked"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle, 0);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Control characters and non-ASCII shown as escapes, so a failure message can be read and copied. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7f) {
                out.appendCodePoint(cp);
            } else {
                out.append(cp > 0xffff ? String.format("\\U%06X", cp) : String.format("\\u%04X", cp));
            }
        });
        return out.toString();
    }
}
