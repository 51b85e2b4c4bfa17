package com.callbackcloser.api.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The dashboard's inbox under a big business ({@code make bench-inbox}; also the last part of {@code make bench}):
 * 100,000 leads of one business (with their texts, some opted out, some named), the fat jar signed in to as its
 * owner, and the inbox asked for one request at a time: the first page, a later page by cursor, a search by
 * number and by name, each the p50/p95/p99 of the time to the whole answer, measured on loopback (an upper bound
 * of the server's time). Then the inbox page's weight over the wire with its assets, gzip as a browser asks.
 * Goals (issue 13): p95 under 50 ms for the first page and a search; the page with its assets under 100 KB.
 */
public final class InboxBench {
    static final int LEADS = 100_000;
    private static final int WARMUP = 150;
    private static final int MEASURED = 400;
    private static final String OWNER = "bench-owner";
    private static final String NUMBER = "+14155550999";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Consumer<String> out;

    private InboxBench(Consumer<String> out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path config = Path.of(args[1]).toAbsolutePath();
        Path work = Files.createTempDirectory("callbackcloser-bench-inbox");
        try (BenchDatabase database = BenchDatabase.start(work);
                FakeTwilioApi twilio = new FakeTwilioApi()) {
            List<String> lines = new ArrayList<>();
            new InboxBench(line -> {
                        System.out.println(line);
                        lines.add(line);
                    })
                    .run(jar, config, work, database, twilio);
            System.out.println("\n===== make bench-inbox results =====\n" + String.join("\n", lines));
        }
    }

    /** For {@link BenchMain}: the same, on the bench's database and Twilio fake, into its report. */
    static void run(
            Path jar, Path config, Path work, BenchDatabase database, FakeTwilioApi twilio, Consumer<String> out)
            throws Exception {
        new InboxBench(out).run(jar, config, work, database, twilio);
    }

    private void run(Path jar, Path config, Path work, BenchDatabase database, FakeTwilioApi twilio) throws Exception {
        Map<String, String> env = new LinkedHashMap<>(ServiceProcess.environment(database.url(), twilio));
        int port = ServiceProcess.freePort();
        String baseUrl = "http://127.0.0.1:" + port;
        env.put("APP_URL", baseUrl);
        // The inbox is what is measured: no workers sending the seeded texts' backlog alongside.
        env.put("OUTBOX_ENABLED", "false");
        env.put("WEBHOOKS_ENABLED", "false");
        ServiceProcess.command(jar, env, "db", "migrate", config.toString());
        String created = ServiceProcess.command(
                jar,
                env,
                "business",
                "create",
                config.toString(),
                "--name",
                "Big Plumbing",
                "--forwarding",
                "+14155550199",
                "--twilio-number",
                NUMBER,
                "--subscription",
                "active",
                "--owner",
                OWNER);
        Matcher id = Pattern.compile("([0-9a-f-]{36})\\s+Big Plumbing").matcher(created);
        if (!id.find()) {
            throw new IllegalStateException("business create printed: " + created);
        }
        String business = id.group(1);
        long seeding = System.nanoTime();
        seed(database, business);
        out.accept(String.format(
                Locale.ROOT,
                "seeded %,d leads, %,d texts, %,d opt-outs for one business in %.0f s",
                database.count("SELECT count(*) FROM leads WHERE business_id = '" + business + "'"),
                database.count("SELECT count(*) FROM messages WHERE business_id = '" + business + "'"),
                database.count("SELECT count(*) FROM sms_consents WHERE business_id = '" + business + "'"),
                (System.nanoTime() - seeding) / 1e9));

        try (ServiceProcess service = ServiceProcess.start(jar, config, env, work.resolve("service-inbox.log"), port)) {
            String cookie = signIn(baseUrl);
            String first = get(baseUrl + "/leads?business=" + business, cookie).body();
            Matcher older =
                    Pattern.compile("href=\"(/leads\\?[^\"]*cursor=[^\"]+)\"").matcher(first);
            if (!older.find()) {
                throw new IllegalStateException("no next page on the first page");
            }
            String page2 = older.group(1).replace("&amp;", "&");
            String phone = "5550123";
            Map<String, String> cases = new LinkedHashMap<>();
            cases.put("first page (25 newest of 100,000)", "/leads?business=" + business);
            cases.put("a later page (keyset cursor)", page2);
            cases.put(
                    "search by whole number (\"(415) 000-7919\")",
                    "/leads?business=" + business + "&q="
                            + URLEncoder.encode("(415) 000-7919", StandardCharsets.UTF_8));
            cases.put("search by number, no match (\"" + phone + "\")", "/leads?business=" + business + "&q=" + phone);
            cases.put("search by last 4 digits (\"0123\")", "/leads?business=" + business + "&q=0123");
            cases.put("search by name (\"dana\", 1 in 40 leads)", "/leads?business=" + business + "&q=dana");
            cases.put("search by name, no match (\"zebedee\")", "/leads?business=" + business + "&q=zebedee");
            cases.put(
                    "status filter + search (booked, \"ri\")",
                    "/leads?business=" + business + "&status=booked&q="
                            + URLEncoder.encode("ri", StandardCharsets.UTF_8));
            // Warm the JIT on all of them first, so the first case measured is not the one that compiles the code.
            for (int i = 0; i < WARMUP; i++) {
                for (String path : cases.values()) {
                    get(baseUrl + path, cookie);
                }
            }
            out.accept("inbox answers, one request at a time, " + MEASURED + " each after " + WARMUP
                    + " rounds of warm-up; server time from the service's request log (the whole request, rendering"
                    + " and gzip included), client time on loopback:");
            for (Map.Entry<String, String> entry : cases.entrySet()) {
                database.resetStatementStatistics();
                out.accept("   " + latency(entry.getKey(), baseUrl + entry.getValue(), cookie, service.log()));
                out.accept("      " + databaseTime(database));
            }
            out.accept("   goal: p95 < 50 ms for the first page and a search");
            weight(baseUrl, "/leads?business=" + business, cookie);
        }
    }

    /**
     * 100,000 leads in one statement each table: calls, leads (every 40th named Dana, a third with no name yet,
     * statuses mixed), three texts per lead (the first text, an answer, the next question), one caller in a hundred
     * opted out. Statistics gathered after, as autovacuum would.
     */
    private static void seed(BenchDatabase database, String business) throws Exception {
        String b = "'" + business + "'";
        database.execute("""
                INSERT INTO calls (business_id, call_sid, from_number, to_number, status, dial_call_status, missed,
                                   created_at, updated_at)
                SELECT %1$s, 'CAbench' || g, '+1415' || lpad(((g * 7919) %% 10000000)::text, 7, '0'), '%2$s',
                       'MISSED', 'no-answer', true, now() - make_interval(secs => g * 30), now()
                  FROM generate_series(1, %3$d) g
                """.formatted(b, NUMBER, LEADS));
        database.execute("""
                INSERT INTO leads (business_id, call_id, caller_raw, caller_number, status, conversation_state,
                                   service, urgency, contact_name, sms_started_at, last_interaction_at, created_at,
                                   updated_at)
                SELECT c.business_id, c.id, c.from_number, c.from_number,
                       (ARRAY['NEW', 'QUALIFIED', 'CONTACTED', 'BOOKED'])[1 + (g %% 4)],
                       CASE WHEN g %% 3 = 0 THEN 'AWAITING_SERVICE' ELSE 'COMPLETED' END,
                       CASE WHEN g %% 3 = 0 THEN NULL ELSE (ARRAY['Repair', 'Install', 'Maintenance'])[1 + (g %% 3)] END,
                       CASE WHEN g %% 3 = 0 THEN NULL ELSE 'Today' END,
                       CASE WHEN g %% 3 = 0 THEN NULL
                            WHEN g %% 40 = 1 THEN 'Dana ' || (ARRAY['Scully', 'Rivera', 'Okafor', 'Nguyen'])[1 + (g %% 4)]
                            ELSE (ARRAY['Alex', 'Sam', 'Jordan', 'Chris', 'Pat', 'Robin', 'Kim', 'Lee', 'Max', 'Ana'])
                                     [1 + (g %% 10)]
                                 || ' ' || (ARRAY['Smith', 'Brown', 'Garcia', 'Miller', 'Davis', 'Lopez', 'Wilson',
                                                  'Moore', 'Taylor', 'Clark'])[1 + ((g / 10) %% 10)] END,
                       c.created_at, c.created_at, c.created_at, c.created_at
                  FROM calls c JOIN LATERAL (SELECT substring(c.call_sid FROM 8)::int AS g) n ON true
                 WHERE c.business_id = %1$s AND c.call_sid LIKE 'CAbench%%'
                """.formatted(b));
        for (int step = 0; step < 3; step++) {
            boolean inbound = step == 1;
            database.execute("""
                    INSERT INTO messages (business_id, lead_id, direction, participant, from_number, to_number, body,
                                          twilio_sid, twilio_status, delivery_state, sent_at, created_at, updated_at)
                    SELECT l.business_id, l.id, '%1$s', 'LEAD', %2$s, %3$s, %4$s,
                           'SMbench%5$d' || l.id, %6$s, %7$s, l.created_at, l.created_at + make_interval(secs => %5$d),
                           l.created_at
                      FROM leads l WHERE l.business_id = %8$s
                    """.formatted(
                            inbound ? "INBOUND" : "OUTBOUND",
                            inbound ? "l.caller_number" : "'" + NUMBER + "'",
                            inbound ? "'" + NUMBER + "'" : "l.caller_number",
                            switch (step) {
                                case 0 ->
                                    "'Sorry we missed your call - Big Plumbing here. What do you need? Reply 1"
                                            + " Repair, 2 Install, 3 Maintenance, or describe it. Reply STOP to opt out.'";
                                case 1 -> "'2'";
                                default ->
                                    "'Got it: Install. How urgent is it? Reply 1 Emergency, 2 Today, 3 This"
                                            + " week, 4 Just a quote.'";
                            },
                            step + 1,
                            inbound ? "'received'" : "'delivered'",
                            inbound ? "NULL" : "'SENT'",
                            b));
        }
        database.execute("""
                INSERT INTO sms_consents (business_id, phone, opted_out, opted_out_at, last_keyword, created_at,
                                          updated_at)
                SELECT business_id, caller_number, true, now(), 'STOP', now(), now()
                  FROM leads WHERE business_id = %s AND substring(caller_number FROM 10)::int %% 100 = 7
                ON CONFLICT DO NOTHING
                """.formatted(b));
        database.execute("ANALYZE");
    }

    private String signIn(String baseUrl) throws Exception {
        HttpResponse<String> page = get(baseUrl + "/sign-in", null);
        String formCookie = cookie(page, "cc_sign_in_form");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        if (!token.find()) {
            throw new IllegalStateException("no sign-in form");
        }
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/sign-in/dev"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "cc_sign_in_form=" + formCookie)
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf="
                                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) + "&name=" + OWNER))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 303) {
            throw new IllegalStateException("sign-in answered " + signedIn.statusCode());
        }
        return "cc_session=" + cookie(signedIn, "cc_session");
    }

    private String latency(String what, String url, String cookie, Path log) throws Exception {
        long logged = requestLines(log).size();
        Histogram client = new Histogram(3);
        int rows = 0;
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            HttpResponse<String> page = get(url, cookie);
            client.recordValue(System.nanoTime() - start);
            if (page.statusCode() != 200) {
                throw new IllegalStateException(what + " answered " + page.statusCode());
            }
            rows = countRows(page.body());
        }
        Histogram server = new Histogram(3);
        List<Long> millis = awaitRequestLines(log, logged + MEASURED);
        millis.subList((int) logged, (int) logged + MEASURED).forEach(server::recordValue);
        return String.format(
                Locale.ROOT,
                "%-45s server p50 %3d ms  p95 %3d ms  p99 %3d ms | client p50 %5.1f ms  p95 %5.1f ms (%d leads shown)",
                what,
                server.getValueAtPercentile(50),
                server.getValueAtPercentile(95),
                server.getValueAtPercentile(99),
                client.getValueAtPercentile(50) / 1e6,
                client.getValueAtPercentile(95) / 1e6,
                rows);
    }

    /** Where the time went in PostgreSQL: statements per request, and the inbox query's own mean time. */
    private static String databaseTime(BenchDatabase database) throws Exception {
        List<BenchDatabase.StatementStatistics> statistics = database.statementStatistics();
        long calls = statistics.stream()
                .mapToLong(BenchDatabase.StatementStatistics::calls)
                .sum();
        double total =
                statistics.stream().mapToDouble(s -> s.calls() * s.meanMillis()).sum();
        String inbox = statistics.stream()
                .filter(s -> s.query().contains("LeadDao.page"))
                .map(s -> String.format(Locale.ROOT, "%.2f ms", s.meanMillis()))
                .findFirst()
                .orElse("-");
        return String.format(
                Locale.ROOT,
                "PostgreSQL: %.1f statements and %.2f ms per request; the inbox query itself %s",
                calls / (double) MEASURED,
                total / MEASURED,
                inbox);
    }

    private static final Pattern REQUEST_LINE = Pattern.compile("\"GET /leads HTTP/1\\.1\" 200 \\d+ (\\d+) ms");

    /** The server's time of each GET /leads in the request log so far, in order (the log is written behind). */
    private static List<Long> awaitRequestLines(Path log, long count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<Long> lines = requestLines(log);
        while (lines.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            lines = requestLines(log);
        }
        if (lines.size() < count) {
            throw new IllegalStateException("the request log has " + lines.size() + " of " + count + " lines");
        }
        return lines;
    }

    private static List<Long> requestLines(Path log) throws java.io.IOException {
        List<Long> millis = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher matcher = REQUEST_LINE.matcher(line);
            if (matcher.find()) {
                millis.add(Long.parseLong(matcher.group(1)));
            }
        }
        return millis;
    }

    /** The first page and every stylesheet, script and icon it names, as a browser with gzip fetches them. */
    private void weight(String baseUrl, String path, String cookie) throws Exception {
        HttpResponse<byte[]> page = gzipped(baseUrl + path, cookie);
        String html = new String(
                new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(page.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        long total = page.body().length;
        StringBuilder parts = new StringBuilder(String.format(
                Locale.ROOT, "HTML %.1f KB (%.1f KB unzipped)", page.body().length / 1024.0, html.length() / 1024.0));
        Matcher assets =
                Pattern.compile("(?:src|href)=\"(/(?:assets|webjars)/[^\"]+)\"").matcher(html);
        while (assets.find()) {
            HttpResponse<byte[]> asset = gzipped(baseUrl + assets.group(1).replace("&amp;", "&"), cookie);
            total += asset.body().length;
            parts.append(String.format(
                    Locale.ROOT,
                    ", %s %.1f KB%s",
                    assets.group(1).replaceAll("\\?.*", "").replaceAll(".*/", ""),
                    asset.body().length / 1024.0,
                    asset.headers().firstValue("Content-Encoding").orElse("").equals("gzip") ? "" : " (not gzipped)"));
        }
        out.accept(String.format(
                Locale.ROOT,
                "inbox page with its assets over the wire (gzip): %.1f KB = %s; goal < 100 KB",
                total / 1024.0,
                parts));
    }

    private HttpResponse<byte[]> gzipped(String url, String cookie) throws Exception {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Accept-Encoding", "gzip")
                        .header("Cookie", cookie)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response;
    }

    private HttpResponse<String> get(String url, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int countRows(String html) {
        Matcher rows = Pattern.compile("<li class=\"lead").matcher(html);
        int count = 0;
        while (rows.find()) {
            count++;
        }
        return count;
    }

    private static String cookie(HttpResponse<?> response, String name) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            if (header.startsWith(name + "=")) {
                return header.substring(name.length() + 1).split(";", 2)[0];
            }
        }
        throw new IllegalStateException(
                "no " + name + " cookie in " + response.headers().allValues("Set-Cookie"));
    }
}
