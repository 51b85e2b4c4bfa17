package com.callbackcloser.api.bench;

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
 * The fat jar run as an operator runs it ({@code java -jar callbackcloser.jar server config.yml}), configured
 * only through environment variables, with its output in a log file.
 */
public final class ServiceProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final int adminPort;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();

    private ServiceProcess(Process process, int port, int adminPort, Path log) {
        this.process = process;
        this.port = port;
        this.adminPort = adminPort;
        this.log = log;
    }

    /** The settings every bench and chaos run shares; callers add or override. */
    public static Map<String, String> environment(String databaseUrl, FakeTwilioApi twilio) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("APP_ENV", "development");
        env.put("DATABASE_URL", databaseUrl);
        env.put("TWILIO_ACCOUNT_SID", FakeTwilioApi.ACCOUNT_SID);
        env.put("TWILIO_AUTH_TOKEN", FakeTwilioApi.AUTH_TOKEN);
        env.put("TWILIO_API_BASE_URL", twilio.baseUrl());
        env.put("TWILIO_VALIDATE_SIGNATURE", "true");
        // Quotas are not what is measured: no business runs out.
        env.put("PLAN_STARTER_LIMIT", "100000000");
        env.put("PLAN_PRO_LIMIT", "100000000");
        // Authenticated Twilio webhooks are never counted, so the load meets no budget of its own.
        return env;
    }

    /** Runs a one-off command of the jar (e.g. {@code db migrate config.yml}) and returns what it printed. */
    public static String command(Path jar, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile("callbackcloser-command", ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", args) + " failed:\n" + Files.readString(output));
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        return printed;
    }

    /** Starts {@code server} on free ports and waits until its health checks answer. */
    public static ServiceProcess start(Path jar, Path config, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        return start(jar, config, env, log, freePort());
    }

    /** On this application port, e.g. the one APP_URL names (a browser follows the service's redirects there). */
    public static ServiceProcess start(Path jar, Path config, Map<String, String> env, Path log, int port)
            throws IOException, InterruptedException {
        int adminPort = freePort();
        List<String> command =
                List.of(java(), "-Xmx512m", "-XX:+UseParallelGC", "-jar", jar.toString(), "server", config.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("ADMIN_PORT", Integer.toString(adminPort));
        ServiceProcess service = new ServiceProcess(builder.start(), port, adminPort, log);
        service.awaitReady(Duration.ofMinutes(2));
        return service;
    }

    /** Where the service writes (its request log included: one line per request, with the server's time). */
    public Path log() {
        return log;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String adminUrl() {
        return "http://127.0.0.1:" + adminPort;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The most memory the process has held (VmHWM), in MiB; -1 where /proc does not say. */
    public long peakResidentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** The admin port's JSON health report, and whether every check passed. */
    public HttpResponse<String> health() throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(adminUrl() + "/healthcheck")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ping =
                HttpRequest.newBuilder(URI.create(adminUrl() + "/ping")).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited (" + process.exitValue() + "); see " + log);
            }
            try {
                if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the service did not start within " + timeout + "; see " + log);
    }

    /** SIGKILL: no shutdown hooks, no graceful stop, as a crashed host. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM and a graceful stop, as a platform redeploying. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
