package com.callbackcloser.api.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service, started as its own process on a restored copy, with the operator's configuration file but the
 * copy's database, ports of its own, no outbox dispatcher (a restored copy must never text anyone) and no alerts.
 */
public final class ServiceOnCopy implements AutoCloseable {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int adminPort;
    private final Path log;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceOnCopy(Process process, int adminPort, Path log) {
        this.process = process;
        this.adminPort = adminPort;
        this.log = log;
    }

    /**
     * Starts {@code server configFile} with this JVM's java and class path. Overrides go in as {@code dw.*}
     * properties, which beat the file; the password goes in a pgpass file, never on the command line.
     */
    public static ServiceOnCopy start(
            Class<?> mainClass, String configFile, LibpqTarget copy, Path pgpass, Path workDirectory)
            throws IOException {
        int port = freePort();
        int adminPort = freePort();
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("database.url", copy.jdbcUrl());
        overrides.put("database.migrationUrl", "");
        if (copy.user() != null) {
            overrides.put("database.user", copy.user());
        }
        overrides.put("server.applicationConnectors[0].port", Integer.toString(port));
        overrides.put("server.adminConnectors[0].port", Integer.toString(adminPort));
        overrides.put("outbox.enabled", "false");
        overrides.put("alerts.webhookUrl", "");

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        overrides.forEach((name, value) -> command.add("-Ddw." + name + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of("server", configFile));

        Path log = workDirectory.resolve("service-on-copy.log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PGPASSFILE", pgpass.toString());
        return new ServiceOnCopy(builder.start(), adminPort, log);
    }

    /**
     * Waits until the admin port answers {@code /healthcheck} and returns each check's verdict. Fails if the
     * process exits or nothing answers in time.
     */
    public Map<String, Boolean> awaitHealthChecks(Duration timeout, ObjectMapper json) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/healthcheck"))
                .timeout(Duration.ofSeconds(10))
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the service on the copy exited (" + process.exitValue() + "):\n" + tail());
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                Map<String, Boolean> verdicts = new LinkedHashMap<>();
                JsonNode checks = json.readTree(response.body());
                checks.properties()
                        .forEach(check -> verdicts.put(
                                check.getKey(), check.getValue().path("healthy").asBoolean(false)));
                return verdicts;
            } catch (IOException notYetListening) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("the service on the copy did not answer within " + timeout + ":\n" + tail());
    }

    /** The last lines the service printed, for a failure message. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops it as a platform would (SIGTERM, then a graceful shutdown); kills it if that takes too long. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
