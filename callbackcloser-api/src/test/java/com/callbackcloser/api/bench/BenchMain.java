package com.callbackcloser.api.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code make bench}: the service's fat jar, started as an operator starts it, driven over HTTP with signed
 * Twilio webhooks, against a local Twilio fake and a PostgreSQL of the bench's own. Prints every measurement
 * next to the bounds it is judged against. A benchmark, not a test: it asserts nothing.
 */
public final class BenchMain {
    private static final String APP_URL = "https://bench.callbackcloser.test";
    /** Missed calls of one business are handled one at a time (its monthly quota); load spreads over many. */
    private static final int BUSINESSES = 200;

    private static final int[] CONCURRENCY = {8, 32, 128};
    private static final List<String> CONVERSATION = List.of("1", "this week", "94110", "evening", "Alex");
    private static final int BACKLOG = 10_000;

    private final Path jar;
    private final Path config;
    private final Path work;
    private final Duration warmup;
    private final Duration measured;
    private final BenchDatabase database;
    private final FakeTwilioApi twilio;
    private final Map<String, String> env;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private Fleet fleet;
    private final Report report = new Report();

    private BenchMain(Path jar, Path config, Path work, Duration warmup, Duration measured) throws Exception {
        this.jar = jar;
        this.config = config;
        this.work = work;
        this.warmup = warmup;
        this.measured = measured;
        this.database = BenchDatabase.start(work);
        this.twilio = new FakeTwilioApi();
        this.env = ServiceProcess.environment(database.url(), twilio);
        env.put("APP_URL", APP_URL);
        // e.g. -XX:StartFlightRecording=filename=/tmp/service.jfr to profile the service under the bench's load
        String profiling = System.getenv("SERVICE_JAVA_TOOL_OPTIONS");
        if (profiling != null && !profiling.isBlank()) {
            env.put("JAVA_TOOL_OPTIONS", profiling);
        }
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path config = Path.of(args[1]).toAbsolutePath();
        long seconds = args.length > 2 ? Long.parseLong(args[2]) : 10;
        Path work = Files.createTempDirectory("callbackcloser-bench");
        BenchMain bench = new BenchMain(jar, config, work, Duration.ofSeconds(3), Duration.ofSeconds(seconds));
        try {
            bench.run();
        } finally {
            bench.twilio.close();
            bench.database.close();
        }
        System.out.println(bench.report);
    }

    private void run() throws Exception {
        report.line(
                0,
                "machine: " + Runtime.getRuntime().availableProcessors() + " cores, java "
                        + System.getProperty("java.version") + "; each point: " + warmup.toSeconds() + " s warm-up, "
                        + measured.toSeconds() + " s measured; work directory " + work);
        ServiceProcess.command(jar, env, "db", "migrate", config.toString());
        fleet = Fleet.seed(jar, config, env, database, BUSINESSES);

        Map<String, String> outboxOff = new LinkedHashMap<>(env);
        outboxOff.put("OUTBOX_ENABLED", "false");
        Bounds missedCallBounds = new Bounds();
        Bounds smsBounds = new Bounds();
        report.section(1, "missed-call status callbacks (each: a call, a lead, a text queued)");
        report.section(2, "inbound SMS conversation steps (service, urgency, ZIP, time, name; each reply queued)");
        try (ServiceProcess service = start(outboxOff, "webhooks-only")) {
            TwilioRequests requests = requests(service);
            PgbenchReplay missedCallReplay = captureMissedCall(requests);
            PgbenchReplay smsReplay = captureSmsStep(requests);
            // A cold JIT would make the first point (8 connections) measure the compiler, not the service.
            Load.closedLoop(
                    "warm-up",
                    32,
                    warmup,
                    Duration.ofSeconds(15),
                    http,
                    missedCalls(requests, new ConcurrentHashMap<>()));
            report.line(
                    1,
                    "webhook only (this instance's outbox off), against the bounds; the replay runs the "
                            + missedCallReplay.statementsPerRequest() + " statements captured from one callback");
            missedCallThroughput(service, requests, missedCallBounds, missedCallReplay);
            report.line(
                    2,
                    "webhook only (this instance's outbox off); the replay runs the " + smsReplay.statementsPerRequest()
                            + " statements captured from one answered step");
            smsThroughput(service, requests, smsBounds, smsReplay);
            // What the webhooks queued is not the backlog the drain measures.
            database.execute("DELETE FROM messages WHERE delivery_state = 'QUEUED'");
            queueMissedCalls(requests, BACKLOG);
        }
        drainBacklog(Duration.ZERO);
        try (ServiceProcess service = start(outboxOff, "backlog")) {
            queueMissedCalls(requests(service), BACKLOG);
        }
        drainBacklog(Duration.ofMillis(200));

        twilio.answerAfter(Duration.ZERO);
        try (ServiceProcess service = start(env, "with-outbox")) {
            TwilioRequests requests = requests(service);
            Load.closedLoop("warm-up", 32, warmup, measured, http, missedCalls(requests, new ConcurrentHashMap<>()));
            awaitOutboxEmpty();
            missedCallToTextIdle(requests);
            report.line(1, "with the outbox sending every text alongside (as in production; the bounds are the same)");
            Load.Result missedAt32 = missedCallThroughput(service, requests, missedCallBounds, null);
            report.line(2, "with the outbox sending every reply alongside");
            smsThroughput(service, requests, smsBounds, null);
            twilioLatency(requests, missedAt32);
            report.section(6, "memory");
            report.line(
                    6,
                    "peak resident memory of the service (VmHWM): " + service.peakResidentMiB()
                            + " MiB (-Xmx512m, ParallelGC)");
        }
        report.section(7, "the dashboard's inbox for a business with 100,000 leads (also: make bench-inbox)");
        InboxBench.run(jar, config, work, database, twilio, line -> report.line(7, line));
    }

    /** The HTTP and database bounds per concurrency, measured once and compared with both runs. */
    private static final class Bounds {
        private final Map<Integer, Load.Result[]> byConcurrency = new ConcurrentHashMap<>();
    }

    private Load.Result[] bounds(
            ServiceProcess service, Bounds bounds, PgbenchReplay replay, int concurrency, int poolSize)
            throws Exception {
        if (replay != null) {
            CpuMeter meter = new CpuMeter(service.pid());
            CpuMeter.Sample before = meter.sample();
            Load.Result replayed = replay.run(database, concurrency, measured, poolSize, work);
            replayed = replayed.withCpu(CpuMeter.between(before, meter.sample(), replayed.requests()));
            bounds.byConcurrency.put(concurrency, new Load.Result[] {trivial(service, concurrency), replayed});
        }
        return bounds.byConcurrency.get(concurrency);
    }

    private ServiceProcess start(Map<String, String> environment, String name) throws Exception {
        return ServiceProcess.start(jar, config, environment, work.resolve("service-" + name + ".log"));
    }

    private TwilioRequests requests(ServiceProcess service) {
        return new TwilioRequests(service.baseUrl(), APP_URL);
    }

    private String newCaller() {
        return fleet.newCaller();
    }

    private String number(long sequence) {
        return fleet.number(sequence);
    }

    private Load.Requests missedCalls(TwilioRequests requests, Map<String, Long> sentAt) {
        return sequence -> {
            String caller = newCaller();
            sentAt.put(caller, System.nanoTime());
            return requests.missedCall(Fleet.callSid(), caller, number(sequence));
        };
    }

    // ---- capture: the statements one request issues, for the pgbench replay ----

    private PgbenchReplay captureMissedCall(TwilioRequests requests) throws Exception {
        List<PgbenchReplay.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String caller = newCaller();
            String number = number(i);
            List<LoggedStatement> statements =
                    database.capture(() -> send(requests.missedCall(Fleet.callSid(), caller, number)));
            samples.add(new PgbenchReplay.Sample(statements, businessValues(number)));
        }
        PgbenchReplay replay = PgbenchReplay.of(samples.get(1), samples.get(2), "bench_businesses", this::tableOfId);
        Files.writeString(work.resolve("replay-missed-call.sql"), replay.script());
        return replay;
    }

    private PgbenchReplay captureSmsStep(TwilioRequests requests) throws Exception {
        List<String> leadCallers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String caller = newCaller();
            leadCallers.add(caller);
            send(requests.missedCall(Fleet.callSid(), caller, number(i)));
        }
        List<PgbenchReplay.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String caller = leadCallers.get(i);
            String number = number(i);
            List<LoggedStatement> statements =
                    database.capture(() -> send(requests.sms(Fleet.messageSid(), caller, number, CONVERSATION.get(0))));
            Map<String, String> pooled = businessValues(number);
            pooled.putAll(leadValues(caller));
            samples.add(new PgbenchReplay.Sample(statements, pooled));
        }
        PgbenchReplay replay = PgbenchReplay.of(samples.get(1), samples.get(2), "bench_leads", this::tableOfId);
        Files.writeString(work.resolve("replay-sms-step.sql"), replay.script());
        return replay;
    }

    /** Every lead there is now, for the SMS replay to answer as (many, so clients rarely share one). */
    private int leadPool() throws SQLException {
        database.execute("DROP TABLE IF EXISTS bench_leads");
        database.execute("CREATE TABLE bench_leads AS SELECT row_number() OVER (ORDER BY l.id) AS n, l.id AS lead_id,"
                + " l.call_id, l.caller_number, b.id AS business_id, b.twilio_number"
                + " FROM leads l JOIN businesses b ON b.id = l.business_id");
        database.execute("ALTER TABLE bench_leads ADD PRIMARY KEY (n)");
        return (int) database.count("SELECT count(*) FROM bench_leads");
    }

    private Map<String, String> businessValues(String number) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT business_id FROM bench_businesses WHERE twilio_number = ?")) {
            query.setString(1, number);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                values.put(rs.getString(1), "business_id");
            }
        }
        values.put(number, "twilio_number");
        return values;
    }

    private Map<String, String> leadValues(String caller) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        try (Connection connection = database.connect();
                PreparedStatement query =
                        connection.prepareStatement("SELECT id, call_id FROM leads WHERE caller_number = ?")) {
            query.setString(1, caller);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                values.put(rs.getString(1), "lead_id");
                values.put(rs.getString(2), "call_id");
            }
        }
        values.put(caller, "caller_number");
        return values;
    }

    /** Which table's row has this id (the replay then takes it from the statement that inserted it). */
    private Optional<String> tableOfId(String id) {
        for (String table : List.of("calls", "leads", "messages", "sms_consents", "audit_events")) {
            try (Connection connection = database.connect();
                    PreparedStatement query =
                            connection.prepareStatement("SELECT 1 FROM " + table + " WHERE id::text = ?")) {
                query.setString(1, id);
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next()) {
                        return Optional.of(table);
                    }
                }
            } catch (SQLException noSuchColumn) {
                // a table without a uuid id
            }
        }
        return Optional.empty();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    // ---- 1. missed calls, with the HTTP and database bounds ----

    /** With {@code replay}: the webhook-only run, measuring the bounds too; without: the run with the outbox. */
    private Load.Result missedCallThroughput(
            ServiceProcess service, TwilioRequests requests, Bounds bounds, PgbenchReplay replay) throws Exception {
        Load.Result at32 = null;
        for (int concurrency : CONCURRENCY) {
            database.resetStatementStatistics();
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            twilio.clear();
            Load.Result result = Load.closedLoop(
                    "missed call",
                    concurrency,
                    warmup,
                    measured,
                    http,
                    missedCalls(requests, sentAt),
                    new CpuMeter(service.pid()));
            long statements = database.statementStatistics().stream()
                    .mapToLong(BenchDatabase.StatementStatistics::calls)
                    .sum();
            if (replay == null) {
                awaitOutboxEmpty();
            }
            Load.Result[] bound = bounds(service, bounds, replay, concurrency, BUSINESSES);
            report.throughput(1, result, bound[0], bound[1]);
            report.line(
                    1,
                    String.format(
                            Locale.ROOT,
                            "       pg_stat_statements: %.1f statement executions per callback%s",
                            statements / (double) Math.max(1, result.requests()),
                            replay == null ? " (webhook and outbox together)" : ""));
            if (replay == null && concurrency == 32) {
                at32 = result;
                underLoadTextLatency(requests, result, sentAt);
            }
        }
        return at32;
    }

    private void underLoadTextLatency(TwilioRequests requests, Load.Result flatOut, Map<String, Long> sentAt)
            throws Exception {
        double[] saturated = Load.percentiles(textLatencies(sentAt));
        report.line(
                5,
                String.format(
                        Locale.ROOT,
                        "32 connections flat out (%.0f calls/s, more than the outbox can send alongside): p50 %.1f ms,"
                                + " p99 %.1f ms over %d texts",
                        flatOut.perSecond(),
                        saturated[0],
                        saturated[1],
                        sentAt.size()));
        for (double share : new double[] {0.5, 0.75}) {
            Map<String, Long> pacedSentAt = new ConcurrentHashMap<>();
            twilio.clear();
            Load.Result paced = Load.paced(
                    "missed call, paced",
                    32,
                    flatOut.perSecond() * share,
                    measured,
                    http,
                    missedCalls(requests, pacedSentAt));
            double[] steady = Load.percentiles(textLatencies(pacedSentAt));
            report.line(
                    5,
                    String.format(
                            Locale.ROOT,
                            "32 connections at %.0f calls/s (%.0f%% of flat out): p50 %.1f ms, p99 %.1f ms over %d texts;"
                                    + " the callbacks p50 %.1f ms, p99 %.1f ms",
                            paced.perSecond(),
                            share * 100,
                            steady[0],
                            steady[1],
                            pacedSentAt.size(),
                            paced.p50Millis(),
                            paced.p99Millis()));
        }
    }

    private Load.Result trivial(ServiceProcess service, int concurrency) throws InterruptedException {
        HttpRequest ping =
                HttpRequest.newBuilder(URI.create(service.adminUrl() + "/ping")).build();
        return Load.closedLoop("trivial endpoint (admin /ping)", concurrency, warmup, measured, http, sequence -> ping);
    }

    // ---- 2. SMS conversation steps ----

    private void smsThroughput(ServiceProcess service, TwilioRequests requests, Bounds bounds, PgbenchReplay replay)
            throws Exception {
        for (int concurrency : CONCURRENCY) {
            int leads = (int) Math.max(2_000, concurrency * 60L);
            ConcurrentLinkedQueue<String[]> conversations = new ConcurrentLinkedQueue<>();
            createLeads(requests, leads, conversations);
            if (replay == null) {
                awaitOutboxEmpty();
            }
            Map<Long, String[]> byThread = new ConcurrentHashMap<>();
            Map<Long, Integer> stepOf = new ConcurrentHashMap<>();
            Load.Requests steps = sequence -> {
                long thread = Thread.currentThread().getId();
                String[] conversation = byThread.get(thread);
                int step = stepOf.getOrDefault(thread, 0);
                if (conversation == null || step == CONVERSATION.size()) {
                    conversation = conversations.poll();
                    if (conversation == null) {
                        throw new IllegalStateException("ran out of leads: raise the pool");
                    }
                    byThread.put(thread, conversation);
                    step = 0;
                }
                stepOf.put(thread, step + 1);
                return requests.sms(Fleet.messageSid(), conversation[0], conversation[1], CONVERSATION.get(step));
            };
            Load.Result result = Load.closedLoop(
                    "SMS step", concurrency, warmup, measured, http, steps, new CpuMeter(service.pid()));
            if (replay == null) {
                awaitOutboxEmpty();
            }
            Load.Result[] bound = bounds(service, bounds, replay, concurrency, replay == null ? 0 : leadPool());
            report.throughput(2, result, bound[0], bound[1]);
        }
    }

    private void createLeads(TwilioRequests requests, int count, ConcurrentLinkedQueue<String[]> conversations)
            throws InterruptedException {
        AtomicLong made = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            Thread thread = new Thread(() -> {
                long i;
                while ((i = made.incrementAndGet()) <= count) {
                    String caller = newCaller();
                    String number = number(i);
                    try {
                        send(requests.missedCall(Fleet.callSid(), caller, number));
                        conversations.add(new String[] {caller, number});
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    // ---- 3. does a slow Twilio slow the webhooks? ----

    private void twilioLatency(TwilioRequests requests, Load.Result fast) throws Exception {
        report.section(3, "status-callback latency with the Twilio fake answering in 0 ms and in 2 s (32 connections)");
        twilio.answerAfter(Duration.ofSeconds(2));
        Load.Result slow = Load.closedLoop(
                "missed call, Twilio 2 s",
                32,
                warmup,
                measured,
                http,
                missedCalls(requests, new ConcurrentHashMap<>()));
        twilio.answerAfter(Duration.ZERO);
        report.line(
                3,
                String.format(
                        Locale.ROOT,
                        "p99 %.1f ms (Twilio 0 ms) vs %.1f ms (Twilio 2 s): ratio %.2f; %.0f vs %.0f requests/s",
                        fast.p99Millis(),
                        slow.p99Millis(),
                        slow.p99Millis() / fast.p99Millis(),
                        fast.perSecond(),
                        slow.perSecond()));
    }

    // ---- 4. outbox drain ----

    private void queueMissedCalls(TwilioRequests requests, int count) throws Exception {
        ConcurrentLinkedQueue<String[]> ignored = new ConcurrentLinkedQueue<>();
        createLeads(requests, count, ignored);
    }

    private void drainBacklog(Duration twilioLatency) throws Exception {
        if (twilioLatency.isZero()) {
            report.section(4, "outbox drain of a " + BACKLOG + "-text backlog (outbox.concurrency from config)");
        }
        long queued = database.count(
                "SELECT count(*) FROM messages WHERE delivery_state = 'QUEUED' AND next_attempt_at <= now()");
        twilio.clear();
        twilio.answerAfter(twilioLatency);
        Instant started = Instant.now();
        try (ServiceProcess service = start(env, "drain-" + twilioLatency.toMillis())) {
            while (database.count("SELECT count(*) FROM messages WHERE delivery_state = 'SENDING'"
                            + " OR (delivery_state = 'QUEUED' AND next_attempt_at <= now())")
                    > 0) {
                if (Duration.between(started, Instant.now()).toMinutes() > 10 || !service.isAlive()) {
                    throw new IllegalStateException("the backlog did not drain in 10 minutes, or the service died");
                }
                Thread.sleep(100);
            }
        }
        List<FakeTwilioApi.Received> sent = twilio.accepted();
        long first = sent.stream()
                .mapToLong(FakeTwilioApi.Received::arrivedNanos)
                .min()
                .orElse(0);
        long last = sent.stream()
                .mapToLong(FakeTwilioApi.Received::arrivedNanos)
                .max()
                .orElse(0);
        double seconds = (last - first) / 1e9;
        report.line(
                4,
                String.format(
                        Locale.ROOT,
                        "Twilio answering in %d ms: %d queued, %d sent in %.1f s = %.0f texts/s",
                        twilioLatency.toMillis(),
                        queued,
                        sent.size(),
                        seconds,
                        (sent.size() - 1) / seconds));
        twilio.answerAfter(Duration.ZERO);
    }

    private void awaitOutboxEmpty() throws Exception {
        Instant started = Instant.now();
        while (database.count(ChaosMain.PENDING) > 0) {
            if (Duration.between(started, Instant.now()).toMinutes() > 5) {
                throw new IllegalStateException("the outbox did not empty in 5 minutes");
            }
            Thread.sleep(100);
        }
    }

    // ---- 5. missed call to text ----

    private void missedCallToTextIdle(TwilioRequests requests) throws Exception {
        twilio.clear();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        for (int i = 0; i < 200; i++) {
            String caller = newCaller();
            sentAt.put(caller, System.nanoTime());
            send(requests.missedCall(Fleet.callSid(), caller, number(i)));
            Thread.sleep(50);
        }
        awaitOutboxEmpty();
        double[] idle = Load.percentiles(textLatencies(sentAt));
        report.section(5, "missed call to text (status callback sent -> the Twilio fake receives the text)");
        report.line(
                5,
                String.format(
                        Locale.ROOT,
                        "idle (one call at a time): p50 %.1f ms, p99 %.1f ms over %d texts",
                        idle[0],
                        idle[1],
                        sentAt.size()));
    }

    private List<Long> textLatencies(Map<String, Long> sentAt) throws Exception {
        awaitOutboxEmpty();
        List<Long> latencies = new ArrayList<>();
        for (FakeTwilioApi.Received text : twilio.accepted()) {
            Long sent = sentAt.get(text.to());
            if (sent != null) {
                latencies.add(text.arrivedNanos() - sent);
            }
        }
        return latencies;
    }

    /** What the run printed, by the numbers of the list. */
    private static final class Report {
        private final Map<Integer, StringBuilder> sections = new java.util.TreeMap<>();

        void section(int number, String title) {
            sections.computeIfAbsent(number, n -> new StringBuilder()).insert(0, number + ". " + title + "\n");
            System.out.println(number + ". " + title);
        }

        void line(int number, String text) {
            sections.computeIfAbsent(number, n -> new StringBuilder())
                    .append("   ")
                    .append(text)
                    .append('\n');
            System.out.println("   " + text);
        }

        void throughput(int number, Load.Result service, Load.Result httpBound, Load.Result databaseBound) {
            double bound = Math.min(httpBound.perSecond(), databaseBound.perSecond());
            line(
                    number,
                    String.format(
                            Locale.ROOT,
                            "c=%-4d service %6.0f/s p50 %6.1f ms p99 %7.1f ms | HTTP bound %6.0f/s | DB bound %6.0f/s"
                                    + " (p50 %.1f ms, p99 %.1f ms) | service/lower bound %.2f%s",
                            service.concurrency(),
                            service.perSecond(),
                            service.p50Millis(),
                            service.p99Millis(),
                            httpBound.perSecond(),
                            databaseBound.perSecond(),
                            databaseBound.p50Millis(),
                            databaseBound.p99Millis(),
                            service.perSecond() / bound,
                            service.failures() == 0 ? "" : " (statuses: " + service.statuses() + ")"));
            if (service.cpu() != null) {
                line(number, "       service: " + service.cpu().describe("request"));
            }
            if (databaseBound.cpu() != null) {
                line(number, "       DB bound: " + databaseBound.cpu().describe("replayed request"));
            }
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("\n===== make bench results =====\n");
            sections.forEach((number, text) -> out.append(text).append('\n'));
            return out.toString();
        }
    }
}
