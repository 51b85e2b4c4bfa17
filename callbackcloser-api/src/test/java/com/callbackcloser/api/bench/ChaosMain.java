package com.callbackcloser.api.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * {@code make chaos}: faults injected into a running service (the fat jar, as an operator runs it), each scenario
 * on a fresh database, with a verdict line per scenario. Exits non-zero if any scenario fails.
 */
public final class ChaosMain {
    private static final String APP_URL = "https://chaos.callbackcloser.test";
    private static final int BUSINESSES = 20;

    private final Path jar;
    private final Path config;
    private final Path work;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final List<String> verdicts = new ArrayList<>();
    private boolean failed;

    private ChaosMain(Path jar, Path config, Path work) {
        this.jar = jar;
        this.config = config;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        ChaosMain chaos = new ChaosMain(
                Path.of(args[0]).toAbsolutePath(),
                Path.of(args[1]).toAbsolutePath(),
                Files.createTempDirectory("callbackcloser-chaos"));
        chaos.scenario("PostgreSQL stopped for 10 s under load", chaos::databaseOutage);
        chaos.scenario("Twilio answering 500s, resets and timeouts", chaos::twilioFailures);
        chaos.scenario("kill -9 with 1,000 texts queued", chaos::killNine);
        chaos.scenario("two instances on one database", chaos::twoInstances);
        System.out.println("\n===== make chaos verdicts =====");
        chaos.verdicts.forEach(System.out::println);
        System.exit(chaos.failed ? 1 : 0);
    }

    @FunctionalInterface
    private interface Scenario {
        String run(Setup setup) throws Exception;
    }

    /** A fresh database, the businesses, and the service's settings; fakes closed afterwards. */
    private record Setup(
            BenchDatabase database, FakeTwilioApi twilio, Fleet fleet, Map<String, String> env, Path dir) {}

    private void scenario(String name, Scenario scenario) {
        System.out.println("\n--- " + name);
        try {
            Path dir = Files.createDirectories(work.resolve(name.replaceAll("\\W+", "-")));
            try (BenchDatabase database = BenchDatabase.start(dir);
                    FakeTwilioApi twilio = new FakeTwilioApi()) {
                Map<String, String> env = ServiceProcess.environment(database.url(), twilio);
                env.put("APP_URL", APP_URL);
                // Settle interrupted sends after 15 s rather than 2 minutes, so a run takes minutes, not hours.
                env.put("TWILIO_REQUEST_TIMEOUT", "2s");
                env.put("JAVA_TOOL_OPTIONS", "-Ddw.outbox.sendingLease=15s");
                ServiceProcess.command(jar, env, "db", "migrate", config.toString());
                Fleet fleet = Fleet.seed(jar, config, env, database, BUSINESSES);
                String detail = scenario.run(new Setup(database, twilio, fleet, env, dir));
                verdicts.add("PASS  " + name + ": " + detail);
            }
        } catch (Exception | AssertionError e) {
            failed = true;
            verdicts.add("FAIL  " + name + ": " + e.getMessage());
            e.printStackTrace(System.out);
        }
    }

    private ServiceProcess start(Setup setup, Map<String, String> env, String name) throws Exception {
        return ServiceProcess.start(jar, config, env, setup.dir().resolve("service-" + name + ".log"));
    }

    // ---- PostgreSQL outage ----

    private String databaseOutage(Setup setup) throws Exception {
        try (ServiceProcess service = start(setup, setup.env(), "outage")) {
            TwilioRequests requests = new TwilioRequests(service.baseUrl(), APP_URL);
            Map<Integer, AtomicLong> duringOutage = new ConcurrentHashMap<>();
            AtomicBoolean down = new AtomicBoolean();
            ConcurrentLinkedQueue<String> callers = new ConcurrentLinkedQueue<>();
            Instant end = Instant.now().plusSeconds(30);
            Thread outage = new Thread(() -> {
                try {
                    Thread.sleep(8_000);
                    down.set(true);
                    setup.database().outage(Duration.ofSeconds(10));
                    down.set(false);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            outage.start();
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Thread client = new Thread(() -> {
                    long i = 0;
                    while (Instant.now().isBefore(end)) {
                        String caller = setup.fleet().newCaller();
                        String callSid = Fleet.callSid();
                        String number = setup.fleet().number(i++);
                        // As Twilio retries a callback that failed: the same request until it is taken.
                        sendUntilAccepted(() -> requests.missedCall(callSid, caller, number), status -> {
                            if (down.get()) {
                                duringOutage
                                        .computeIfAbsent(status, s -> new AtomicLong())
                                        .incrementAndGet();
                            }
                        });
                        callers.add(caller);
                    }
                });
                client.start();
                clients.add(client);
            }
            for (Thread client : clients) {
                client.join();
            }
            outage.join();
            awaitOutboxEmpty(setup.database(), Duration.ofMinutes(3));
            HttpResponse<String> health = service.health();
            Map<Integer, Long> statuses = new TreeMap<>();
            duringOutage.forEach((status, count) -> statuses.put(status, count.get()));
            check(statuses.containsKey(503), "no 503 while the database was down: " + statuses);
            check(!statuses.containsKey(500), "500s while the database was down: " + statuses);
            check(health.statusCode() == 200, "not healthy afterwards: " + health.body());
            String delivery = exactlyOneTextAndLeadEach(setup, List.copyOf(callers));
            return callers.size() + " missed calls; while down the service answered " + statuses
                    + " (-1: connection refused); healthy again without a restart; " + delivery;
        }
    }

    // ---- Twilio failing ----

    private String twilioFailures(Setup setup) throws Exception {
        Instant recovers = Instant.now().plusSeconds(60);
        AtomicLong failures = new AtomicLong();
        setup.twilio().fail(attempt -> {
            if (Instant.now().isAfter(recovers)) {
                return null;
            }
            failures.incrementAndGet();
            return switch (attempt % 4) {
                case 0 -> 500;
                case 1 -> 0;
                case 2 -> -3_000;
                default -> 503;
            };
        });
        try (ServiceProcess service = start(setup, setup.env(), "twilio")) {
            List<String> callers = missedCalls(new TwilioRequests(service.baseUrl(), APP_URL), setup.fleet(), 300);
            awaitOutboxEmpty(setup.database(), Duration.ofMinutes(6));
            check(failures.get() > 0, "the fake never failed");
            long failedRows = setup.database().count("SELECT count(*) FROM messages WHERE delivery_state = 'FAILED'");
            check(failedRows == 0, failedRows + " texts ended FAILED");
            String delivery = exactlyOneTextAndLeadEach(setup, callers);
            return failures.get() + " sends failed (500, 503, reset, 3 s timeouts that Twilio did take) in the "
                    + "first 60 s; " + setup.twilio().createRequests() + " create requests in all; " + delivery;
        }
    }

    // ---- kill -9 ----

    private String killNine(Setup setup) throws Exception {
        Map<String, String> outboxOff = new LinkedHashMap<>(setup.env());
        outboxOff.put("OUTBOX_ENABLED", "false");
        List<String> callers;
        try (ServiceProcess service = start(setup, outboxOff, "queue")) {
            callers = missedCalls(new TwilioRequests(service.baseUrl(), APP_URL), setup.fleet(), 1_000);
        }
        // Slow enough that the outbox's sends (outbox.concurrency in flight) are still going when the kill comes.
        setup.twilio().answerAfter(Duration.ofMillis(500));
        long sendingAtKill;
        long sentAtKill;
        try (ServiceProcess service = start(setup, setup.env(), "killed")) {
            Instant deadline = Instant.now().plusSeconds(120);
            while (setup.twilio().accepted().size() < 300 && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            service.kill();
            sendingAtKill = setup.database().count("SELECT count(*) FROM messages WHERE delivery_state = 'SENDING'");
            sentAtKill = setup.twilio().accepted().size();
        }
        check(
                sendingAtKill > 0 && sentAtKill < callers.size(),
                "the kill did not land mid-send: " + sentAtKill + " at Twilio, " + sendingAtKill + " in flight");
        setup.twilio().answerAfter(Duration.ZERO);
        try (ServiceProcess service = start(setup, setup.env(), "restarted")) {
            awaitOutboxEmpty(setup.database(), Duration.ofMinutes(3));
            if (!service.isAlive()) {
                throw new IllegalStateException("the restarted service died while draining");
            }
        }
        String delivery = exactlyOneTextAndLeadEach(setup, callers);
        return "killed with " + sentAtKill + " texts at Twilio and " + sendingAtKill + " in flight (SENDING); after "
                + "the restart " + delivery;
    }

    // ---- two instances ----

    private String twoInstances(Setup setup) throws Exception {
        Map<String, String> env = new LinkedHashMap<>(setup.env());
        env.put("RATE_LIMIT_TWILIO_UNAUTHORIZED", "40");
        try (ServiceProcess first = start(setup, env, "first");
                ServiceProcess second = start(setup, env, "second")) {
            List<TwilioRequests> both = List.of(
                    new TwilioRequests(first.baseUrl(), APP_URL), new TwilioRequests(second.baseUrl(), APP_URL));
            ConcurrentLinkedQueue<String> callers = new ConcurrentLinkedQueue<>();
            Instant end = Instant.now().plusSeconds(20);
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                TwilioRequests requests = both.get(t % 2);
                Thread client = new Thread(() -> {
                    long i = 0;
                    while (Instant.now().isBefore(end)) {
                        String caller = setup.fleet().newCaller();
                        String callSid = Fleet.callSid();
                        String number = setup.fleet().number(i++);
                        sendUntilAccepted(() -> requests.missedCall(callSid, caller, number), status -> {});
                        callers.add(caller);
                    }
                });
                client.start();
                clients.add(client);
            }
            for (Thread client : clients) {
                client.join();
            }
            // A fixed one-minute window: start with time to spare before the next one.
            while (Instant.now().getEpochSecond() % 60 > 40) {
                Thread.sleep(500);
            }
            Map<Integer, Long> unauthorized = new TreeMap<>();
            for (int i = 0; i < 60; i++) {
                ServiceProcess target = i % 2 == 0 ? first : second;
                HttpRequest unsigned = HttpRequest.newBuilder(URI.create(target.baseUrl() + "/api/twilio/status"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("CallSid=CAbad" + i + "&To=%2B14155551000"))
                        .build();
                unauthorized.merge(
                        http.send(unsigned, HttpResponse.BodyHandlers.discarding())
                                .statusCode(),
                        1L,
                        Long::sum);
            }
            awaitOutboxEmpty(setup.database(), Duration.ofMinutes(3));
            check(
                    unauthorized.getOrDefault(401, 0L) == 40 && unauthorized.getOrDefault(429, 0L) == 20,
                    "60 unsigned requests over both instances, budget 40: " + unauthorized);
            String delivery = exactlyOneTextAndLeadEach(setup, List.copyOf(callers));
            return "both instances sending; 60 unsigned requests alternating between them got " + unauthorized
                    + " (one shared budget of 40); " + delivery;
        }
    }

    // ---- shared ----

    /** Missed calls from new callers, 8 at a time, each retried until taken; returns the callers. */
    private List<String> missedCalls(TwilioRequests requests, Fleet fleet, int count) throws InterruptedException {
        ConcurrentLinkedQueue<String> callers = new ConcurrentLinkedQueue<>();
        AtomicLong made = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                long i;
                while ((i = made.incrementAndGet()) <= count) {
                    String caller = fleet.newCaller();
                    String callSid = Fleet.callSid();
                    String number = fleet.number(i);
                    sendUntilAccepted(() -> requests.missedCall(callSid, caller, number), status -> {});
                    callers.add(caller);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return List.copyOf(callers);
    }

    private void sendUntilAccepted(
            java.util.function.Supplier<HttpRequest> request, java.util.function.IntConsumer seen) {
        Instant giveUp = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(giveUp)) {
            int status;
            try {
                status = http.send(request.get(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            seen.accept(status);
            if (status == 200) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("a callback was never taken");
    }

    /** Every caller: one lead in the database and exactly one text at Twilio. */
    private static String exactlyOneTextAndLeadEach(Setup setup, List<String> callers) throws Exception {
        Map<String, Long> texts = setup.twilio().accepted().stream()
                .collect(Collectors.groupingBy(FakeTwilioApi.Received::to, Collectors.counting()));
        Map<String, Long> leads = new java.util.HashMap<>();
        try (Connection connection = setup.database().connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT caller_number, count(*) FROM leads GROUP BY 1")) {
            while (rs.next()) {
                leads.put(rs.getString(1), rs.getLong(2));
            }
        }
        long lost = callers.stream()
                .filter(caller -> texts.getOrDefault(caller, 0L) == 0)
                .count();
        long twice = callers.stream()
                .filter(caller -> texts.getOrDefault(caller, 0L) > 1)
                .count();
        long leadless = callers.stream()
                .filter(caller -> leads.getOrDefault(caller, 0L) != 1)
                .count();
        check(
                lost == 0 && twice == 0 && leadless == 0,
                callers.size() + " callers: " + lost + " never texted, " + twice + " texted more than once, " + leadless
                        + " without exactly one lead");
        return callers.size() + " callers, each with one lead and exactly one text";
    }

    /**
     * Texts still to go: sending, or queued, retries waiting out their backoff included. Not a follow-up that waits,
     * as it should, for its caller to stay quiet for hours.
     */
    static final String PENDING = "SELECT count(*) FROM messages WHERE delivery_state = 'SENDING'"
            + " OR (delivery_state = 'QUEUED' AND (NOT follow_up OR next_attempt_at <= now()))";

    private static void awaitOutboxEmpty(BenchDatabase database, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (database.count(PENDING) > 0) {
            check(
                    Instant.now().isBefore(deadline),
                    "the outbox did not empty within " + timeout + ": " + database.count(PENDING) + " left");
            Thread.sleep(200);
        }
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new AssertionError(failure);
        }
    }
}
